// Campaigns: each campaign's status and progress (statistics, and its outdial's targets done of all),
// start and stop. Campaign and campaigncall events refresh a campaign's row; while one runs, its
// statistics are also read every two seconds (they are counted, not announced).

import { get, list, post } from '../api.js';
import { attempt, badge, h, heading, shortId, table } from '../dom.js';
import { subscribe } from '../events.js';

const POLL_MS = 2000;

export async function render(main) {
  const campaigns = new Map();   // id → Campaign
  const progress = new Map();    // id → {stats, counts}
  const holder = h('div');
  main.append(heading('Campaigns'), holder);

  const draw = () => holder.replaceChildren(table('campaigns',
    ['Campaign', 'Name', 'Status', 'Rate', 'Dialed', 'Answered', 'In flight', 'Success', 'Failed', 'Targets done', ''],
    [...campaigns.values()].map(row), 'No campaigns. Create one with POST /v1.0/campaigns.'));

  function row(campaign) {
    const { stats = {}, counts } = progress.get(campaign.id) ?? {};
    const failed = (stats.fail ?? 0) + (stats.busy ?? 0) + (stats.no_answer ?? 0) + (stats.unavailable ?? 0);
    const running = campaign.status !== 'stop';
    return h('tr', { dataset: { campaignId: campaign.id } },
      h('td', { title: campaign.id }, shortId(campaign.id)),
      h('td', {}, campaign.name),
      h('td', { class: 'status' }, badge(campaign.status)),
      h('td', {}, `${campaign.dial_rate}/s`),
      h('td', { class: 'dialed' }, stats.dialed ?? 0),
      h('td', { class: 'answered' }, stats.answered ?? 0),
      h('td', { class: 'in-flight' }, stats.in_flight ?? 0),
      h('td', { class: 'success' }, `${stats.success ?? 0} (${Math.round((stats.success_rate ?? 0) * 100)}%)`),
      h('td', { class: 'failed' }, failed),
      h('td', { class: 'targets' }, targets(counts)),
      h('td', { class: 'row-actions' }, running
        ? h('button', { class: 'stop danger', disabled: campaign.status === 'stopping', onclick: (e) => change(campaign, 'stop', e.target) }, 'Stop')
        : h('button', { class: 'start', onclick: (e) => change(campaign, 'start', e.target) }, 'Start')));
  }

  function targets(counts) {
    if (!counts || !counts.total) return '—';
    const finished = counts.done + counts.failed + counts.dnc;
    return h('span', { class: 'progress', title: `${counts.idle} idle, ${counts.progressing} dialling` },
      h('progress', { max: counts.total, value: finished }), ` ${finished}/${counts.total}`);
  }

  async function refresh(id) {
    const campaign = campaigns.get(id);
    if (!campaign) return;
    const [stats, counts] = await Promise.all([
      get(`/campaigns/${id}/statistics`).catch(() => undefined),
      campaign.outdial_id ? get(`/outdials/${campaign.outdial_id}/counts`).catch(() => undefined) : undefined,
    ]);
    progress.set(id, { stats: stats ?? progress.get(id)?.stats, counts: counts ?? progress.get(id)?.counts });
    draw();
  }

  async function change(campaign, action, button) {
    const answer = await attempt(`Could not ${action} ${campaign.name}`, () => post(`/campaigns/${campaign.id}/${action}`), button);
    if (answer) {
      campaigns.set(answer.id, answer);
      draw();
      refresh(answer.id);
    }
  }

  async function load() {
    const page = await attempt('Could not load the campaigns', () => list('/campaigns'));
    if (!page) return;
    page.forEach((c) => campaigns.set(c.id, c));
    draw();
    await Promise.all(page.map((c) => refresh(c.id)));
  }

  const unsubscribe = subscribe(['campaign_*', 'campaigncall_*'], (event) => {
    const data = event.data ?? {};
    if (event.type === 'campaign_deleted') {
      campaigns.delete(data.id);
      draw();
    } else if (event.type.startsWith('campaign_')) {
      campaigns.set(data.id, data);
      refresh(data.id);
    } else {
      refresh(data.campaign_id);
    }
  }, load);
  const poller = setInterval(() => [...campaigns.values()]
    .filter((c) => c.status !== 'stop').forEach((c) => {
      get(`/campaigns/${c.id}`).then((fresh) => campaigns.set(fresh.id, fresh), () => {}).finally(() => refresh(c.id));
    }), POLL_MS);
  await load();
  return () => {
    unsubscribe();
    clearInterval(poller);
  };
}
