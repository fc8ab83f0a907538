// Live calls: every call of the customer that has not hung up, kept current by the events stream
// (call_* and activeflow_*), with its flow step, a ticking duration, hang up and transfer.

import { get, list, post } from '../api.js';
import { address, attempt, badge, duration, h, heading, notify, shortId, table } from '../dom.js';
import { subscribe } from '../events.js';

const CALL_EVENTS = ['call_created', 'call_ringing', 'call_answered', 'call_updated', 'call_hungup'];
const LIVE = ['dialing', 'ringing', 'progressing', 'terminating', 'canceling'];

export async function render(main) {
  const calls = new Map();        // call id → Call, live ones only
  const ended = new Set();        // hung up while the first page was loading: never shown again
  const steps = new Map();        // activeflow id → current_action_id
  const flows = new Map();        // flow id → Promise of the Flow (for the step's action type)
  const transfers = new Map();    // transfers started here, by id
  const transferNews = new Map(); // the latest transfer_* event of any transfer: it may beat the POST's answer
  const holder = h('div');
  const transferList = h('div', { id: 'transfers' });
  const count = h('span', { id: 'call-count', class: 'muted' });
  main.append(heading('Live calls', count), holder, transferList, transferDialog());

  const draw = () => {
    const rows = [...calls.values()].sort((a, b) => (a.tm_create < b.tm_create ? 1 : -1)).map(row);
    holder.replaceChildren(table('calls', ['Call', 'Direction', 'From', 'To', 'Status', 'Duration', 'Flow step', ''],
      rows, 'No live calls.'));
    count.textContent = `${calls.size} live`;
    drawTransfers();
  };

  function row(call) {
    return h('tr', { dataset: { callId: call.id } },
      h('td', { title: call.id }, shortId(call.id)),
      h('td', { class: 'direction' }, call.direction),
      h('td', { class: 'from' }, address(call.source)),
      h('td', { class: 'to' }, address(call.destination)),
      h('td', { class: 'status' }, badge(call.status)),
      h('td', { class: 'duration' }, elapsed(call)),
      h('td', { class: 'step' }, stepOf(call)),
      h('td', { class: 'row-actions' },
        h('button', { class: 'hangup danger', onclick: (e) => hangup(call, e.target) }, 'Hang up'),
        h('button', { class: 'transfer secondary', onclick: () => openTransfer(call) }, 'Transfer')));
  }

  function elapsed(call) {
    if (call.tm_progressing) return duration(Date.now() - Date.parse(call.tm_progressing));
    return `${duration(Date.now() - Date.parse(call.tm_create))} ringing`;
  }

  function stepOf(call) {
    const actionId = call.activeflow_id && steps.get(call.activeflow_id);
    if (!actionId) return call.activeflow_id ? '…' : '—';
    const flow = call.flow_id && flows.get(call.flow_id)?.value;
    const action = flow?.actions?.find((a) => a.id === actionId);
    return action ? `${action.type} (${action.id})` : actionId;
  }

  /** The flow's actions name the step; fetched once per flow, the row redrawn when they arrive. */
  function learnFlow(flowId) {
    if (!flowId || flows.has(flowId)) return;
    const entry = { value: null };
    flows.set(flowId, entry);
    get(`/flows/${flowId}`).then((flow) => { entry.value = flow; draw(); }, () => {});
  }

  function learnStep(call) {
    if (!call.activeflow_id || steps.has(call.activeflow_id)) return;
    get(`/activeflows/${call.activeflow_id}`).then((af) => {
      if (!steps.has(af.id) && af.current_action_id) steps.set(af.id, af.current_action_id);
      learnFlow(af.flow_id);
      draw();
    }, () => {});
  }

  function upsert(call) {
    if (call.status === 'hangup' || ended.has(call.id)) {
      ended.add(call.id);
      calls.delete(call.id);
    } else {
      calls.set(call.id, call);
      learnFlow(call.flow_id);
      learnStep(call);
    }
  }

  /** Each live status asked apart, so that a busy day's hung-up calls do not push live ones off the page. */
  async function load() {
    const pages = await attempt('Could not load the calls', () => Promise.all(LIVE.map((status) => list(`/calls?status=${status}`))));
    if (!pages) return;
    pages.flat().forEach((call) => {
      if (!calls.has(call.id)) upsert(call);
    });
    draw();
  }

  /** After the stream was down, what the table shows may have ended meanwhile: start again from the API. */
  function reload() {
    calls.clear();
    return load();
  }

  async function hangup(call, button) {
    const answer = await attempt(`Could not hang up ${shortId(call.id)}`, () => post(`/calls/${call.id}/hangup`, { reason: 'normal' }), button);
    if (answer) notify(`Hanging up ${shortId(call.id)}…`, 'info');
  }

  function openTransfer(call) {
    const dialog = main.querySelector('#transfer-dialog');
    dialog.dataset.callId = call.id;
    dialog.querySelector('.call').textContent = `${shortId(call.id)} (${address(call.source)} → ${address(call.destination)})`;
    dialog.showModal();
  }

  function transferDialog() {
    const destination = h('input', { id: 'transfer-destination', placeholder: '+15550100 or sip:…', required: true });
    const type = h('select', { id: 'transfer-type' }, h('option', { value: 'blind' }, 'blind'), h('option', { value: 'attended' }, 'attended'));
    const dialog = h('dialog', { id: 'transfer-dialog' });
    const submit = async (e) => {
      e.preventDefault();
      const callId = dialog.dataset.callId;
      const transfer = await attempt('Could not transfer', () =>
        post(`/calls/${callId}/transfer`, { type: type.value, destination: destination.value.trim() }), e.submitter);
      dialog.close();
      if (transfer) {
        transfers.set(transfer.id, transferNews.get(transfer.id) ?? transfer);
        drawTransfers();
      }
    };
    dialog.append(h('form', { method: 'dialog', onsubmit: submit },
      h('h2', {}, 'Transfer call ', h('span', { class: 'call' })),
      h('label', { for: 'transfer-destination' }, 'Destination'), destination,
      h('label', { for: 'transfer-type' }, 'Type'), type,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'submit', id: 'transfer-submit' }, 'Transfer'))));
    return dialog;
  }

  function drawTransfers() {
    if (!transfers.size) {
      transferList.replaceChildren();
      return;
    }
    const rows = [...transfers.values()].map((t) => h('tr', { dataset: { transferId: t.id } },
      h('td', { title: t.id }, shortId(t.id)), h('td', {}, t.type), h('td', {}, shortId(t.transferee_call_id)),
      h('td', { class: 'destination' }, address(t.destination)), h('td', { class: 'status' }, badge(t.status)),
      h('td', {}, t.reason ?? ''),
      h('td', { class: 'row-actions' }, t.type === 'attended' && !['completed', 'failed', 'canceled'].includes(t.status)
        ? [h('button', { onclick: (e) => transferStep(t, 'complete', e.target) }, 'Complete'),
          h('button', { class: 'secondary', onclick: (e) => transferStep(t, 'cancel', e.target) }, 'Cancel')]
        : [])));
    transferList.replaceChildren(h('h2', {}, 'Transfers'),
      table('transfer-table', ['Transfer', 'Type', 'Call', 'Destination', 'Status', 'Reason', ''], rows));
  }

  async function transferStep(transfer, step, button) {
    const answer = await attempt(`Could not ${step} the transfer`, () => post(`/transfers/${transfer.id}/${step}`), button);
    if (answer) {
      transfers.set(answer.id, answer);
      drawTransfers();
    }
  }

  const unsubscribe = subscribe([...CALL_EVENTS, 'activeflow_*', 'transfer_*'], (event) => {
    const data = event.data ?? {};
    if (CALL_EVENTS.includes(event.type)) {
      upsert(data);
    } else if (event.type.startsWith('activeflow_')) {
      if (event.type === 'activeflow_deleted') steps.delete(data.id);
      else if (data.current_action_id) steps.set(data.id, data.current_action_id);
      learnFlow(data.flow_id);
    } else {
      transferNews.set(data.id, data);
      if (transfers.has(data.id)) transfers.set(data.id, data);
    }
    draw();
  }, reload);
  const ticker = setInterval(() => document.querySelectorAll('#calls tr[data-call-id]').forEach((tr) => {
    const call = calls.get(tr.dataset.callId);
    if (call) tr.querySelector('.duration').textContent = elapsed(call);
  }), 1000);
  draw();
  await load();
  return () => {
    unsubscribe();
    clearInterval(ticker);
  };
}
