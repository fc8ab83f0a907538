// Small view helpers shared by the pages: building elements, tables, the message banner, formatting.

/** h('td', {class: 'x', onclick: f}, 'text', child) → an element. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A table with a header row; rows are <tr> elements. An empty body shows `empty` in one cell. */
export function table(id, headers, rows, empty = 'Nothing here yet.') {
  const body = h('tbody', {}, rows.length ? rows : h('tr', { class: 'empty' }, h('td', { colspan: headers.length }, empty)));
  return h('table', { id }, h('thead', {}, h('tr', {}, headers.map((name) => h('th', {}, name)))), body);
}

/** Shows a message in the banner at the top of the page; errors stay until dismissed or replaced. */
export function notify(text, kind = 'error') {
  const banner = document.getElementById('banner');
  const message = h('span', { class: 'text' }, text);
  banner.className = `banner ${kind}`;
  banner.replaceChildren(message, h('button', { class: 'dismiss', title: 'Dismiss', onclick: () => banner.replaceChildren() }, '×'));
  banner.hidden = false;
  if (kind !== 'error') setTimeout(() => message.isConnected && banner.replaceChildren(), 4000);
}

/** Runs an action behind a button, shows its failure in the banner, and keeps the button from double clicks. */
export async function attempt(what, action, button) {
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (e) {
    notify(`${what}: ${e.readable ?? e.message}`);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

export const shortId = (id) => (id ? String(id).slice(0, 8) : '—');

export const address = (a) => (a ? a.target ?? '' : '—');

export function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '—';
}

/** m:ss (or h:mm:ss) from milliseconds. */
export function duration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export const badge = (status) => h('span', { class: `badge ${status ?? ''}` }, status ?? '—');

/** A page's heading with optional buttons on the right. */
export const heading = (title, ...actions) => h('div', { class: 'heading' }, h('h1', {}, title), h('div', { class: 'actions' }, actions));
