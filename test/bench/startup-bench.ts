/**
 * Start-up as a person meets it: fresh processes on the build in dist/ (built first if it is not
 * current), each timing the median of `runs` (with min and max), runs interleaved so load on a
 * shared machine falls on every figure alike.
 *
 * | figure                                                              | target              |
 * | `node dist/main.js` → GET /healthz 200 (HTTP mode, fake Slack)     | ≤ 700 ms            |
 * | `npm start` → GET /healthz 200, same settings                      | ≤ 1.5 × the above   |
 * | `node dist/cli.js ask …` → answer printed and process exited       | ≤ 600 ms            |
 * | `npm start` rebuilds nothing when nothing changed                  | dist/ untouched     |
 *
 * Plus the resident memory of one CLI process after a thousand questions (≤ 150 MB).
 *
 *   npm run bench:startup [-- --runs N] [-- --json FILE]   exits 1 when a target is missed
 *
 * `run-bench.ts` calls {@link benchStartup} and prints {@link formatStartup}'s lines.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { loadEvalQuestions } from '../../src/core/eval/eval-questions.js';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { freePort, waitUntilHealthy } from '../support/local-process.js';
import { median, timeMsAsync } from './stats.js';

const DIST = join(PROJECT_ROOT, 'dist');
const CLI = join(DIST, 'cli.js');
const BUILD_INFO = join(DIST, 'build-info.json');
const run = promisify(execFile);
const QUESTION = '商标审查周期要控制在多久？';
/** As in package.json's `start` script and the Dockerfile's CMD. */
const APP_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=128'];
const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
const READY_TIMEOUT_MS = 30_000;

export const TARGETS = {
  nodeMainToReadyMs: 700,
  npmStartOverNodeMain: 1.5,
  cliFirstAnswerMs: 600,
  rssMb: 150,
} as const;

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export interface StartupFigures {
  nodeMainToReady: Timing;
  npmStartToReady: Timing;
  /** npm start's median over node dist/main.js's. */
  npmStartRatio: number;
  cliFirstAnswer: Timing;
  /** Whether any `npm start` rebuilt dist/ although nothing had changed. */
  npmStartRebuilt: boolean;
  rssMbAfter1000?: number;
}

export interface TargetCheck {
  figure: string;
  value: string;
  target: string;
  met: boolean;
}

export interface StartupReport {
  figures: StartupFigures;
  targets: TargetCheck[];
  /** The targets missed, by figure name (empty when all are met). */
  missed: string[];
}

function timing(samples: readonly number[]): Timing {
  return { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), runs: samples.length };
}

async function ensureBuild(): Promise<void> {
  const { build, isBuildCurrent } = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'build.mjs')).href)) as typeof import('../../scripts/build.mjs');
  if (!isBuildCurrent()) await build();
}

/** Runs `command` with the app's HTTP-mode settings and resolves with the time to /healthz 200; stops it after. */
async function timeToReady(api: FakeSlackApi, command: string, args: readonly string[]): Promise<number> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-startup-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SLACK_BOT_TOKEN: 'xoxb-1-2-startup',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // npm would otherwise look for a newer npm in the registry.
    npm_config_update_notifier: 'false',
  };
  const started = performance.now();
  // Its own process group, so npm and the app it starts are stopped together.
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: 'ignore', detached: true });
  try {
    const ready = await waitUntilHealthy(port, { timeoutMs: READY_TIMEOUT_MS, gaveUp: () => child.exitCode !== null, pollMs: 5 });
    if (!ready) throw new Error(`${command} ${args.join(' ')} was not ready (exit code ${child.exitCode})`);
    return performance.now() - started;
  } finally {
    await stopGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

/** A fresh `node dist/cli.js ask …` from start to its printed answer and exit. */
export async function benchFirstAnswer(runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeCliAnswer());
  return median(samples);
}

