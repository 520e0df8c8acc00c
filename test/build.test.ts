/**
 * The production build as it runs: `scripts/build.mjs` bundles the app into a scratch folder
 * inside the project (so the bundle finds seeds/, index/ and node_modules/ as dist/ does), and the
 * bundle is run as `npm start` and the Dockerfile run it: the CLI answers without loading Bolt, the
 * app serves HTTP mode and stops cleanly, and it connects and answers in Socket Mode, whose
 * modules the bundle loads only when they are used.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/core/paths.js';
import { startFakeSlackApi } from './support/fake-slack-api.js';
import { freePort, waitUntilHealthy, LOOSE_ADMISSION_ENV } from './support/local-process.js';
import { slashCommand } from './support/slack-payloads.js';
import { startSocketModeServer } from './support/socket-mode-server.js';

const run = promisify(execFile);
const buildScript = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'build.mjs')).href)) as typeof import('../scripts/build.mjs');

const outdir = join(PROJECT_ROOT, 'node_modules', '.cache', `ipplan-build-test-${process.pid}`);
const children: ChildProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  await buildScript.build(outdir);
}, 60_000);

afterAll(async () => {
  await Promise.all(children.map((c) => stop(c, 'SIGKILL')));
  for (const d of [...dirs, outdir]) rmSync(d, { recursive: true, force: true });
});

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

/** The files an entry loads before it runs: its static imports, followed through the chunks. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(join(outdir, file), 'utf8').matchAll(/^import\s+(?:[^'"]*?from\s+)?"\.\/([^"]+)";?$/gmu)) visit(m[1] ?? '');
  };
  visit(entry);
  return [...seen];
}

function startApp(env: Record<string, string>): ChildProcess {
  const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-bundle-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ['--max-semi-space-size=4', '--max-old-space-size=128', join(outdir, 'main.js')], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

describe('the bundle in dist/', () => {
  it('is recorded as built from the current inputs, and a build from other inputs is not', () => {
    expect(buildScript.isBuildCurrent(outdir)).toBe(true);
    const stale = mkdtempSync(join(tmpdir(), 'ipplan-stale-build-'));
    dirs.push(stale);
    writeFileSync(join(stale, 'build-info.json'), JSON.stringify({ inputsHash: '0'.repeat(64) }));
    expect(buildScript.isBuildCurrent(stale)).toBe(false);
  });

  it('answers from the command line, and the CLI never loads Bolt', async () => {
    const { stdout } = await run(process.execPath, [join(outdir, 'cli.js'), 'ask', '商标审查周期要控制在多久？'], { cwd: tmpdir() });
    expect(stdout).toContain('确保商标审查周期控制在【9个月内】');
    const loaded = staticClosure('cli.js').map((file) => readFileSync(join(outdir, file), 'utf8'));
    expect(loaded.some((code) => code.includes('node_modules/@slack/bolt/'))).toBe(false);
    expect(staticClosure('main.js').some((file) => readFileSync(join(outdir, file), 'utf8').includes('node_modules/@slack/bolt/'))).toBe(false);
  });

  it('serves HTTP mode and exits 0 on SIGTERM', async () => {
    const api = await startFakeSlackApi();
    try {
      const port = await freePort();
      const app = startApp({
        ...LOOSE_ADMISSION_ENV,
        SLACK_BOT_TOKEN: 'xoxb-1-2-bundle',
        SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
        SLACK_API_URL: api.url,
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      expect(await waitUntilHealthy(port, { timeoutMs: 15_000, gaveUp: () => app.exitCode !== null })).toBe(true);
      expect(await stop(app, 'SIGTERM')).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('connects in Socket Mode and answers a command', async () => {
    const socket = await startSocketModeServer();
    const api = await startFakeSlackApi({ socket });
    try {
      const app = startApp({
        ...LOOSE_ADMISSION_ENV,
        SLACK_BOT_TOKEN: 'xoxb-1-2-bundle',
        SLACK_APP_TOKEN: 'xapp-1-A0APP-1-bundle',
        SLACK_API_URL: api.url,
        PORT: String(await freePort()),
      });
      await socket.waitForConnection(15_000);
      const command = await socket.sendEnvelope('slash_commands', slashCommand({ command: '/measure', text: '42', response_url: api.responseUrl('bundle') }));
      // The answer is the acknowledgement's payload.
      expect(JSON.stringify((await command.ack).payload)).toContain('第 42 条');
      expect(await stop(app, 'SIGTERM')).toBe(0);
    } finally {
      await api.close();
      await socket.close();
    }
  });
});
