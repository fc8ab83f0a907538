// Conferences: the customer's conferences, and the chosen one's participants with kick, mute and unmute
// (#/conferences/{id}). conference_* and conferencecall_* events keep both current.

import { del, get, list, post } from '../api.js';
import { attempt, badge, h, heading, notify, shortId, table, time } from '../dom.js';
import { subscribe } from '../events.js';

export async function render(main, [selectedId]) {
  const conferences = new Map();
  let participants = [];
  const listHolder = h('div');
  const detailHolder = h('div', { id: 'participants-panel' });
  main.append(heading('Conferences'), listHolder, detailHolder);

  function draw() {
    listHolder.replaceChildren(table('conferences', ['Conference', 'Name', 'Type', 'Status', 'Participants', 'Recording', 'Created'],
      [...conferences.values()].map((c) => h('tr', { dataset: { conferenceId: c.id }, class: c.id === selectedId ? 'selected' : null },
        h('td', {}, h('a', { href: `#/conferences/${c.id}`, title: c.id }, shortId(c.id))),
        h('td', {}, c.name ?? ''), h('td', {}, c.type), h('td', { class: 'status' }, badge(c.status)),
        h('td', { class: 'participant-count' }, c.max_participants ? `${c.participant_count}/${c.max_participants}` : c.participant_count),
        h('td', {}, c.recording_id ? 'recording' : '—'), h('td', {}, time(c.tm_create)))),
      'No conferences. Create one with POST /v1.0/conferences.'));
    if (!selectedId) {
      detailHolder.replaceChildren(h('p', { class: 'muted' }, 'Choose a conference to see its participants.'));
      return;
    }
    const live = participants.filter((p) => p.status !== 'left');
    detailHolder.replaceChildren(h('h2', {}, `Participants of ${conferences.get(selectedId)?.name || shortId(selectedId)}`),
      table('participants', ['Participant', 'Call', 'Role', 'Status', 'Muted', 'Joined', ''], live.map((p) =>
        h('tr', { dataset: { conferencecallId: p.id } },
          h('td', { title: p.id }, shortId(p.id)), h('td', { title: p.call_id }, shortId(p.call_id)), h('td', {}, p.role),
          h('td', { class: 'status' }, badge(p.status)), h('td', {}, p.muted ? 'muted' : ''), h('td', {}, time(p.tm_create)),
          h('td', { class: 'row-actions' },
            h('button', { class: 'secondary', onclick: (e) => act(p, p.muted ? 'unmute' : 'mute', e.target) }, p.muted ? 'Unmute' : 'Mute'),
            h('button', { class: 'kick danger', onclick: (e) => act(p, 'kick', e.target) }, 'Kick')))),
      'Nobody is in this conference.'));
  }

  async function act(participant, action, button) {
    const answer = await attempt(`Could not ${action} ${shortId(participant.id)}`, () => (action === 'kick'
      ? del(`/conferencecalls/${participant.id}`)
      : post(`/conferencecalls/${participant.id}/${action}`)), button);
    if (answer) {
      participants = participants.map((p) => (p.id === answer.id ? answer : p));
      notify(`${shortId(participant.id)}: ${action === 'kick' ? 'kicked' : action + 'd'}`, 'info');
      draw();
    }
  }

  async function loadParticipants() {
    if (!selectedId) return;
    const page = await attempt('Could not load the participants', () => list(`/conferences/${selectedId}/conferencecalls`));
    if (page) participants = page;
  }

  async function load() {
    const page = await attempt('Could not load the conferences', () => list('/conferences'));
    (page ?? []).forEach((c) => conferences.set(c.id, c));
    if (selectedId && !conferences.has(selectedId)) {
      const one = await attempt('Could not load the conference', () => get(`/conferences/${selectedId}`));
      if (one) conferences.set(one.id, one);
    }
    await loadParticipants();
    draw();
  }

  const unsubscribe = subscribe(['conference_*', 'conferencecall_*'], async (event) => {
    const data = event.data ?? {};
    if (event.type === 'conference_deleted') conferences.delete(data.id);
    else if (event.type.startsWith('conference_')) conferences.set(data.id, data);
    else {
      const conference = conferences.get(data.conference_id);
      if (conference && data.participant_count != null) conferences.set(conference.id, { ...conference, participant_count: data.participant_count });
      if (data.conference_id === selectedId) await loadParticipants();
    }
    draw();
  }, load);
  await load();
  return unsubscribe;
}
