/**
 * Exactly once when Slack is slow, over loopback: a post Slack accepts but answers only after the
 * call's deadline is not sent again blindly. The app looks for it (its metadata names what it
 * answers) and finds it, so the channel shows one answer and one digest; a delivery replayed after
 * a restart whose answer went out before the crash is not answered again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWER_EVENT_TYPE, answerMetadata } from '../../../src/slack/delivery/answer-metadata.js';
import { DIGEST_EVENT_TYPE } from '../../../src/core/digest/digest-metadata.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { startFakeSlackApi, type FakeSlackApi, type MethodHandler, type StoredMessage } from '../../support/fake-slack-api.js';
import { signedSender } from '../../support/signed-request.js';
import { eventEnvelope, messageEvent, slashCommand } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';
import { waitUntil } from '../../support/waiters.js';

/** A call's deadline short enough for a test; the fake answers only once the app gave up. */
const CALL_TIMEOUT_MS = 300;
const DIGEST_CHANNEL = 'C0DIGEST';
/** 10:00 in Shanghai, with the digest at 18:00: start-up posts nothing, the test ticks the schedule itself. */
const MORNING = { now: () => new Date('2026-11-24T02:00:00Z'), digest: { channel: DIGEST_CHANNEL, days: 'daily' as const, cron: '0 18 * * *' } };

/** Slack accepts the post (it is in the channel) but answers after the client gave up on it. */
const acceptedButLate: MethodHandler = async (_args, fallback, { aborted }) => {
  const answer = fallback();
  await aborted;
  return answer;
};

const withEventType = (type: string) => (m: StoredMessage) =>
  typeof m.metadata === 'object' && m.metadata !== null && 'event_type' in m.metadata && m.metadata.event_type === type;

let api: FakeSlackApi | undefined;
let app: AppHarness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await app?.stop();
  await api?.close();
  app = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('when Slack accepts a post but answers after the deadline', () => {
  it('answers a DM once: it looks for the answer in the thread instead of posting it again', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api, { slack: { slackCallTimeoutMs: CALL_TIMEOUT_MS } });
    api.respondOnce('chat.postMessage', acceptedButLate);
    const dm = messageEvent('商标审查周期要控制在多久？');
    await signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET).event(eventEnvelope(dm));
    await waitUntil(() => app?.log.lines().some((l) => l.kind === 'message.im'), 'the DM to be handled');

    const answers = api.history('D0DIRECT').filter(withEventType(ANSWER_EVENT_TYPE));
    expect(answers).toHaveLength(1);
    expect(answers[0]?.metadata).toEqual(answerMetadata('D0DIRECT', String(dm.ts)));
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(api.callsTo('conversations.replies')[0]?.args).toMatchObject({ channel: 'D0DIRECT', ts: dm.ts });
  });

  it('posts the day’s digest once, and records it as posted', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api, { slack: { slackCallTimeoutMs: CALL_TIMEOUT_MS }, ...MORNING });
    api.respondOnce('chat.postMessage', acceptedButLate);
    expect(await app.digest?.tick()).toMatchObject({ outcome: 'posted' });
    expect(api.history(DIGEST_CHANNEL).filter(withEventType(DIGEST_EVENT_TYPE))).toHaveLength(1);
    expect(await app.digest?.tick()).toMatchObject({ outcome: 'already-posted' });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('still posts once a post Slack really never received: it looks, finds nothing, and posts again', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api, { slack: { slackCallTimeoutMs: CALL_TIMEOUT_MS } });
    // Lost on the way: Slack never saw it, and the client gave up.
    api.respondOnce('chat.postMessage', async (_args, _fallback, { aborted }) => {
      await aborted;
      return { ok: false, error: 'never_sent' };
    });
    await signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET).event(eventEnvelope(messageEvent('第42条')));
    await waitUntil(() => api!.history('D0DIRECT').filter(withEventType(ANSWER_EVENT_TYPE)).length === 1, 'the answer');
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
  });
});

describe('a delivery replayed after a restart', () => {
  it('is not answered again when its answer went out before the crash', async () => {
    api = await startFakeSlackApi();
    const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-replayed-'));
    dirs.push(dataDir);
    // The process that died: it acknowledged the DM (the ledger has it), posted the answer, and
    // died before it could record that the work was done.
    const dm = messageEvent('商标审查周期要控制在多久？');
    const envelope = eventEnvelope(dm);
    const before = openSqliteStore(dataDir);
    await before.work.accept({ key: `event:${String(envelope.event_id)}`, body: JSON.stringify(envelope), acceptedAt: Date.now(), owner: 'host:1:gone' });
    await before.close();
    await new WebClient('xoxb-earlier-life', { slackApiUrl: api.url }).chat.postMessage({
      channel: 'D0DIRECT',
      thread_ts: String(dm.ts),
      text: '答案',
      metadata: answerMetadata('D0DIRECT', String(dm.ts)),
    });

    app = await startAppHarness('http', api, { dataDir });
    await waitUntil(() => app?.log.lines().some((l) => l.outcome === 'found-answered'), 'the replayed DM to be found answered');
    expect(api.callsTo('chat.postMessage')).toHaveLength(1); // the earlier life's only
    expect(api.history('D0DIRECT').filter(withEventType(ANSWER_EVENT_TYPE))).toHaveLength(1);
  });
});

describe('when Slack is slow to list the coordinators’ user group', () => {
  it('shows cards at once (without 更新进展 until the group is known), and asks a write to try again shortly', async () => {
    api = await startFakeSlackApi();
    let release: () => void = () => undefined;
    const listed = new Promise<void>((resolve) => (release = resolve));
    api.respondWith('usergroups.users.list', async () => {
      await listed; // Slack holds the lookup until the test lets it go
      return { ok: true, users: ['U0MEMBER'] };
    });
    app = await startAppHarness('http', api, { coordinators: { users: [], groups: ['S0COORDS'] } });
    const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    try {
      const card = await send.command(slashCommand({ command: '/measure', text: '42', user_id: 'U0MEMBER' }));
      expect(card.status).toBe(200);
      expect(card.body).toContain('加大对海关知识产权大要案的查处力度');
      expect(card.body).not.toContain('更新进展');
      const shown = await send.command(slashCommand({ command: '/progress', text: '42', user_id: 'U0MEMBER' }));
      expect(shown.body).toContain('第 42 条');
      const write = await send.command(slashCommand({ command: '/progress', text: '42 推进中', user_id: 'U0MEMBER' }));
      expect(write.status).toBe(200);
      expect(write.body).toContain('请稍后再试');
    } finally {
      release();
    }
    await waitUntil(async () => {
      const card = await send.command(slashCommand({ command: '/measure', text: '42', user_id: 'U0MEMBER' }));
      return card.body.includes('更新进展') || undefined;
    }, 'the group known, 更新进展 shown to its member');
  });
});
