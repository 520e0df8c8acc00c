/**
 * `npm start` as a process: configuration errors are one line and exit 1; with Slack settings it
 * serves HTTP mode and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeEmbeddingsServer } from './support/fake-embeddings-server.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.js';
import { freePort, tsEntryArgs, waitUntilHealthy, LOOSE_ADMISSION_ENV } from './support/local-process.js';
import { nowSeconds, postSigned } from './support/signed-request.js';
import { startSocketModeServer } from './support/socket-mode-server.js';
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

function socketEnv(fake: FakeSlackApi, port: number, dataDir: string): Record<string, string> {
  const { SLACK_SIGNING_SECRET: _httpOnly, ...common } = httpEnv(fake, port, dataDir);
  return { ...common, SLACK_APP_TOKEN: 'xapp-1-A0APP-3333-main' };
}

let api: FakeSlackApi | undefined;
const dirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await api?.close();
  api = undefined;
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A DATA_DIR that does not exist yet, inside an empty folder: whatever start-up creates shows in the folder. */
function unmadeDataDir(): { parent: string; dataDir: string } {
  const parent = mkdtempSync(join(tmpdir(), 'ipplan-main-'));
  dirs.push(parent);
  return { parent, dataDir: join(parent, 'data') };
}

/** A port on 127.0.0.1 something else is listening on. */
async function takenPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Starts with `env` and expects a refusal: exit 1, one line on standard error, and nothing created. */
async function refusal(env: (dataDir: string) => Record<string, string>): Promise<string> {
  const { parent, dataDir } = unmadeDataDir();
  const run = await startMain(env(dataDir)).exited;
  expect(run.code).toBe(1);
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(readdirSync(parent)).toEqual([]);
  expect(run.stdout).not.toContain('"msg":"ready"');
  return run.stderr.trim();
}

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
    // Right after start-up the process may still count itself overloaded (its event loop was busy
    // loading) and answer 503, which Slack retries: so does the test, each retry signed anew.
    const signedAt = nowSeconds();
    let attempt = 0;
    const post = () =>
      postSigned(`http://127.0.0.1:${port}/slack/events`, 'null', 'application/json', {
        signingSecret: '0123456789abcdef0123456789abcdef',
        timestampSeconds: signedAt - attempt++,
      });
    const nullBody = await waitUntil(
      async () => {
        const response = await post();
        return response.status !== 503 && response;
      },
      'an answer other than 503',
      15_000,
      50,
    );
    expect(nullBody.status).toBe(400);
    expect(await waitUntilHealthy(port, { timeoutMs: 2_000 })).toBe(true);
    main.child.kill('SIGTERM');
    const run = await main.exited;
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string });
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
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string; semantic?: string });
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
    expect(run.stderr.trim().split('\n')).toEqual([
      'SLACK_BOT_TOKEN was refused by Slack (invalid_auth): set it to the Bot User OAuth Token, xoxb-… (Slack app settings → OAuth & Permissions), and check the app is installed in the workspace.',
    ]);
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

  describe('refuses a setting it cannot run with, in one line naming it, creating nothing', () => {
    it.each([
      [
        { EMBEDDINGS_URL: 'http://alice:pa55word@127.0.0.1:11434/v1', EMBEDDINGS_MODEL: 'bge-m3' },
        /^EMBEDDINGS_URL holds a user name or password \(got "http:\/\/\*\*\*@127\.0\.0\.1:11434\/v1"\): remove them from the URL/u,
      ],
      [
        { EMBEDDINGS_MODEL: 'bge-m3' },
        /^EMBEDDINGS_MODEL is set but EMBEDDINGS_URL is not, so the semantic search would stay off: set EMBEDDINGS_URL to the base URL of the embeddings server, or remove EMBEDDINGS_MODEL\.$/u,
      ],
      [
        { DIGEST_CRON: '0 9 31 2 *' },
        /^DIGEST_CRON never runs: no date matches it \(got "0 9 31 2 \*"\): set it to a cron expression that runs at least once a year/u,
      ],
      [{ DIGEST_CRON: '* * * * * * *' }, /^DIGEST_CRON has 7 fields, not five or six \(got "\* \* \* \* \* \* \*"\): set it to/u],
      [
        { DIGEST_START: '9999-12-31' },
        /^DIGEST_START is more than a year from today \(got "9999-12-31"\): set it to the first day of the walk through the plan, as YYYY-MM-DD, from 2000-01-01 to \d{4}-\d{2}-\d{2} \(a year from today\), or leave it unset\.$/u,
      ],
    ])('%j', async (setting, line) => {
      const fake = { url: 'http://127.0.0.1:9/api/' } as FakeSlackApi;
      const refused = await refusal((dataDir) => ({ ...httpEnv(fake, 3000, dataDir), ...setting }));
      expect(refused).toMatch(line);
      expect(refused).not.toContain('pa55word');
    });

    it('PORT in use, in HTTP mode', async () => {
      api = await startFakeSlackApi();
      const port = await takenPort();
      expect(await refusal((dataDir) => httpEnv(api as FakeSlackApi, port, dataDir))).toBe(
        `PORT ${port} is already in use on HOST 127.0.0.1: stop what uses it, or set PORT to a free port.`,
      );
    });

    it('PORT in use, in Socket Mode (its /healthz listens there)', async () => {
      api = await startFakeSlackApi({ socket: await startSocketModeServer() });
      const port = await takenPort();
      expect(await refusal((dataDir) => socketEnv(api as FakeSlackApi, port, dataDir))).toBe(
        `PORT ${port} is already in use on HOST 127.0.0.1: stop what uses it, or set PORT to a free port.`,
      );
    });

    it('a HOST that is not an address of this machine', async () => {
      api = await startFakeSlackApi();
      const port = await freePort();
      // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it.
      expect(await refusal((dataDir) => ({ ...httpEnv(api as FakeSlackApi, port, dataDir), HOST: '192.0.2.1' }))).toBe(
        'HOST 192.0.2.1 is not an address this machine can listen on (EADDRNOTAVAIL): set it to 0.0.0.0 (every interface), 127.0.0.1 (this machine only) or the address of one of its interfaces.',
      );
    });

    it('a HOST that is not an address at all', async () => {
      expect(await refusal((dataDir) => ({ ...httpEnv({ url: 'http://127.0.0.1:9/api/' } as FakeSlackApi, 3000, dataDir), HOST: '0.0.0.0:3000' }))).toBe(
        'HOST is not an IP address or a host name (got "0.0.0.0:3000"): set it to the address to listen on, for example 0.0.0.0 or 127.0.0.1.',
      );
    });

    it.skipIf(!existsSync('/proc/1'))(
      'a DATA_DIR that cannot be made (under /proc), promptly instead of spinning',
      async () => {
        api = await startFakeSlackApi();
        const fake = api;
        const { parent } = unmadeDataDir();
        const run = await startMain(httpEnv(fake, await freePort(), '/proc/1/nope')).exited;
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('DATA_DIR /proc/1/nope is not a writable directory (ENOENT): point DATA_DIR at a directory this process can write to.\n');
        expect(readdirSync(parent)).toEqual([]);
      },
      30_000,
    );
  });

  it('in Socket Mode, answers /healthz on PORT once connected, and exits 0 on SIGTERM', async () => {
    const socket = await startSocketModeServer();
    api = await startFakeSlackApi({ socket });
    const port = await freePort();
    const { dataDir } = unmadeDataDir();
    const main = startMain(socketEnv(api, port, dataDir));
    expect(await waitUntilHealthy(port, { timeoutMs: 15_000, gaveUp: () => main.child.exitCode !== null })).toBe(true);
    expect(socket.connectionCount).toBe(1);
    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(0);
  });
});
