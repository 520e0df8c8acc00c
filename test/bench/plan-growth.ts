/**
 * What a library of many plans costs: 1, 5 and 20 synthetic plans in a temporary PLANS_DIR, each
 * opened in a fresh process (so resident memory is the library's own), against the one-plan
 * library of the same run. The plans are the shipped 2014 plan's own measures, shuffled and
 * renumbered under other years, in the direct layout: the same text, new plans.
 *
 * For each size: the cold start (indexes built, nothing cached) once, then `runs` warm starts
 * (indexes loaded from DATA_DIR/plan-indexes, as every restart after the first), each timing
 * `openAnswerLibrary` and every dev question asked through the library (`askLibrary`, no year, a
 * year, and across the years), and reading RSS after them. Figures are min/median/max over runs.
 *
 * | figure (warm, median)               | limit                     |
 * | ready (openAnswerLibrary)           | ≤ 2 × the one-plan library |
 * | query p99                           | ≤ 2 × the one-plan library |
 * | resident memory after the questions | ≤ 300 MB                  |
 *
 *   npm run bench:plans [-- --runs N] [-- --sizes 1,5,20]   exits 1 when a limit is exceeded
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { askLibrary } from '../../src/core/answer/ask-library.js';
import { openAnswerLibrary } from '../../src/core/answer/open-answer-library.js';
import { loadEvalQuestions } from '../../src/core/eval/eval-questions.js';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { loadPlan } from '../../src/core/plan/load-plan.js';
import { percentile, spread, timeMs, type Spread } from './stats.js';

const LIMITS = { readyOverBaseline: 2, p99OverBaseline: 2, rssMb: 300 } as const;
const QUESTIONS_FILE = join(PROJECT_ROOT, 'test/fixtures/questions-dev.jsonl');
/** Synthetic plans take the years from here on (one plan a year, the newest current). */
const FIRST_YEAR = 2030;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const MB = 1024 * 1024;
/** Passes over the questions in one process: the first warms the code, all are timed. */
const PASSES = 3;

interface ChildResult {
  readyMs: number;
  queryMs: number[];
  rssMb: number;
}

/** A seeded shuffle (mulberry32), so every run writes the same plans. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Plan `k`: the seed's measures shuffled, renumbered and dealt into its areas, under year FIRST_YEAR + k. */
function syntheticPlan(k: number): string {
  const seed = loadPlan();
  const measures = shuffled(seed.measures, k + 1);
  const perArea = Math.ceil(measures.length / seed.areas.length);
  const lines = [`${FIRST_YEAR + k}年国家知识产权战略实施推进计划`, '', seed.preamble, ''];
  let number = 1;
  seed.areas.forEach((area, a) => {
    const dealt = measures.slice(a * perArea, (a + 1) * perArea);
    if (dealt.length === 0) return;
    lines.push(`${NUMERALS[a]}、${area.title}`, '');
    for (const m of dealt) lines.push(`${number++}．${m.displayText}`, '');
  });
  return lines.join('\n');
}

function writePlans(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < count; k++) writeFileSync(join(dir, `${FIRST_YEAR + k}-plan.txt`), syntheticPlan(k));
}

/** The questions each process asks: the dev set as typed, with a year, and across the years. */
function questions(): string[] {
  const typed = loadEvalQuestions(QUESTIONS_FILE).map((q) => q.q);
  return [...typed, ...typed.slice(0, 10).map((q) => `${FIRST_YEAR}年${q}`), ...typed.slice(0, 5).map((q) => `历年计划里${q}`)];
}

/** In the child: open the library, ask, report. */
function child(plansDir: string, cacheDir: string): void {
  let library: ReturnType<typeof openAnswerLibrary> | undefined;
  const readyMs = timeMs(() => {
    library = openAnswerLibrary({ plansDir, cacheDir });
  });
  if (!library) throw new Error('no library');
  const asked = questions();
  const queryMs: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) for (const q of asked) queryMs.push(timeMs(() => void askLibrary(library!, q)));
  const result: ChildResult = { readyMs, queryMs, rssMb: process.memoryUsage().rss / MB };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const run = promisify(execFile);

async function inChild(plansDir: string, cacheDir: string): Promise<ChildResult> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await run(process.execPath, [...process.execArgv, self, '--child', plansDir, cacheDir], { cwd: PROJECT_ROOT, maxBuffer: 16 * MB });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ChildResult;
}

interface SizeReport {
  plans: number;
  coldReadyMs: number;
  readyMs: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  rssMb: Spread;
}

const fmt = (s: Spread, digits = 1): string => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { child: { type: 'boolean' }, runs: { type: 'string' }, sizes: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.child) {
    const [plansDir = '', cacheDir = ''] = positionals;
    child(plansDir, cacheDir);
    return 0;
  }
  const runs = Number(values.runs ?? 3);
  const sizes = (values.sizes ?? '1,5,20').split(',').map(Number);
  if (!sizes.includes(1)) sizes.unshift(1);
  const root = mkdtempSync(join(tmpdir(), 'ipplan-plan-growth-'));
  const reports: SizeReport[] = [];
  try {
    for (const size of sizes) {
      const plansDir = join(root, `plans-${size}`);
      const cacheDir = join(root, `cache-${size}`);
      writePlans(plansDir, size);
      const cold = await inChild(plansDir, cacheDir);
      const warm: ChildResult[] = [];
      for (let r = 0; r < runs; r++) warm.push(await inChild(plansDir, cacheDir));
      const report = {
        plans: size,
        coldReadyMs: cold.readyMs,
        readyMs: spread(warm.map((w) => w.readyMs)),
        p50Ms: spread(warm.map((w) => percentile(w.queryMs, 50))),
        p99Ms: spread(warm.map((w) => percentile(w.queryMs, 99))),
        rssMb: spread(warm.map((w) => w.rssMb)),
      };
      reports.push(report);
      console.log(
        `${String(size).padStart(2)} plans  cold ready ${cold.readyMs.toFixed(0)} ms  warm ready ${fmt(report.readyMs, 0)} ms  p50 ${fmt(report.p50Ms, 2)} ms  p99 ${fmt(report.p99Ms, 2)} ms  RSS ${fmt(report.rssMb, 0)} MB`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const base = reports.find((r) => r.plans === 1);
  if (!base) return 1;
  const failures = reports.flatMap((r) => [
    ...(r.readyMs.median > LIMITS.readyOverBaseline * base.readyMs.median
      ? [`${r.plans} plans: warm ready ${r.readyMs.median.toFixed(0)} ms > ${LIMITS.readyOverBaseline} × ${base.readyMs.median.toFixed(0)} ms`]
      : []),
    ...(r.p99Ms.median > LIMITS.p99OverBaseline * base.p99Ms.median
      ? [`${r.plans} plans: p99 ${r.p99Ms.median.toFixed(2)} ms > ${LIMITS.p99OverBaseline} × ${base.p99Ms.median.toFixed(2)} ms`]
      : []),
    ...(r.rssMb.max > LIMITS.rssMb ? [`${r.plans} plans: RSS ${r.rssMb.max.toFixed(0)} MB > ${LIMITS.rssMb} MB`] : []),
  ]);
  for (const failure of failures) console.log(`over the limit: ${failure}`);
  if (failures.length === 0) console.log('within the limits');
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
