/**
 * Exactly once: the digest poster, through the Slack channel, against the fake Web API and a real
 * state store, through the failures that could make it post twice or not at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE } from '../../../src/core/digest/digest-metadata.js';
import { officeClock } from '../../../src/app/process/office-clock.js';
import { createDigests } from '../../../src/app/digest/digests.js';
import { createDigestPoster, type DigestPosterDeps } from '../../../src/app/digest/post-digest.js';
import type { Replica } from '../../../src/app/process/replica.js';
import { createProgressBook } from '../../../src/core/progress/progress-book.js';
import { slackDigestChannel } from '../../../src/slack/digest/digest-channel.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { StateStore } from '../../../src/store/state-store.js';
import { testAnswerContext } from '../../support/answer-context.js';
import { captureLogger } from '../../support/capture-logger.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';

const CHANNEL = 'C0DIGEST';
const DATE = '2026-11-25';
const NOW = new Date('2026-11-25T01:00:00Z');
let api: FakeSlackApi;
let dataDir: string;
const stores: StateStore[] = [];

beforeEach(async () => {
  api = await startFakeSlackApi();
  dataDir = mkdtempSync(join(tmpdir(), 'ipplan-digest-'));
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One "process": its own connection to the shared DATA_DIR and its own identity. */
function processOn(owner: Replica, options: { alive?: (pid: number) => boolean } = {}) {
  const store = openSqliteStore(dataDir, options.alive ? { isAlive: options.alive } : {});
  stores.push(store);
  const log = captureLogger();
  const client = new WebClient('xoxb-digest', { slackApiUrl: api.url, retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 } });
  const clock = officeClock('Asia/Shanghai', () => NOW);
  const { plan } = testAnswerContext();
  const book = createProgressBook({ ledger: store.progress.forPlan(plan.id), measureCount: plan.measures.length, timeZone: clock.timeZone, now: clock.now });
  const deps: DigestPosterDeps = {
    channel: slackDigestChannel(client, CHANNEL, log.logger),
    digests: createDigests({ plan, store: store.digest, activity: store.activity, book, settings: { days: 'workdays', size: 3 }, clock }),
    store: store.digest,
    owner,
    logger: log.logger,
    clock,
  };
  return { deps, client, poster: createDigestPoster(deps), log, store };
}

const owner = (pid: number, host = 'host-a'): Replica => ({ id: `${host}:${pid}:${Math.random()}`, host, pid });
/** Digest posts Slack accepted (the channel's history), not calls it refused. */
const isDigest = (metadata: unknown): boolean =>
  typeof metadata === 'object' && metadata !== null && 'event_type' in metadata && metadata.event_type === DIGEST_EVENT_TYPE;
const digestPosts = () => api.history(CHANNEL).filter((m) => isDigest(m.metadata));

