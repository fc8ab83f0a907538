// Queues: each queue's figures, the callers in line or being served, and the agents with their status.
// queuecall_* events reload the callers and that queue's figures; agent_* events carry the agent itself.

import { get, list } from '../api.js';
import { attempt, badge, duration, h, heading, shortId, table } from '../dom.js';
import { subscribe } from '../events.js';

const ACTIVE = ['initiating', 'waiting', 'offering', 'connected'];

/** A cell showing how long ago `iso` was, kept current by the page's ticker. */
const since = (iso) => h('td', { class: 'since', dataset: { since: iso } }, duration(Date.now() - Date.parse(iso)));

export async function render(main) {
  const queues = new Map();      // id → Queue
  const stats = new Map();       // queue id → statistics
  const agents = new Map();      // id → Agent
  let callers = [];              // Queuecalls not ended, oldest first
  const queueHolder = h('div');
  const callerHolder = h('div');
  const agentHolder = h('div');
  main.append(heading('Queues'), queueHolder,
    h('h2', {}, 'Callers in queues'), callerHolder,
    h('h2', {}, 'Agents'), agentHolder);

  function draw() {
    queueHolder.replaceChildren(table('queues',
      ['Queue', 'Name', 'Strategy', 'Waiting', 'Longest wait', 'Served', 'Abandoned', 'Timed out', 'Service level'],
      [...queues.values()].map((queue) => {
        const s = stats.get(queue.id) ?? {};
        return h('tr', { dataset: { queueId: queue.id } },
          h('td', { title: queue.id }, shortId(queue.id)), h('td', {}, queue.name), h('td', {}, queue.strategy),
          h('td', { class: 'waiting' }, s.waiting ?? 0), h('td', {}, duration(s.longest_wait_ms ?? 0)),
          h('td', {}, s.served ?? 0), h('td', {}, s.abandoned ?? 0), h('td', {}, s.timed_out ?? 0),
          h('td', {}, s.service_level_percent == null ? '—' : `${Math.round(s.service_level_percent)}% in ${s.service_level_seconds}s`));
      }), 'No queues. Create one with POST /v1.0/queues.'));
    callerHolder.replaceChildren(table('queuecalls', ['Caller', 'Queue', 'Status', 'In line for', 'Priority', 'Agent', 'Offers'],
      callers.map((qc) => h('tr', { dataset: { queuecallId: qc.id } },
        h('td', { title: qc.reference_id }, shortId(qc.reference_id)),
        h('td', { class: 'queue' }, queues.get(qc.queue_id)?.name ?? shortId(qc.queue_id)),
        h('td', { class: 'status' }, badge(qc.status)),
        since(qc.tm_create),
        h('td', {}, qc.priority ?? 0),
        h('td', {}, qc.agent_id ? agents.get(qc.agent_id)?.name ?? shortId(qc.agent_id) : '—'),
        h('td', {}, qc.offer_attempts ?? 0))), 'Nobody is waiting.'));
    agentHolder.replaceChildren(table('agents', ['Agent', 'Name', 'Status', 'Since', 'Skills', 'Offered', 'Answered', 'Missed'],
      [...agents.values()].sort((a, b) => a.name.localeCompare(b.name)).map((agent) => h('tr', { dataset: { agentId: agent.id } },
        h('td', { title: agent.id }, shortId(agent.id)), h('td', {}, agent.name),
        h('td', { class: 'status' }, badge(agent.status)),
        agent.tm_status ? since(agent.tm_status) : h('td', {}, '—'),
        h('td', {}, (agent.skills ?? []).map((s) => `${s.name} ${s.level}`).join(', ')),
        h('td', {}, agent.stats?.offered ?? 0), h('td', {}, agent.stats?.answered ?? 0), h('td', {}, agent.stats?.missed ?? 0))),
      'No agents. Create one with POST /v1.0/agents.'));
  }

  async function loadCallers() {
    const page = await list('/queuecalls').catch(() => null);
    if (page) callers = page.filter((qc) => ACTIVE.includes(qc.status)).reverse();
  }

  async function loadStats(queueId) {
    const s = await get(`/queues/${queueId}/statistics`).catch(() => null);
    if (s) stats.set(queueId, s);
  }

  async function load() {
    const [queuePage, agentPage] = await Promise.all([
      attempt('Could not load the queues', () => list('/queues')),
      attempt('Could not load the agents', () => list('/agents')),
    ]);
    (queuePage ?? []).forEach((q) => queues.set(q.id, q));
    (agentPage ?? []).forEach((a) => agents.set(a.id, a));
    await Promise.all([loadCallers(), ...[...queues.keys()].map(loadStats)]);
    draw();
  }

  const unsubscribe = subscribe(['queue_*', 'queuecall_*', 'agent_*'], async (event) => {
    const data = event.data ?? {};
    if (event.type === 'queue_deleted') queues.delete(data.id);
    else if (event.type.startsWith('queue_')) queues.set(data.id, data);
    else if (event.type === 'agent_deleted') agents.delete(data.id);
    else if (event.type.startsWith('agent_')) agents.set(data.id, data);
    else await Promise.all([loadCallers(), loadStats(data.queue_id)]);
    draw();
  }, load);
  // Only the clocks tick; the tables are redrawn when an event changes them.
  const ticker = setInterval(() => main.querySelectorAll('td[data-since]').forEach((td) => {
    td.textContent = duration(Date.now() - Date.parse(td.dataset.since));
  }), 1000);
  await load();
  return () => {
    unsubscribe();
    clearInterval(ticker);
  };
}
