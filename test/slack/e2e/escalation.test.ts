/**
 * The coordination office's help desk end to end over loopback (HTTP mode): a question the plan
 * is silent on goes to the office (问协调办), a coordinator's reply in its thread comes back to the
 * asker, is saved as a standard answer, and the next person asking the same question sees it
 * first, attributed and dated, with the plan's text beneath. The service is restarted between
 * every step, and killed in the middle of two of them (a post Slack took but never answered, the
 * process stopped before it could record it): nothing is lost, and every post happens once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HELP_DESK_EVENT_TYPE } from '../../../src/slack/help-desk/help-desk-metadata.js';
import { FAKE_USER_ID, startFakeSlackApi, type FakeSlackApi, type MethodHandler, type RecordedCall, type StoredMessage } from '../../support/fake-slack-api.js';
import { signedSender } from '../../support/signed-request.js';
import { blockAction, eventEnvelope, messageEvent } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness, type HarnessOptions } from '../../support/slack-app-harness.js';
import { waitUntil } from '../../support/waiters.js';

const COORDINATOR = 'U0COORD';
const OFFICE = 'C0COORDOFFICE';
const QUESTION = '专利导航实验区的工作经费由谁承担？';
const OFFICE_ANSWER = '经费由试点地方财政安排，\n国家知识产权局给予引导资金支持。';
/** 10:00 in Shanghai on 2026-12-01; the digest at 18:00, so start-up posts nothing. */
const NOW = new Date('2026-12-01T02:00:00Z');

let api: FakeSlackApi | undefined;
const apps: AppHarness[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop();
  await api?.close();
  api = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(fake: FakeSlackApi, dataDir: string, more: HarnessOptions = {}): Promise<AppHarness> {
  const app = await startAppHarness('http', fake, {
    dataDir,
    now: () => NOW,
    coordinators: { users: [COORDINATOR], groups: [] },
    digest: { cron: '0 18 * * *' },
    helpDesk: { channel: OFFICE, answerChannels: [], reviewMonths: 6, expired: 'notice' },
    ...more,
  });
  apps.push(app);
  return app;
}

async function stop(app: AppHarness): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.stop();
}

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-escalation-'));
  dirs.push(dir);
  return dir;
}

const sender = (app: AppHarness) => signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);

/** The value of the button `actionId` in a posted message's blocks. */
function buttonValue(call: RecordedCall | StoredMessage, actionId: string): string {
  const blocks = 'args' in call ? call.args.blocks : call.blocks;
  const found = JSON.stringify(blocks ?? []).match(new RegExp(`"action_id":"${actionId}","value":"((?:[^"\\\\]|\\\\.)*)"`, 'u'));
  if (!found?.[1]) throw new Error(`no ${actionId} button in ${JSON.stringify(blocks).slice(0, 300)}`);
  return JSON.parse(`"${found[1]}"`) as string;
}

/** The help desk posts named `post` (`office:1`, `told:1`, `relay:1:<ts>` …) in a channel's history. */
function posts(fake: FakeSlackApi, channel: string, prefix: string): StoredMessage[] {
  return fake.history(channel).filter((m) => {
    const metadata = m.metadata as { event_type?: string; event_payload?: { post?: string } } | undefined;
    return metadata?.event_type === HELP_DESK_EVENT_TYPE && String(metadata.event_payload?.post).startsWith(prefix);
  });
}

/** Slack takes the post (it is in the channel) and never answers: the process stops before it learns. */
const takenNeverAnswered: MethodHandler = async (_args, fallback) => {
  fallback();
  return new Promise(() => undefined);
};

/** Asks the DM question and returns it with the 问协调办 value of its answer. */
async function askDeclined(fake: FakeSlackApi, app: AppHarness): Promise<{ ts: string; escalate: string }> {
  const dm = messageEvent(QUESTION);
  await sender(app).event(eventEnvelope(dm));
  const answer = await fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0DIRECT' && c.args.thread_ts === dm.ts);
  expect(String(answer.args.text)).toContain('计划原文未列明牵头单位或负责部门');
  return { ts: String(dm.ts), escalate: buttonValue(answer, 'escalate_to_office') };
}

