/**
 * `npm start` as a process: configuration errors are one line and exit 1; with Slack settings it
 * serves HTTP mode and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/core/paths.js';
import { startFakeEmbeddingsServer } from './support/fake-embeddings-server.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.js';
import { freePort, tsEntryArgs, waitUntilHealthy, LOOSE_ADMISSION_ENV } from './support/local-process.js';
import { postSigned } from './support/signed-request.js';
import { waitUntil } from './support/waiters.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const started: ChildProcess[] = [];

function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, tsEntryArgs('main'), {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, exited, output: () => stdout };
}

function httpEnv(fake: FakeSlackApi, port: number, dataDir: string): Record<string, string> {
  return {
    ...LOOSE_ADMISSION_ENV,
    SLACK_BOT_TOKEN: 'xoxb-1-2-main',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_API_URL: fake.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
}

let api: FakeSlackApi | undefined;
const dirs: string[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await api?.close();
  api = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm start', () => {
  it('without Slack tokens and without a terminal, says what to set and exits 1', async () => {
    const run = await startMain({}).exited;
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Slack is not configured: set SLACK_BOT_TOKEN');
  });

  it('names a malformed variable and how to fix it, in one line, without a stack trace', async () => {
    const run = await startMain({ ...LOOSE_ADMISSION_ENV, SLACK_BOT_TOKEN: 'not-a-token' }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('SLACK_BOT_TOKEN must start with xoxb-: set it to the Bot User OAuth Token, xoxb-… (Slack app settings → OAuth & Permissions).\n');
  });

  it('serves HTTP mode, reports ready on /healthz, keeps serving after a signed body of JSON null, and exits 0 on SIGTERM', async () => {
    api = await startFakeSlackApi();
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-main-'));
    dirs.push(dataDir);
    const main = startMain(httpEnv(api, port, dataDir));
    expect(await waitUntilHealthy(port, { timeoutMs: 15_000 })).toBe(true);
    const nullBody = await postSigned(`http://127.0.0.1:${port}/slack/events`, 'null', 'application/json', { signingSecret: '0123456789abcdef0123456789abcdef' });
    expect(nullBody.status).toBe(400);
    expect(await waitUntilHealthy(port, { timeoutMs: 2_000 })).toBe(true);
    main.child.kill('SIGTERM');
    const run = await main.exited;
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { msg: string });
    expect(lines.some((l) => l.msg === 'ready')).toBe(true);
    expect(lines.some((l) => l.msg === 'stopping')).toBe(true);
    expect(run.stdout).not.toContain('xoxb-1-2-main');
  });

  it('with EMBEDDINGS_URL set, is ready before the plan is embedded, then embeds and caches it with the key as a bearer token it never logs', async () => {
    api = await startFakeSlackApi();
    const embeddings = await startFakeEmbeddingsServer();
    try {
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-main-'));
      dirs.push(dataDir);
      const key = 'sk-main-embeddings-key-0123';
      const main = startMain({ ...httpEnv(api, port, dataDir), EMBEDDINGS_URL: embeddings.url, EMBEDDINGS_MODEL: 'bge-m3', EMBEDDINGS_API_KEY: key });
      expect(await waitUntilHealthy(port, { timeoutMs: 15_000 })).toBe(true);
      await waitUntil(() => main.output().includes('semantic search ready'), 'the semantic search', 15_000);
      expect(embeddings.requests.every((r) => r.headers.authorization === `Bearer ${key}` && r.path === '/v1/embeddings')).toBe(true);
      expect(readdirSync(join(dataDir, 'embeddings'))).toEqual([expect.stringMatching(/^bge-m3-[0-9a-f]{16}\.json$/u)]);
      main.child.kill('SIGTERM');
      const run = await main.exited;
      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; semantic?: string });
      expect(lines.find((l) => l.msg === 'ready')?.semantic).toBe('bge-m3');
      expect(lines.findIndex((l) => l.msg === 'ready')).toBeLessThan(lines.findIndex((l) => l.msg === 'semantic search ready'));
      expect(run.stdout).not.toContain(key);
    } finally {
      await embeddings.close();
    }
  });

  it('has written every line it logged when it is killed with kill -9 (ready included)', async () => {
    api = await startFakeSlackApi();
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-main-'));
    dirs.push(dataDir);
    const main = startMain({ ...httpEnv(api, port, dataDir) });
    expect(await waitUntilHealthy(port, { timeoutMs: 15_000 })).toBe(true);
    main.child.kill('SIGKILL');
    const run = await main.exited;
    expect(run.stdout).toContain('"msg":"ready"');
  });

  it('in HTTP mode, checks the token before saying ready, and stops with one line when Slack refuses it', async () => {
    api = await startFakeSlackApi();
    api.respondWith('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-main-'));
    dirs.push(dataDir);
    const run = await startMain(httpEnv(api, await freePort(), dataDir)).exited;
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['SLACK_BOT_TOKEN was refused by Slack (invalid_auth): set it to the Bot User OAuth Token, xoxb-… (Slack app settings → OAuth & Permissions), and check the app is installed in the workspace.']);
    expect(run.stdout).not.toContain('"msg":"ready"');
  });

  it('in HTTP mode, stops with one line when the Web API cannot be reached', async () => {
    const fake = await startFakeSlackApi();
    const unreachable = { ...fake, url: `http://127.0.0.1:${await freePort()}/api/` };
    await fake.close();
    const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-main-'));
    dirs.push(dataDir);
    const run = await startMain(httpEnv(unreachable, await freePort(), dataDir)).exited;
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("could not reach Slack's Web API at http://127.0.0.1:");
    expect(run.stdout).not.toContain('"msg":"ready"');
  }, 20_000);
});
