/**
 * Two app processes on one real PostgreSQL, as the scale-out deployment runs them, proving the
 * three exactly-once properties:
 *
 * 1. both replicas firing the digest at start, the one posting killed with `kill -9` while Slack
 *    holds its post: one digest for the date (a replica started next finds it in the channel);
 * 2. a Slack retry delivered to the other replica: one answer;
 * 3. a DM acknowledged by a replica killed before its answer reached Slack: answered by the other.
 *
 * And one replica with its database gone for a while: it keeps answering, says `degraded`, and
 * posts nothing twice when the database returns.
 *
 * The schedule's time (midnight in the office's time zone) has always passed today, so each start
 * fires it at once, catching up: a start is a firing the test controls. (DIGEST_CRON refuses a
 * schedule firing every second; a schedule firing twice is pinned in test/app/digest/.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE } from '../../src/core/digest/digest-metadata.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { freePort, tsEntryArgs, waitUntilHealthy, LOOSE_ADMISSION_ENV } from '../support/local-process.js';
import { startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { nowSeconds, RETRY_NUM_HEADER, RETRY_REASON_HEADER, signedSender } from '../support/signed-request.js';
import { eventEnvelope, messageEvent, slashCommand } from '../support/slack-payloads.js';
import { waitUntil } from '../support/waiters.js';

const SECRET = '0123456789abcdef0123456789abcdef';
const CHANNEL = 'C0DIGEST';
let server: PostgresServer;
let api: FakeSlackApi | undefined;
const replicas: Replica[] = [];

interface Replica {
  child: ChildProcess;
  port: number;
  log: () => string;
}

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  await Promise.all(replicas.splice(0).map((r) => kill(r, 'SIGKILL')));
  await api?.close();
  api = undefined;
});

function kill(replica: Replica, signal: NodeJS.Signals): Promise<number | null> {
  const { child } = replica;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

async function startReplica(fake: FakeSlackApi, databaseUrl: string): Promise<Replica> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    ...LOOSE_ADMISSION_ENV,
    SLACK_BOT_TOKEN: 'xoxb-1-2-replica',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    DIGEST_CHANNEL: CHANNEL,
    DIGEST_CRON: '0 0 * * *',
    DIGEST_DAYS: 'daily',
    LOG_LEVEL: 'info',
  };
  const child = spawn(process.execPath, tsEntryArgs('main'), { cwd: tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const replica = { child, port, log: () => output };
  replicas.push(replica);
  if (!(await waitUntilHealthy(port, { timeoutMs: 15_000, gaveUp: () => child.exitCode !== null }))) throw new Error(`replica did not start: ${output}`);
  return replica;
}

describe('two replicas on one PostgreSQL', () => {
  it('post one digest per date, answer a retried event once, and answer the work of a replica killed after acknowledging it', async () => {
    const fake = await startFakeSlackApi();
    api = fake;
    const databaseUrl = await server.createDatabase();
    const db = new pg.Client({ connectionString: databaseUrl });

    // Slack accepts the first digest post at once but holds its response: the poster dies not knowing.
    let releaseDigest: () => void = () => undefined;
    const digestHeld = new Promise<void>((resolve) => (releaseDigest = resolve));
    let heldDigest = false;
    // The answer to one DM never reaches Slack: its replica dies first.
    const lostDm = messageEvent('商标审查周期要控制在多久？');
    let releaseDm: () => void = () => undefined;
    const dmHeld = new Promise<void>((resolve) => (releaseDm = resolve));
    let lostOnce = false;
    fake.respondWith('chat.postMessage', async (args, fallback) => {
      if (args.channel === CHANNEL && !heldDigest) {
        heldDigest = true;
        const accepted = fallback();
        await digestHeld;
        return accepted;
      }
      if (args.thread_ts === lostDm.ts && !lostOnce) {
        lostOnce = true;
        await dmHeld;
        return { ok: false, error: 'fake_connection_lost' };
      }
      return fallback();
    });
    const digests = () =>
      fake
        .history(CHANNEL)
        .filter((m) => typeof m.metadata === 'object' && m.metadata !== null && 'event_type' in m.metadata && m.metadata.event_type === DIGEST_EVENT_TYPE);

    try {
      const [a, b] = await Promise.all([startReplica(fake, databaseUrl), startReplica(fake, databaseUrl)]);
      if (!a || !b) throw new Error('two replicas expected');
      await db.connect();

      // 1. The digest: both fire at start; kill -9 whichever holds the claim while Slack holds its post.
      await fake.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 15_000);
      const { rows } = await db.query('SELECT pid FROM digest_attempts');
      const posterPid = Number(rows[0]?.pid);
      const [poster, survivor] = a.child.pid === posterPid ? [a, b] : [b, a];
      expect(poster.child.pid).toBe(posterPid);
      await kill(poster, 'SIGKILL');
      releaseDigest();
      // A replica started now fires too: it finds the dead one's attempt and looks in the channel.
      const replacement = await startReplica(fake, databaseUrl);
      await waitUntil(
        async () => Number((await db.query('SELECT count(*) AS n FROM digest_posts')).rows[0]?.n) === 1,
        'the replacement to record the digest',
        15_000,
      );
      await waitUntil(() => replacement.log().includes('"outcome":"found-in-history"'), 'the replacement to find the digest in the channel', 15_000);
      expect(digests()).toHaveLength(1);

      // 2. A retry delivered to the other replica is not answered again.
      const asked = messageEvent('专利导航试点工程');
      const envelope = eventEnvelope(asked, 'EvREPLICA1');
      expect((await signedSender(`http://127.0.0.1:${replacement.port}/slack/events`, SECRET).event(envelope)).status).toBe(200);
      expect(
        (await signedSender(`http://127.0.0.1:${survivor.port}/slack/events`, SECRET).event(envelope, { [RETRY_NUM_HEADER]: '1' }, nowSeconds() + 1)).status,
      ).toBe(200);
      await waitUntil(() => fake.history('D0DIRECT').some((m) => m.thread_ts === asked.ts), 'the answer to the retried event');

      // 3. Work acknowledged by a replica killed before its answer reached Slack.
      expect((await signedSender(`http://127.0.0.1:${replacement.port}/slack/events`, SECRET).event(eventEnvelope(lostDm, 'EvREPLICA2'))).status).toBe(200);
      await fake.waitFor('chat.postMessage', (c) => c.args.thread_ts === lostDm.ts);
      await kill(replacement, 'SIGKILL');
      releaseDm();
      const adopted = await waitUntil(
        () => fake.history('D0DIRECT').find((m) => m.thread_ts === lostDm.ts),
        'the survivor to answer the killed replica’s work',
        15_000,
      );
      expect(adopted.text).toContain('第 3 条');

      expect(fake.history('D0DIRECT').filter((m) => m.thread_ts === asked.ts)).toHaveLength(1);
      expect(fake.history('D0DIRECT').filter((m) => m.thread_ts === lostDm.ts)).toHaveLength(1);
      expect(digests()).toHaveLength(1);
      expect(await kill(survivor, 'SIGTERM')).toBe(0);
    } finally {
      releaseDigest();
      releaseDm();
      await db.end().catch(() => undefined);
    }
  }, 60_000);

  it('keep answering while the database is gone, report degraded on /healthz, and post nothing twice when it returns', async () => {
    const fake = await startFakeSlackApi();
    api = fake;
    const databaseUrl = await server.createDatabase();
    const replica = await startReplica(fake, databaseUrl);
    await waitUntil(() => replica.log().includes('"outcome":"posted"'), 'the digest posted and recorded', 15_000);
    const send = signedSender(`http://127.0.0.1:${replica.port}/slack/events`, SECRET);
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${replica.port}/healthz`);
      return { status: res.status, body: (await res.json()) as { status: string } };
    };

    const asked = messageEvent('剑网行动');
    const envelope = eventEnvelope(asked, 'EvDBGONE1');
    await server.pause();
    try {
      // The DM's work cannot be recorded: it is left for Slack to retry, not owed from memory.
      expect((await send.event(envelope)).status).toBe(503);
      // A lookup needs no database.
      const lookup = await send.command(slashCommand({ command: '/measure', text: '28' }));
      expect(lookup.status).toBe(200);
      expect(lookup.body).toContain('剑网');
      const degraded = await waitUntil(async () => {
        const h = await health();
        return h.body.status === 'degraded' ? h : undefined;
      }, '/healthz to say degraded');
      expect(degraded.status).toBe(200);
    } finally {
      await server.restart();
    }
    // Slack's retry, once the database is back, is answered.
    let retries = 0;
    await waitUntil(async () => {
      retries += 1; // each retry is a new request, signed anew
      return (
        (await send.event(envelope, { [RETRY_NUM_HEADER]: String(retries), [RETRY_REASON_HEADER]: 'http_error' }, nowSeconds() + retries)).status === 200 ||
        undefined
      );
    }, 'the retry to be taken');
    await waitUntil(() => fake.history('D0DIRECT').some((m) => m.thread_ts === asked.ts), 'the retried DM answered');
    await waitUntil(async () => (await health()).body.status === 'ready', '/healthz ready again once the database is back', 15_000);
    const failureLines = replica
      .log()
      .split('\n')
      .filter((l) => l.includes('state store failing'));
    expect(failureLines.length).toBeGreaterThanOrEqual(1);
    expect(failureLines.length).toBeLessThanOrEqual(2); // once per minute, however many calls failed
    expect(await kill(replica, 'SIGTERM')).toBe(0);
    // Restarted, it fires the schedule again and finds the digest posted.
    const restarted = await startReplica(fake, databaseUrl);
    await waitUntil(() => restarted.log().includes('"outcome":"already-posted"'), 'the schedule to fire again after the return', 15_000);
    expect(fake.history(CHANNEL).filter((m) => typeof m.metadata === 'object' && m.metadata !== null)).toHaveLength(1);
    expect(await kill(restarted, 'SIGTERM')).toBe(0);
  }, 60_000);
});
