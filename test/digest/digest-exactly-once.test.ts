/**
 * The bar, as a process: the app in HTTP mode with the digest firing every second posts one
 * digest for the date, and still one after `kill -9` and a restart on the same DATA_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE } from '../../src/core/digest/digest-metadata.js';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { freePort, sleep, waitUntilHealthy } from '../support/local-process.js';

const TSX = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CHANNEL = 'C0DIGEST';
let api: FakeSlackApi | undefined;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await api?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the daily digest, exactly once', () => {
  it('posts one digest for the date with the schedule firing every second, before and after kill -9', async () => {
    api = await startFakeSlackApi();
    const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-once-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env = {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-1-2-once',
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_API_URL: api.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIGEST_CHANNEL: CHANNEL,
      DIGEST_CRON: '* * * * * *',
      DIGEST_DAYS: 'daily',
      LOG_LEVEL: 'warn',
    };
    const start = () => {
      const child = spawn(process.execPath, [TSX, join(PROJECT_ROOT, 'src', 'main.ts')], { cwd: tmpdir(), env, stdio: 'ignore' });
      children.push(child);
      return child;
    };
    const digests = () => api!.history(CHANNEL).filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT_TYPE);

    const first = start();
    await api.waitFor('chat.postMessage', (c) => c.args.channel === CHANNEL, 15_000);
    await sleep(2500); // two more firings
    expect(digests()).toHaveLength(1);

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    start();
    expect(await waitUntilHealthy(port, { timeoutMs: 15_000 })).toBe(true);
    await sleep(2500); // the restarted process has fired a few times
    expect(digests()).toHaveLength(1);
    expect(api.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toHaveLength(1);
  }, 60_000);
});
