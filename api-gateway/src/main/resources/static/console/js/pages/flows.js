// Flows: the customer's flows, and one flow's actions in order (#/flows/{id}).

import { get, list } from '../api.js';
import { attempt, h, heading, shortId, table, time } from '../dom.js';

export async function render(main, [flowId]) {
  if (flowId) return renderFlow(main, flowId);
  main.append(heading('Flows'));
  const flows = await attempt('Could not load the flows', () => list('/flows'));
  if (!flows) return;
  main.append(table('flows', ['Flow', 'Name', 'Detail', 'Actions', 'Updated'], flows.map((flow) =>
    h('tr', { dataset: { flowId: flow.id } },
      h('td', {}, h('a', { href: `#/flows/${flow.id}`, title: flow.id }, shortId(flow.id))),
      h('td', {}, flow.name), h('td', { class: 'muted' }, flow.detail ?? ''),
      h('td', {}, flow.actions?.length ?? 0), h('td', {}, time(flow.tm_update ?? flow.tm_create)))),
  'No flows. Create one with POST /v1.0/flows.'));
}

async function renderFlow(main, flowId) {
  main.append(heading('Flow', h('a', { href: '#/flows', class: 'button secondary' }, 'All flows')));
  const flow = await attempt('Could not load the flow', () => get(`/flows/${flowId}`));
  if (!flow) return;
  main.append(
    h('dl', { class: 'facts' },
      h('dt', {}, 'Name'), h('dd', {}, flow.name),
      h('dt', {}, 'Id'), h('dd', {}, flow.id),
      h('dt', {}, 'Detail'), h('dd', {}, flow.detail ?? '—')),
    table('flow-actions', ['#', 'Id', 'Type', 'Option', 'Next'], flow.actions.map((action, index) =>
      h('tr', {},
        h('td', {}, index), h('td', {}, action.id), h('td', {}, h('code', {}, action.type)),
        h('td', {}, h('code', { class: 'option' }, JSON.stringify(action.option ?? {}))),
        h('td', {}, action.next_id ?? '')))));
}
