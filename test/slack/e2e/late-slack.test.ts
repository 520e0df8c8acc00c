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
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ANSWER_EVENT_TYPE, answerMetadata } from '../../../src/slack/delivery/answer-metadata.js';
import { DIGEST_EVENT_TYPE } from '../../../src/core/digest/digest-metadata.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { startFakeSlackApi, type FakeSlackApi, type MethodHandler, type StoredMessage } from '../../support/fake-slack-api.js';
import { startPostgres, type PostgresServer } from '../../support/postgres-server.js';
import { signedSender } from '../../support/signed-request.js';
import { eventEnvelope, messageEvent } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';
import { waitUntil } from '../../support/waiters.js';

/** A call's deadline short enough for a test; the fake answers only once the app gave up. */
const CALL_TIMEOUT_MS = 300;
const DIGEST_CHANNEL = 'C0DIGEST';

/** Slack accepts the post (it is in the channel) but answers after the client gave up on it. */
const acceptedButLate: MethodHandler = async (_args, fallback, { aborted }) => {
  const answer = fallback();
  await aborted;
  return answer;
};

const withEventType = (type: string) => (m: StoredMessage) => typeof m.metadata === 'object' && m.metadata !== null && 'event_type' in m.metadata && m.metadata.event_type === type;

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
    app = await startAppHarness('http', api, { slack: { slackCallTimeoutMs: CALL_TIMEOUT_MS }, digest: { channel: DIGEST_CHANNEL, days: 'daily' } });
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
    await new WebClient('xoxb-earlier-life', { slackApiUrl: api.url }).chat.postMessage({ channel: 'D0DIRECT', thread_ts: String(dm.ts), text: '答案', metadata: answerMetadata('D0DIRECT', String(dm.ts)) });

    app = await startAppHarness('http', api, { dataDir });
    await waitUntil(() => app?.log.lines().some((l) => l.outcome === 'found-answered'), 'the replayed DM to be found answered');
    expect(api.callsTo('chat.postMessage')).toHaveLength(1); // the earlier life's only
    expect(api.history('D0DIRECT').filter(withEventType(ANSWER_EVENT_TYPE))).toHaveLength(1);
  });
});

describe('two replicas on one PostgreSQL, Slack answering a post late', () => {
  let server: PostgresServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('post one digest between them', async () => {
    server = await startPostgres();
    const databaseUrl = await server.createDatabase();
    api = await startFakeSlackApi();
    const options = { slack: { slackCallTimeoutMs: CALL_TIMEOUT_MS }, digest: { channel: DIGEST_CHANNEL, days: 'daily' as const }, databaseUrl };
    const first = await startAppHarness('http', api, options);
    const second = await startAppHarness('http', api, options);
    try {
      api.respondOnce('chat.postMessage', acceptedButLate);
      const outcomes = await Promise.all([first.digest?.tick(), second.digest?.tick()]);
      const again = await Promise.all([first.digest?.tick(), second.digest?.tick()]);
      expect(api.history(DIGEST_CHANNEL).filter(withEventType(DIGEST_EVENT_TYPE))).toHaveLength(1);
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
      expect(outcomes.map((o) => o?.outcome)).toContain('posted');
      expect(again.map((o) => o?.outcome)).toEqual(['already-posted', 'already-posted']);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
