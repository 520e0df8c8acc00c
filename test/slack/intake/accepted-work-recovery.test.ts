/**
 * Nothing acknowledged is lost: the app killed with `kill -9` between acknowledging a DM and
 * answering it answers it after a restart on the same DATA_DIR (within the freshness window),
 * once. And replicas sharing a state store must count digest dates in one time zone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config.js';
import { createReplicaPresence } from '../../../src/slack/intake/replica-presence.js';
import type { StateStore } from '../../../src/store/state-store.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { freePort, tsEntryArgs, waitUntilHealthy, LOOSE_ADMISSION_ENV } from '../../support/local-process.js';
import { signedSender } from '../../support/signed-request.js';
import { eventEnvelope, messageEvent } from '../../support/slack-payloads.js';
import { captureLogger } from '../../support/capture-logger.js';
import { waitUntil } from '../../support/waiters.js';

const SECRET = '0123456789abcdef0123456789abcdef';
let api: FakeSlackApi | undefined;
const children: ChildProcess[] = [];
const stores: StateStore[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => stopProcess(c, 'SIGKILL')));
  for (const store of stores.splice(0)) await store.close();
  await api?.close();
  api = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-recover-'));
  dirs.push(dir);
  return dir;
}

async function startApp(fake: FakeSlackApi, dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const env = {
    ...LOOSE_ADMISSION_ENV,
    PATH: process.env.PATH ?? '',
    SLACK_BOT_TOKEN: 'xoxb-1-2-recover',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, tsEntryArgs('main'), { cwd: tmpdir(), env, stdio: 'ignore' });
  children.push(child);
  expect(await waitUntilHealthy(port, { timeoutMs: 15_000, gaveUp: () => child.exitCode !== null })).toBe(true);
  return { child, port };
}

describe('acknowledged work', () => {
  it('is answered after kill -9 between the acknowledgement and the answer, by the restarted process, once', async () => {
    api = await startFakeSlackApi();
    let slackHangs = true;
    let release: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => (release = resolve));
    api.respondWith('chat.postMessage', async (_args, fallback) => {
      if (slackHangs) await hung;
      return fallback();
    });
    try {
      const dataDir = tempDir();
      const first = await startApp(api, dataDir);
      const dm = messageEvent('商标审查周期要控制在多久？');
      const ack = await signedSender(`http://127.0.0.1:${first.port}/slack/events`, SECRET).event(eventEnvelope(dm, 'EvKILLED1'));
      expect(ack.status).toBe(200);
      await api.waitFor('chat.postMessage', (c) => c.args.thread_ts === dm.ts);
      await stopProcess(first.child, 'SIGKILL');

      slackHangs = false;
      const second = await startApp(api, dataDir);
      const answered = await waitUntil(() => api?.history('D0DIRECT').find((m) => m.thread_ts === dm.ts), 'the restarted process to answer', 10_000);
      expect(answered.text).toContain('第 3 条');
      expect(await stopProcess(second.child, 'SIGTERM')).toBe(0);
      expect(api.history('D0DIRECT').filter((m) => m.thread_ts === dm.ts)).toHaveLength(1);
    } finally {
      release();
    }
  }, 40_000);
});

describe('replicas on one state store', () => {
  it('refuse to start with a digest time zone other than a live replica uses', async () => {
    const dataDir = tempDir();
    const log = captureLogger();
    const presence = (host: string, timeZone: string) => {
      const store = openSqliteStore(dataDir);
      stores.push(store);
      return createReplicaPresence({
        replicas: store.replicas,
        ledger: store.work,
        replica: { id: `${host}:1:x`, host, pid: 1 },
        settings: { digestTimeZone: timeZone },
        processEvent: async () => undefined,
        logger: log.logger,
        now: () => new Date(),
      });
    };
    await presence('host-a', 'Asia/Shanghai').join();
    await presence('host-b', 'Asia/Shanghai').join();
    const berlin = presence('host-c', 'Europe/Berlin').join();
    await expect(berlin).rejects.toThrow(ConfigError);
    await expect(berlin).rejects.toThrow('DIGEST_TZ is Europe/Berlin here, but the replica on host-a (pid 1) runs on the same state with Asia/Shanghai');
  });
});