describe('posting the digest exactly once', () => {
  it('posts with metadata naming the digest and its date', async () => {
    const { poster } = processOn(owner(100));
    expect(await poster.post(DATE)).toMatchObject({ outcome: 'posted', issue: 1 });
    const [post] = api.callsTo('chat.postMessage');
    expect(post?.args.channel).toBe(CHANNEL);
    expect(post?.args.metadata).toEqual({ event_type: DIGEST_EVENT_TYPE, event_payload: { date: DATE, issue: 1 } });
    expect(String(post?.args.text)).toContain('计划简报第 1 期（共 27 期）');
    expect(digestPosts()).toHaveLength(1);
  });

  it('posts once when the schedule fires twice on one date, at once or later', async () => {
    const { poster } = processOn(owner(100));
    const [a, b] = await Promise.all([poster.post(DATE), poster.post(DATE)]);
    expect([a.outcome, b.outcome]).toEqual(['posted', 'posted']); // one attempt, shared
    expect((await poster.post(DATE)).outcome).toBe('already-posted');
    expect(digestPosts()).toHaveLength(1);
  });

  it('after a restart between Slack accepting the post and the state being written, finds it in the channel', async () => {
    // The first process claims the date, Slack accepts its post, then it dies before recording.
    const first = processOn(owner(101), { alive: () => false });
    const claim = await first.deps.store.claim(DATE, first.deps.owner, NOW.getTime());
    expect(claim.status).toBe('claimed');
    await first.client.chat.postMessage({
      channel: CHANNEL,
      text: '计划简报',
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { date: DATE, issue: 1 } },
    });

    const restarted = processOn(owner(102), { alive: () => false });
    expect(await restarted.poster.post(DATE)).toMatchObject({ outcome: 'found-in-history' });
    expect(api.callsTo('conversations.history')[0]?.args).toMatchObject({ channel: CHANNEL, include_all_metadata: 'true' });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1); // only the first process's
    expect(digestPosts()).toHaveLength(1);
    expect((await restarted.poster.post(DATE)).outcome).toBe('already-posted');
  });

  it('after a restart with an interrupted attempt that never reached Slack, posts', async () => {
    const first = processOn(owner(103), { alive: () => false });
    await first.deps.store.claim(DATE, first.deps.owner, NOW.getTime());
    const restarted = processOn(owner(104), { alive: () => false });
    expect(await restarted.poster.post(DATE)).toMatchObject({ outcome: 'posted' });
    expect(api.callsTo('conversations.history')).toHaveLength(1);
    expect(digestPosts()).toHaveLength(1);
  });

  it('after a restart with no attempt at all, posts without reading history', async () => {
    const { poster } = processOn(owner(105));
    expect((await poster.post(DATE)).outcome).toBe('posted');
    expect(api.callsTo('conversations.history')).toHaveLength(0);
  });

  it('lets one of two processes on one DATA_DIR post', async () => {
    const alive = () => true;
    const a = processOn(owner(200), { alive });
    const b = processOn(owner(201), { alive });
    api.respondWith('chat.postMessage', async (_args, fallback) => {
      await new Promise((resolve) => setTimeout(resolve, 100)); // a slow Slack: both are mid-flight
      return fallback();
    });
    const outcomes = await Promise.all([a.poster.post(DATE), b.poster.post(DATE)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['busy', 'posted']);
    expect(digestPosts()).toHaveLength(1);
  });

  it('when Slack refuses, logs why, leaves the day not done, and posts on the next attempt', async () => {
    const { poster, log } = processOn(owner(106));
    api.respondOnce('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    expect(await poster.post(DATE)).toEqual({ outcome: 'failed', error: 'not_in_channel', retryable: true });
    expect(log.lines().some((l) => l.error === 'not_in_channel' && l.refused === true)).toBe(true);
    expect((await poster.post(DATE)).outcome).toBe('posted');
    expect(digestPosts()).toHaveLength(1);
  });

  it("rides out a brief rate limit with the client's backoff", async () => {
    const { poster } = processOn(owner(107));
    const limited = () => ({ status: 429, headers: { 'Retry-After': '0' }, body: { ok: false, error: 'ratelimited' } });
    api.respondOnce('chat.postMessage', limited);
    api.respondOnce('chat.postMessage', limited);
    expect((await poster.post(DATE)).outcome).toBe('posted');
    expect(api.callsTo('chat.postMessage')).toHaveLength(3);
    expect(digestPosts()).toHaveLength(1);
  });

  it('when the rate limit outlasts the retries, leaves the day not done and posts on a later attempt', async () => {
    const { poster } = processOn(owner(109));
    api.respondWith('chat.postMessage', () => ({ status: 429, headers: { 'Retry-After': '0' }, body: { ok: false, error: 'ratelimited' } }));
    expect(await poster.post(DATE)).toMatchObject({ outcome: 'failed', retryable: true });
    expect(digestPosts()).toHaveLength(0);
    api.reset();
    expect((await poster.post(DATE)).outcome).toBe('posted');
    expect(digestPosts()).toHaveLength(1);
  });

  it('falls back to plain text when the blocks are refused, still with its metadata', async () => {
    const { poster } = processOn(owner(108));
    api.respondOnce('chat.postMessage', () => ({ ok: false, error: 'invalid_blocks' }));
    expect((await poster.post(DATE)).outcome).toBe('posted');
    const calls = api.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args.blocks).toBeUndefined();
    expect(calls[1]?.args.metadata).toMatchObject({ event_type: DIGEST_EVENT_TYPE });
    expect(digestPosts()).toHaveLength(1);
  });
});
