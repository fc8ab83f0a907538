// The console's shell: log in, the navigation, and which page module draws #page for the current hash.

import { api, session } from './api.js';
import { h, notify } from './dom.js';
import { startEvents, stopEvents } from './events.js';

const pages = {
  calls: () => import('./pages/calls.js'),
  flows: () => import('./pages/flows.js'),
  numbers: () => import('./pages/numbers.js'),
  campaigns: () => import('./pages/campaigns.js'),
  queues: () => import('./pages/queues.js'),
  conferences: () => import('./pages/conferences.js'),
  webhooks: () => import('./pages/webhooks.js'),
};

const main = document.getElementById('page');
let leavePage = () => {};
let routing = 0;  // a newer navigation wins over one still loading its module

function showLogin(message) {
  leavePage();
  leavePage = () => {};
  stopEvents();
  document.getElementById('top').hidden = true;
  document.getElementById('banner').hidden = true;
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', placeholder: 'eyJhbGciOi…', required: true });
  const error = h('p', { id: 'login-error', class: 'login-error', role: 'alert' }, message ?? '');
  const button = h('button', { id: 'login-button', type: 'submit' }, 'Log in');
  const form = h('form', { id: 'login-form', class: 'login', onsubmit: (e) => { e.preventDefault(); logIn(input.value.trim(), error, button); } },
    h('h1', {}, 'VoIPBIN console'),
    h('label', { for: 'token' }, 'Customer token (JWT)'),
    input,
    h('p', { class: 'hint' }, 'In local mode: ', h('code', {}, './voipbin token')),
    button,
    error);
  main.replaceChildren(form);
  input.focus();
}

/** The token is tried on a cheap read before it is kept, so a bad one is refused at the door. */
async function logIn(token, error, button) {
  if (!token) {
    error.textContent = 'Paste a customer token to log in.';
    return;
  }
  button.disabled = true;
  error.textContent = '';
  try {
    await api('GET', '/calls?page_size=1', undefined, token);
    session.save(token);
    location.hash = '#/calls';
    route();
  } catch (e) {
    error.textContent = e.status === 401
      ? `The token was refused: ${e.message}.`
      : `Could not log in: ${e.readable ?? e.message}`;
  } finally {
    button.disabled = false;
  }
}

async function route() {
  if (!session.token()) {
    showLogin();
    return;
  }
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  if (!pages[name]) {
    location.replace('#/calls');
    return;
  }
  document.getElementById('top').hidden = false;
  document.getElementById('customer').textContent = `customer ${session.customerId()}`;
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === name));
  startEvents();
  document.getElementById('banner').replaceChildren();  // a message belongs to the page it was shown on
  leavePage();
  leavePage = () => {};
  const ticket = ++routing;
  main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  const module = await pages[name]();
  if (ticket !== routing) return;
  main.replaceChildren();
  leavePage = (await module.render(main, rest)) ?? (() => {});
}

document.getElementById('logout').addEventListener('click', () => {
  session.clear();
  location.hash = '';
  showLogin();
});
window.addEventListener('voipbin:unauthenticated', (e) => {
  session.clear();
  showLogin(`Your token is no longer accepted (${e.detail ?? 'unauthenticated'}). Log in again.`);
});
window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (e) => notify(e.reason?.readable ?? String(e.reason?.message ?? e.reason)));
route();
