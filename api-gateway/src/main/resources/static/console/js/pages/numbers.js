// Numbers: the customer's phone numbers and the flow each one runs.

import { list } from '../api.js';
import { attempt, h, heading, shortId, table, time } from '../dom.js';

export async function render(main) {
  main.append(heading('Numbers'));
  const [numbers, flows] = await Promise.all([
    attempt('Could not load the numbers', () => list('/numbers')),
    attempt('Could not load the flows', () => list('/flows')),
  ]);
  if (!numbers) return;
  const flowNames = new Map((flows ?? []).map((flow) => [flow.id, flow.name]));
  main.append(table('numbers', ['Number', 'Name', 'Flow', 'Created'], numbers.map((number) =>
    h('tr', { dataset: { numberId: number.id } },
      h('td', { class: 'number' }, number.number), h('td', {}, number.name ?? ''),
      h('td', { class: 'flow' }, number.flow_id
        ? h('a', { href: `#/flows/${number.flow_id}` }, flowNames.get(number.flow_id) ?? shortId(number.flow_id))
        : h('span', { class: 'muted' }, 'no flow')),
      h('td', {}, time(number.tm_create)))),
  'No numbers. Create one with POST /v1.0/numbers.'));
}