describe('a question the plan is silent on, asked of the coordination office', () => {
  it('goes to the office, comes back from a coordinator, is saved, and answers the next person first — across restarts, each post once', async () => {
    const fake = await startFakeSlackApi();
    api = fake;
    const dataDir = freshDir();

    // 1. A declined DM, and 问协调办.
    let app = await start(fake, dataDir);
    const asked = await askDeclined(fake, app);
    await sender(app).click(blockAction('escalate_to_office', asked.escalate, { user: FAKE_USER_ID, responseUrl: fake.responseUrl('escalate-1') }));
    const office = await fake.waitFor('chat.postMessage', (c) => c.args.channel === OFFICE);
    const officeBlocks = JSON.stringify(office.args.blocks);
    for (const shown of [
      QUESTION,
      `<@${FAKE_USER_ID}>`,
      '《2014年国家知识产权战略实施推进计划》',
      '第 15',
      `https://fake.slack.com/archives/D0DIRECT/p${asked.ts.replace('.', '')}`,
    ])
      expect(officeBlocks).toContain(shown);
    const officeTs = String(posts(fake, OFFICE, 'office:')[0]?.ts);
    const told = await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'D0DIRECT' && c.args.thread_ts === asked.ts && String(c.args.text).includes('已把这个问题转给协调办'),
    );
    expect(told.args.text).toContain('第 1 号');

    // The same thread again: one escalation, said so privately.
    await sender(app).click(blockAction('escalate_to_office', asked.escalate, { user: FAKE_USER_ID, responseUrl: fake.responseUrl('escalate-2') }));
    expect(String((await fake.waitForResponse((r) => r.id === 'escalate-2')).body.text)).toContain('这个问题已经转给协调办了（第 1 号），正在等答复');

    // 2. Restart; a coordinator answers in the office's thread, a member who is not one too.
    await stop(app);
    app = await start(fake, dataDir);
    await sender(app).event(eventEnvelope(messageEvent('我也想知道这个', { channel: OFFICE, channelType: 'channel', threadTs: officeTs, user: 'U0MEMBER' })));
    await app.log.waitFor((l) => l.outcome === 'escalation-not-a-coordinator');
    await sender(app).event(eventEnvelope(messageEvent(OFFICE_ANSWER, { channel: OFFICE, channelType: 'channel', threadTs: officeTs, user: COORDINATOR })));
    const relay = await fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === 'D0DIRECT' && c.args.thread_ts === asked.ts && String(c.args.text).startsWith('协调办答复'),
    );
    const relayBlocks = JSON.stringify(relay.args.blocks);
    expect(relayBlocks).toContain(`<@${COORDINATOR}>`);
    expect(relayBlocks).toContain('经费由试点地方财政安排，\\n国家知识产权局给予引导资金支持。');
    expect(relayBlocks).not.toContain('我也想知道');
    const offer = await fake.waitFor('chat.postMessage', (c) => c.args.channel === OFFICE && c.args.thread_ts === officeTs);

    // 3. Restart; 存为标准答复.
    await stop(app);
    app = await start(fake, dataDir);
    await sender(app).click(
      blockAction('standard_answer_save', buttonValue(offer, 'standard_answer_save'), { user: COORDINATOR, responseUrl: fake.responseUrl('save-1') }),
    );
    const saved = (await fake.waitForResponse((r) => r.id === 'save-1')).body;
    expect(saved.replace_original).toBe(true);
    expect(String(saved.text)).toContain('已存为标准答复 #1（复核日期 2027-06-01）');

    // 4. Restart; another person asks the same question in other words.
    await stop(app);
    app = await start(fake, dataDir);
    const again = messageEvent('专利导航实验区的经费由谁来承担？', { user: 'U0SECOND', channel: 'D0SECOND' });
    await sender(app).event(eventEnvelope(again));
    const answered = JSON.stringify((await fake.waitFor('chat.postMessage', (c) => c.args.channel === 'D0SECOND')).args.blocks);
    const label = answered.indexOf('标准答复 · 协调办 · 2026-12-01');
    expect(label).toBeGreaterThanOrEqual(0);
    expect(answered.indexOf('经费由试点地方财政安排')).toBeGreaterThan(label);
    expect(answered.indexOf('以下是计划原文')).toBeGreaterThan(answered.indexOf('经费由试点地方财政安排'));
    expect(answered.indexOf('计划原文未列明牵头单位或负责部门')).toBeGreaterThan(answered.indexOf('以下是计划原文'));
    expect(answered).not.toContain('escalate_to_office');

    // Each post once, whatever the restarts.
    expect(posts(fake, OFFICE, 'office:1')).toHaveLength(1);
    expect(posts(fake, OFFICE, 'offer:1:')).toHaveLength(1);
    expect(posts(fake, 'D0DIRECT', 'told:1')).toHaveLength(1);
    expect(posts(fake, 'D0DIRECT', 'relay:1:')).toHaveLength(1);
  });

  it('is finished once after a crash while the office’s post was in flight: found in the channel, not posted again', async () => {
    const fake = await startFakeSlackApi();
    api = fake;
    const dataDir = freshDir();
    const first = await start(fake, dataDir, { drainTimeoutMs: 100, slack: { slackCallTimeoutMs: 600_000 } });
    const asked = await askDeclined(fake, first);
    fake.respondOnce('chat.postMessage', takenNeverAnswered);
    await sender(first).click(blockAction('escalate_to_office', asked.escalate, { user: FAKE_USER_ID, responseUrl: fake.responseUrl('crash-1') }));
    await waitUntil(() => posts(fake, OFFICE, 'office:1').length === 1, 'Slack to take the office’s post');
    expect((await first.stop()).dropped).toBe(1);
    apps.splice(apps.indexOf(first), 1);

    const second = await start(fake, dataDir);
    await waitUntil(() => posts(fake, 'D0DIRECT', 'told:1').length === 1, 'the asker to be told after the restart', 10_000);
    await second.log.waitFor((l) => l.kind === 'action.escalate' && l.outcome === 'escalation-passed-on');
    expect(posts(fake, OFFICE, 'office:')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === OFFICE)).toHaveLength(1);
    expect(posts(fake, 'D0DIRECT', 'told:')).toHaveLength(1);
  });

  it('is relayed once after a crash while the relay was in flight, and 存为标准答复 offered once', async () => {
    const fake = await startFakeSlackApi();
    api = fake;
    const dataDir = freshDir();
    const first = await start(fake, dataDir, { drainTimeoutMs: 100, slack: { slackCallTimeoutMs: 600_000 } });
    const asked = await askDeclined(fake, first);
    await sender(first).click(blockAction('escalate_to_office', asked.escalate, { user: FAKE_USER_ID }));
    await waitUntil(() => posts(fake, 'D0DIRECT', 'told:1').length === 1, 'the asker to be told');
    const officeTs = String(posts(fake, OFFICE, 'office:1')[0]?.ts);
    fake.respondOnce('chat.postMessage', takenNeverAnswered);
    await sender(first).event(eventEnvelope(messageEvent(OFFICE_ANSWER, { channel: OFFICE, channelType: 'channel', threadTs: officeTs, user: COORDINATOR })));
    await waitUntil(() => posts(fake, 'D0DIRECT', 'relay:1:').length === 1, 'Slack to take the relay');
    expect((await first.stop()).dropped).toBe(1);
    apps.splice(apps.indexOf(first), 1);

    const second = await start(fake, dataDir);
    await waitUntil(() => posts(fake, OFFICE, 'offer:1:').length === 1, 'the offer after the restart', 10_000);
    await second.log.waitFor((l) => l.kind === 'coordination_reply' && l.outcome === 'escalation-relayed' && l.found === true);
    expect(posts(fake, 'D0DIRECT', 'relay:')).toHaveLength(1);
    expect(posts(fake, OFFICE, 'offer:')).toHaveLength(1);
  });

  it('saves nothing when the asker’s thread is gone, and says so in Chinese', async () => {
    const fake = await startFakeSlackApi();
    api = fake;
    const app = await start(fake, freshDir());
    const asked = await askDeclined(fake, app);
    fake.respondOnce('chat.getPermalink', () => ({ ok: false, error: 'message_not_found' }));
    await sender(app).click(blockAction('escalate_to_office', asked.escalate, { user: FAKE_USER_ID, responseUrl: fake.responseUrl('gone-1') }));
    expect(String((await fake.waitForResponse((r) => r.id === 'gone-1')).body.text)).toBe(
      '原来的话题已经找不到了（可能已被删除），这个问题没有转给协调办，什么都没有保存。请重新提问后再点“问协调办”。',
    );
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === OFFICE)).toHaveLength(0);
    expect((await app.application.helpDesk.export()).escalations).toEqual([]);
  });

  it('saves nothing when the office’s channel refuses the post, so the thread can be escalated again', async () => {
    const fake = await startFakeSlackApi();
    api = fake;
    const app = await start(fake, freshDir());
    const asked = await askDeclined(fake, app);
    fake.respondOnce('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    await sender(app).click(blockAction('escalate_to_office', asked.escalate, { user: FAKE_USER_ID, responseUrl: fake.responseUrl('refused-1') }));
    expect(String((await fake.waitForResponse((r) => r.id === 'refused-1')).body.text)).toContain('没能把问题发到协调办的频道');
    expect((await app.application.helpDesk.export()).escalations).toEqual([]);
    await sender(app).click(blockAction('escalate_to_office', asked.escalate, { user: FAKE_USER_ID }));
    await waitUntil(() => posts(fake, 'D0DIRECT', 'told:').length === 1, 'the second try to go through');
  });
});
