/**
 * The bar, as a process: the app in HTTP mode posts one digest for the date, and still one after
 * `kill -9` and restarts on the same DATA_DIR. The schedule's time (midnight in the office's time
 * zone) has always passed today, so each start fires it at once, catching up: a start is a
 * firing the test controls. (DIGEST_CRON refuses a schedule firing every second.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE } from '../../../src/core/digest/digest-metadata.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { freePort, tsEntryArgs, LOOSE_ADMISSION_ENV } from '../../support/local-process.js';
import { waitUntil } from '../../support/waiters.js';

const CHANNEL = 'C0DIGEST';
let api: FakeSlackApi | undefined;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => stopProcess(c)));
  await api?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}

describe('the daily digest, exactly once', () => {
  it('posts one digest for the date, fired at every start, before and after kill -9', async () => {
    api = await startFakeSlackApi();
    const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-once-'));
    dirs.push(dataDir);
    const env = {
      PATH: process.env.PATH ?? '',
      ...LOOSE_ADMISSION_ENV,
      SLACK_BOT_TOKEN: 'xoxb-1-2-once',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_API_URL: api.url,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIGEST_CHANNEL: CHANNEL,
      DIGEST_CRON: '0 0 * * *',
      DIGEST_DAYS: 'daily',
      LOG_LEVEL: 'info',
    };
    /** Starts the app; `ticks()` counts the firings that found the digest already posted. */
    const start = () => {
      const child = spawn(process.execPath, tsEntryArgs('main'), { cwd: tmpdir(), env, stdio: ['ignore', 'pipe', 'ignore'] });
      children.push(child);
      let output = '';
      child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      const lines = (outcome: string) => output.split('\n').filter((l) => l.includes(`"outcome":"${outcome}"`)).length;
      return { child, posted: () => lines('posted'), ticks: () => lines('already-posted') };
    };
    const digests = () =>
      api!
        .history(CHANNEL)
        .filter((m) => typeof m.metadata === 'object' && m.metadata !== null && 'event_type' in m.metadata && m.metadata.event_type === DIGEST_EVENT_TYPE);

    const first = start();
    await waitUntil(() => first.posted() === 1, 'the first start to post and record the digest', 15_000);
    expect(digests()).toHaveLength(1);

    for (const restart of [1, 2]) {
      await stopProcess(children.at(-1)!);
      const again = start();
      await waitUntil(() => again.ticks() >= 1, `restart ${restart} to find the digest posted`, 20_000);
      expect(digests()).toHaveLength(1);
    }
    expect(first.ticks()).toBe(0);
    expect(api.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toHaveLength(1);
  }, 60_000);
});
