/**
 * The service under load: the compiled app (`node dist/main.js`) in HTTP mode on 127.0.0.1, its
 * Web API and response URLs served by the fake Slack in this process, and autocannon in this
 * process sending correctly signed /measure and /plan commands at a bounded rate. Measures the
 * acknowledgement latency (autocannon), the latency until the answer reaches response_url (the
 * fake Slack), errors, the app's start-up to ready, its memory after the run, and how long a
 * SIGTERM takes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result as LoadSummary } from 'autocannon';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { freePort, sleep, waitUntilHealthy } from '../support/local-process.js';
import { median, percentile } from './stats.js';

const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
/** As in package.json's `start` script and the Dockerfile's CMD. */
const APP_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=128'];

export interface ServiceFigures {
  rate: number;
  durationS: number;
  sent: number;
  rps: number;
  ackP50Ms: number;
  ackP99Ms: number;
  answerP50Ms: number;
  answerP99Ms: number;
  errors: number;
  startToReadyMs: number;
  rssMb: number;
  /** CPU the app used during the run, in cores. */
  appCpuShare: number;
  sigtermExitMs: number;
  sigtermExitCode: number | null;
}

interface RunningApp {
  child: ChildProcess;
  port: number;
  readyMs: number;
  dataDir: string;
}

async function startApp(api: FakeSlackApi): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-bench-'));
  const started = performance.now();
  // The flags `npm start` and the Dockerfile run the app with, plus BENCH_APP_NODE_ARGS (e.g.
  // --cpu-prof for a profiling run).
  const nodeArgs = [...APP_NODE_FLAGS, ...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, join(PROJECT_ROOT, 'dist', 'main.js')], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', SLACK_BOT_TOKEN: 'xoxb-1-2-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: 'ignore',
  });
  const ready = await waitUntilHealthy(port, { timeoutMs: 30_000, gaveUp: () => child.exitCode !== null, pollMs: 5 });
  if (!ready) throw new Error(`the app was not ready (exit code ${child.exitCode})`);
  return { child, port, readyMs: performance.now() - started, dataDir };
}

async function stopApp(app: RunningApp): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  const exited = new Promise<number | null>((resolve) => app.child.once('exit', (code) => resolve(code)));
  app.child.kill('SIGTERM');
  const code = await exited;
  rmSync(app.dataDir, { recursive: true, force: true });
  return { ms: performance.now() - started, code };
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  return kb / 1024;
}

interface LoadResult {
  result: LoadSummary;
  sentAt: Record<string, number>;
}

/** Runs test/bench/load-generator.ts in its own process and reads its one JSON line. */
async function runLoadGenerator(appUrl: string, responseUrlBase: string, rate: number, seconds: number): Promise<LoadResult> {
  const tsx = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, join(PROJECT_ROOT, 'test', 'bench', 'load-generator.ts'), appUrl, responseUrlBase, String(rate), String(seconds), SIGNING_SECRET], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(out) as LoadResult;
}

export async function benchService(options: { rate: number; durationS: number; startRuns: number }): Promise<ServiceFigures> {
  const api = await startFakeSlackApi();
  try {
    const readyTimes: number[] = [];
    for (let i = 0; i < options.startRuns; i++) {
      const app = await startApp(api);
      readyTimes.push(app.readyMs);
      await stopApp(app);
    }

    const app = await startApp(api);
    readyTimes.push(app.readyMs);
    const appCpuBefore = cpuSeconds(app.child.pid as number);
    const load = await runLoadGenerator(`http://127.0.0.1:${app.port}`, `${api.origin}/response/`, options.rate, options.durationS);
    const { result } = load;
    const deadline = Date.now() + 10_000;
    while (api.responses.length < result['2xx'] && Date.now() < deadline) await sleep(20);
    const answerLatencies = api.responses.flatMap((r) => {
      const sent = load.sentAt[r.id];
      return sent === undefined ? [] : [r.at - sent];
    });
    const rss = rssMb(app.child.pid as number);
    const appCpu = cpuSeconds(app.child.pid as number) - appCpuBefore;
    const stop = await stopApp(app);
    const missingAnswers = Math.max(0, result['2xx'] - api.responses.length);
    return {
      rate: options.rate,
      durationS: options.durationS,
      sent: result.requests.sent,
      rps: result.requests.average,
      ackP50Ms: result.latency.p50,
      ackP99Ms: result.latency.p99,
      answerP50Ms: median(answerLatencies),
      answerP99Ms: percentile(answerLatencies, 99),
      errors: result.errors + result.timeouts + result.non2xx + missingAnswers,
      startToReadyMs: median(readyTimes),
      rssMb: rss,
      appCpuShare: appCpu / options.durationS,
      sigtermExitMs: stop.ms,
      sigtermExitCode: stop.code,
    };
  } finally {
    await api.close();
  }
}