async function timeCliAnswer(): Promise<number> {
  return timeMsAsync(async () => {
    const { stdout } = await run(process.execPath, [CLI, 'ask', QUESTION], { cwd: PROJECT_ROOT });
    if (!stdout.includes('9个月')) throw new Error(`the CLI did not answer: ${stdout.slice(0, 200)}`);
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Feeds `count` questions to one `ask --batch` process and reads its RSS before it exits. */
export async function benchRss(questions: readonly string[], count: number): Promise<number> {
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, CLI, 'ask', '--batch', '--json'], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  let answered = 0;
  const done = new Promise<number>((resolve) => {
    lines.on('line', () => {
      answered += 1;
      if (answered === count && child.pid !== undefined) resolve(rssMb(child.pid));
    });
  });
  for (let i = 0; i < count; i++) child.stdin.write(`${questions[i % questions.length]}\n`);
  const rss = await done;
  child.stdin.end();
  await new Promise((resolve) => child.once('exit', resolve));
  return rss;
}

export interface StartupOptions {
  /** Fresh processes per figure (at least 5 for a median worth reading). */
  runs?: number;
  /** Also measure memory after a thousand questions. */
  rss?: boolean;
}

export async function benchStartup({ runs = 7, rss = true }: StartupOptions = {}): Promise<StartupReport> {
  await ensureBuild();
  const builtAt = statSync(BUILD_INFO).mtimeMs;
  const api = await startFakeSlackApi();
  const node: number[] = [];
  const npm: number[] = [];
  const cli: number[] = [];
  try {
    // One of each first, not counted: the file cache and the fake Slack are warm for every sample.
    await timeToReady(api, process.execPath, [...APP_NODE_FLAGS, join(DIST, 'main.js')]);
    await timeCliAnswer();
    for (let i = 0; i < runs; i++) {
      node.push(await timeToReady(api, process.execPath, [...APP_NODE_FLAGS, join(DIST, 'main.js')]));
      npm.push(await timeToReady(api, 'npm', ['start']));
      cli.push(await timeCliAnswer());
    }
  } finally {
    await api.close();
  }
  const questions = loadEvalQuestions(join(PROJECT_ROOT, 'test', 'fixtures', 'questions-team.jsonl')).map((q) => q.q);
  const figures: StartupFigures = {
    nodeMainToReady: timing(node),
    npmStartToReady: timing(npm),
    npmStartRatio: median(npm) / median(node),
    cliFirstAnswer: timing(cli),
    npmStartRebuilt: statSync(BUILD_INFO).mtimeMs !== builtAt,
    ...(rss ? { rssMbAfter1000: await benchRss(questions, 1000) } : {}),
  };
  const ms = (t: Timing) => `${t.medianMs.toFixed(0)} ms (min ${t.minMs.toFixed(0)}, max ${t.maxMs.toFixed(0)}, n=${t.runs})`;
  const targets: TargetCheck[] = [
    {
      figure: 'node dist/main.js → /healthz ready',
      value: ms(figures.nodeMainToReady),
      target: `≤ ${TARGETS.nodeMainToReadyMs} ms`,
      met: figures.nodeMainToReady.medianMs <= TARGETS.nodeMainToReadyMs,
    },
    { figure: 'npm start → /healthz ready', value: ms(figures.npmStartToReady), target: '—', met: true },
    {
      figure: 'npm start ÷ node dist/main.js',
      value: `${figures.npmStartRatio.toFixed(2)}×`,
      target: `≤ ${TARGETS.npmStartOverNodeMain}×`,
      met: figures.npmStartRatio <= TARGETS.npmStartOverNodeMain,
    },
    { figure: 'npm start rebuilt an unchanged dist/', value: figures.npmStartRebuilt ? 'yes' : 'no', target: 'no', met: !figures.npmStartRebuilt },
    {
      figure: 'CLI process → first answer',
      value: ms(figures.cliFirstAnswer),
      target: `≤ ${TARGETS.cliFirstAnswerMs} ms`,
      met: figures.cliFirstAnswer.medianMs <= TARGETS.cliFirstAnswerMs,
    },
  ];
  if (figures.rssMbAfter1000 !== undefined) {
    targets.push({
      figure: 'RSS after 1000 questions (CLI batch)',
      value: `${figures.rssMbAfter1000.toFixed(1)} MB`,
      target: `≤ ${TARGETS.rssMb} MB`,
      met: figures.rssMbAfter1000 <= TARGETS.rssMb,
    });
  }
  return { figures, targets, missed: targets.filter((t) => !t.met).map((t) => t.figure) };
}

/** The report as table lines, a missed target marked. */
export function formatStartup(report: StartupReport): string[] {
  return [
    `${'start-up figure'.padEnd(40)}${'value'.padEnd(40)}target`,
    ...report.targets.map((t) => `${t.figure.padEnd(40)}${t.value.padEnd(40)}${t.target}${t.met ? '' : '   ✗ MISSED'}`),
    report.missed.length === 0 ? 'start-up: every target met' : `start-up: ${report.missed.length} target(s) missed: ${report.missed.join('; ')}`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, json: { type: 'string' }, 'no-rss': { type: 'boolean' } } });
  const runs = values.runs === undefined ? 7 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 5) throw new Error('--runs must be a whole number of at least 5 (medians of fewer runs are not worth reading)');
  const report = await benchStartup({ runs, rss: values['no-rss'] !== true });
  console.log(formatStartup(report).join('\n'));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.missed.length === 0 ? 0 : 1;
}
