/**
 * The service under load: the compiled app in HTTP mode on 127.0.0.1 (`node` with the flags of
 * `npm start` and the Dockerfile, or `npm start` itself for the start-up figure), its Web API
 * served by the fake Slack in this process, and the open-loop generator (load-generator.ts) in
 * a process of its own. Every request is accounted for:
 *
 * - a slash command is answered when its acknowledgement carries the answer, refused-visible
 *   when it carries 正忙 (the user sees it);
 * - a DM event is answered when the fake Slack receives its chat.postMessage, refused-retried
 *   when the app answered 503 (Slack retries it); acknowledged with 200 and never answered is
 *   the one outcome that must not happen;
 * - no response within Slack's three seconds, or any other status, is unaccounted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { freePort, sleep, tsEntryArgs, waitUntilHealthy } from '../support/local-process.js';
import type { SentRequest } from './load-generator.js';
import { percentile } from './stats.js';

const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
/** As in package.json's `start` script and the Dockerfile's CMD. */
const APP_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=128'];
/** How long answers may still arrive after the last request was sent. */
const ANSWER_GRACE_MS = 5000;
/**
 * Before each measured run the app gets a short, gentle warm-up (not counted): the first
 * requests of a fresh process compile its code paths, and a cold process met by 1,000 requests
 * in its first second measures the compiler more than the service.
 */
const WARMUP = { rate: 100, seconds: 2 };

export interface LoadRun {
  rate: number;
  durationS: number;
  sent: number;
  ackP50Ms: number;
  ackP99Ms: number;
  /** The slowest answer delivered (command: its acknowledgement; DM: its chat.postMessage). */
  answerMaxMs: number;
  answerP99Ms: number;
  answered: number;
  /** Commands told 正忙 and events answered 503: refused in a way the user sees or Slack retries. */
  refused: number;
  /** DMs acknowledged with 200 that never got their answer. */
  acknowledgedUnanswered: number;
  /** No acknowledgement within three seconds, a connection error, or another status. */
  unaccounted: number;
  /** A few of the unaccounted requests: kind, status and what came back. */
  unaccountedSamples: string[];
  peakRssMb: number;
  /** The app was still running when the load ended. */
  stayedUp: boolean;
  sigtermExitMs: number;
  sigtermExitCode: number | null;
}

export interface RunningApp {
  child: ChildProcess;
  port: number;
  readyMs: number;
  dataDir: string;
}

function appEnv(api: FakeSlackApi, port: number, dataDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SLACK_BOT_TOKEN: 'xoxb-1-2-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
}

/** `node <flags> dist/main.js`, as `npm start` and the container run it. */
export async function startApp(api: FakeSlackApi): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-bench-'));
  const started = performance.now();
  const nodeArgs = [...APP_NODE_FLAGS, ...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, join(PROJECT_ROOT, 'dist', 'main.js')], {
    cwd: PROJECT_ROOT,
    env: appEnv(api, port, dataDir),
    stdio: 'ignore',
  });
  const ready = await waitUntilHealthy(port, { timeoutMs: 30_000, gaveUp: () => child.exitCode !== null, pollMs: 5 });
  if (!ready) throw new Error(`the app was not ready (exit code ${child.exitCode})`);
  return { child, port, readyMs: performance.now() - started, dataDir };
}

export async function stopApp(app: RunningApp): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  const exited =
    app.child.exitCode !== null
      ? Promise.resolve(app.child.exitCode)
      : new Promise<number | null>((resolve) => app.child.once('exit', (code) => resolve(code)));
  app.child.kill('SIGTERM');
  const code = await exited;
  rmSync(app.dataDir, { recursive: true, force: true });
  return { ms: performance.now() - started, code };
}

/** Peak resident set of a process so far (VmHWM), from /proc. */
function peakRssMb(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Runs the generator in its own process and reads its one JSON line. */
async function runGenerator(appUrl: string, rate: number, seconds: number): Promise<SentRequest[]> {
  const child = spawn(
    process.execPath,
    [...tsEntryArgs('cli').slice(0, 2), join(PROJECT_ROOT, 'test', 'bench', 'load-generator.ts'), appUrl, String(rate), String(seconds), SIGNING_SECRET],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(out) as SentRequest[];
}

export async function benchLoad(api: FakeSlackApi, rate: number, durationS: number): Promise<LoadRun> {
  api.reset();
  const app = await startApp(api);
  const pid = app.child.pid ?? 0;
  let sent: SentRequest[];
  try {
    await runGenerator(`http://127.0.0.1:${app.port}`, WARMUP.rate, WARMUP.seconds);
    await sleep(ANSWER_GRACE_MS / 5);
    api.reset();
    sent = await runGenerator(`http://127.0.0.1:${app.port}`, rate, durationS);
  } catch (error) {
    await stopApp(app);
    throw error;
  }
  const stayedUp = app.child.exitCode === null && app.child.signalCode === null;
  const owed = new Map(sent.filter((r) => r.kind === 'message.im' && r.status === 200).map((r) => [r.id, r.sentAt]));
  const posted = () => new Set(api.callsTo('chat.postMessage').map((c) => String(c.args.thread_ts)));
  const deadline = Date.now() + ANSWER_GRACE_MS;
  while (stayedUp && Date.now() < deadline && [...owed.keys()].some((id) => !posted().has(id))) await sleep(50);
  const peak = stayedUp ? peakRssMb(pid) : Number.NaN;
  const stop = await stopApp(app);

  const postedAt = new Map(api.callsTo('chat.postMessage').map((c) => [String(c.args.thread_ts), c.at]));
  const answerMs: number[] = [];
  let answered = 0;
  let refused = 0;
  let acknowledgedUnanswered = 0;
  let unaccounted = 0;
  for (const r of sent) {
    if (r.kind === 'message.im') {
      const at = postedAt.get(r.id);
      if (r.status === 200 && at !== undefined) {
        answered += 1;
        answerMs.push(at - r.sentAt);
      } else if (r.status === 200) acknowledgedUnanswered += 1;
      else if (r.status === 503) refused += 1;
      else unaccounted += 1;
    } else if (r.status === 200 && r.answered) {
      answered += 1;
      answerMs.push(r.ackMs);
    } else if (r.status === 200 && r.busy) refused += 1;
    else unaccounted += 1;
  }
  const acks = sent.filter((r) => r.status !== 0).map((r) => r.ackMs);
  const unaccountedSamples = sent
    .filter((r) => r.note !== undefined)
    .slice(0, 5)
    .map((r) => `${r.kind} ${r.status} after ${Math.round(r.ackMs)} ms: ${r.note ?? ''}`);
  return {
    rate,
    durationS,
    sent: sent.length,
    ackP50Ms: percentile(acks, 50),
    ackP99Ms: percentile(acks, 99),
    answerMaxMs: answerMs.length > 0 ? Math.max(...answerMs) : Number.NaN,
    answerP99Ms: percentile(answerMs, 99),
    answered,
    refused,
    acknowledgedUnanswered,
    unaccounted,
    unaccountedSamples,
    peakRssMb: peak,
    stayedUp,
    sigtermExitMs: stop.ms,
    sigtermExitCode: stop.code,
  };
}

export async function withFakeSlack<T>(run: (api: FakeSlackApi) => Promise<T>): Promise<T> {
  const api = await startFakeSlackApi();
  try {
    return await run(api);
  } finally {
    await api.close();
  }
}
