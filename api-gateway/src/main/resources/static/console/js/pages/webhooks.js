// Webhooks: the customer's webhooks, and the chosen one's deliveries (#/webhooks/{id}) with the attempt
// log of one delivery, replay of one, and replay of every failed delivery since a time.

import { get, list, post } from '../api.js';
import { attempt, badge, h, heading, notify, shortId, table, time } from '../dom.js';

export async function render(main, [webhookId]) {
  main.append(heading('Webhooks'));
  const webhooks = await attempt('Could not load the webhooks', () => list('/webhooks'));
  if (!webhooks) return;
  main.append(table('webhooks', ['Webhook', 'URL', 'Events', 'Enabled', 'Description'], webhooks.map((w) =>
    h('tr', { dataset: { webhookId: w.id }, class: w.id === webhookId ? 'selected' : null },
      h('td', {}, h('a', { href: `#/webhooks/${w.id}`, title: w.id }, shortId(w.id))),
      h('td', {}, w.url), h('td', {}, w.event_types?.length ? w.event_types.join(', ') : 'all'),
      h('td', {}, w.enabled ? 'yes' : h('span', { class: 'muted', title: w.disabled_reason ?? '' }, `no ${w.disabled_reason ?? ''}`)),
      h('td', { class: 'muted' }, w.description ?? ''))),
  'No webhooks. Create one with POST /v1.0/webhooks.'));
  return webhookId ? renderDeliveries(main, webhookId) : undefined;
}

async function renderDeliveries(main, webhookId) {
  const filter = h('select', { id: 'delivery-status' }, ['', 'pending', 'delivered', 'failed', 'cancelled']
    .map((s) => h('option', { value: s }, s || 'any status')));
  const since = h('input', { id: 'replay-since', type: 'datetime-local' });
  const holder = h('div');
  const log = h('div', { id: 'attempt-log' });
  main.append(h('h2', {}, 'Deliveries'),
    h('div', { class: 'toolbar' }, filter,
      h('span', { class: 'spacer' }),
      h('label', { for: 'replay-since' }, 'Replay failed since'), since,
      h('button', { id: 'replay-failed', class: 'secondary', onclick: (e) => replayFailed(e.target) }, 'Replay failed')),
    holder, log);

  async function load() {
    const status = filter.value ? `?status=${filter.value}` : '';
    const deliveries = await attempt('Could not load the deliveries', () => list(`/webhooks/${webhookId}/deliveries${status}`));
    if (!deliveries) return;
    holder.replaceChildren(table('deliveries', ['Delivery', 'Event', 'Status', 'Attempts', 'Last answer', 'Replay of', 'Created', ''],
      deliveries.map((d) => h('tr', { dataset: { deliveryId: d.id } },
        h('td', {}, h('a', { href: 'javascript:void 0', title: d.id, onclick: () => showLog(d.id) }, shortId(d.id))),
        h('td', {}, d.event_type), h('td', { class: 'status' }, badge(d.status)), h('td', {}, d.attempts),
        h('td', {}, d.last_status_code ?? d.last_error ?? '—'), h('td', {}, d.replay_of ? shortId(d.replay_of) : ''),
        h('td', {}, time(d.tm_create)),
        h('td', { class: 'row-actions' }, h('button', { class: 'replay secondary', onclick: (e) => replay(d, e.target) }, 'Replay')))),
      'No deliveries.'));
  }

  async function showLog(deliveryId) {
    const answer = await attempt('Could not load the attempt log', () => get(`/webhooks/${webhookId}/deliveries/${deliveryId}`));
    if (!answer) return;
    log.replaceChildren(h('h3', {}, `Attempts of ${shortId(deliveryId)}`), table('attempts', ['#', 'When', 'Status', 'Latency', 'Error'],
      answer.attempt_log.map((a) => h('tr', {}, h('td', {}, a.attempt), h('td', {}, time(a.tm_attempt)),
        h('td', {}, a.status_code ?? '—'), h('td', {}, `${a.latency_ms} ms`), h('td', {}, a.error ?? ''))), 'Not attempted yet.'));
  }

  async function replay(delivery, button) {
    const answer = await attempt(`Could not replay ${shortId(delivery.id)}`, () => post(`/webhooks/${webhookId}/deliveries/${delivery.id}/replay`), button);
    if (answer) {
      notify(`Replaying ${shortId(delivery.id)} as ${shortId(answer.id)}`, 'info');
      await load();
    }
  }

  async function replayFailed(button) {
    const when = since.value ? new Date(since.value).toISOString() : undefined;
    const answer = await attempt('Could not replay the failed deliveries', () =>
      post(`/webhooks/${webhookId}/deliveries/replay_failed`, { since: when }), button);
    if (answer) {
      notify(`${answer.replayed} failed deliveries replayed`, 'info');
      await load();
    }
  }

  filter.addEventListener('change', load);
  await load();
  const poller = setInterval(load, 5000);  // deliveries are not announced as events (only failures are)
  return () => clearInterval(poller);
}
