/**
 * `npm run bench [-- --json FILE] [-- --quick]`: builds dist/, then measures in one run
 *
 * - the search, ours against a plain MiniSearch + jieba index, FlexSearch and character bigrams,
 *   interleaved per question (search-bench.ts);
 * - start-up: `npm start` as the README documents it against `node dist/main.js`, the CLI's first
 *   answer and its memory (startup-bench.ts);
 * - the service under an open-loop load at 200 requests a second, and an overload run at 1,000
 *   (service-bench.ts, load-generator.ts).
 *
 * Every figure is taken several times and printed as min / median / max. The service's targets
 * are checked against the worst run, the search's timings against the median of its rounds; a
 * missed target is marked MISS and the script exits 1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { spread, type Spread } from './stats.js';

const { values } = parseArgs({ options: { json: { type: 'string' }, quick: { type: 'boolean' } } });
const quick = values.quick ?? false;
const RUNS = quick ? 1 : 3;
const LOAD_SECONDS = quick ? 5 : 20;

// Measure what production runs: build dist/ first (the benches import from dist/).
const { build } = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'build.mjs')).href)) as typeof import('../../scripts/build.mjs');
await build();
const { benchSearch, ENGINES } = await import('./search-bench.js');
const { benchLoad, withFakeSlack } = await import('./service-bench.js');
const { benchStartup, formatStartup } = await import('./startup-bench.js');

/**
 * A target, checked against the worst run (the service's targets hold for every run), or against
 * the median of the rounds (`on: 'median'`: search timings, where a round that shared the machine
 * with someone else's build says more about them than about the search).
 */
type Goal = ({ max: number } | { min: number } | { equals: number }) & { on?: 'median' };
interface Row {
  name: string;
  figure: Spread;
  unit: string;
  goal?: Goal;
  /** Against the baseline, median ÷ median. */
  note?: string;
}
const rows: Row[] = [];
const missed: string[] = [];

function meets(figure: Spread, goal: Goal): boolean {
  const median = goal.on === 'median';
  if ('max' in goal) return (median ? figure.median : figure.max) <= goal.max;
  if ('min' in goal) return (median ? figure.median : figure.min) >= goal.min;
  return median ? figure.median === goal.equals : figure.min === goal.equals && figure.max === goal.equals;
}

function describeGoal(goal: Goal, unit: string): string {
  const of = goal.on === 'median' ? ' (median)' : '';
  if ('max' in goal) return `≤ ${goal.max}${unit}${of}`;
  if ('min' in goal) return `≥ ${goal.min}${unit}${of}`;
  return `= ${goal.equals}${unit}${of}`;
}

/** The value a goal was checked against. */
function checked(figure: Spread, goal: Goal): number {
  if (goal.on === 'median') return figure.median;
  return 'min' in goal ? figure.min : figure.max;
}

function add(row: Row): void {
  rows.push(row);
  if (row.goal && !meets(row.figure, row.goal))
    missed.push(`${row.name}: ${describeGoal(row.goal, row.unit)}, measured ${format(checked(row.figure, row.goal))}${row.unit}`);
}

function format(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return x.toFixed(Math.abs(x) < 10 ? 3 : 1);
}

// ---- search -------------------------------------------------------------------------------------
const search = benchSearch({ rounds: quick ? 2 : 5, passesPerRound: quick ? 2 : 8 });
const ratio = (a: Spread, b: Spread) => `${(a.median / b.median).toFixed(2)}× plain, `;
const versus = (name: 'ours' | 'flexsearch' | 'bigram', pick: (f: (typeof search.engines)['ours']) => Spread | undefined) => {
  const mine = pick(search.engines[name]);
  const plain = pick(search.engines.plain);
  const bigram = pick(search.engines.bigram);
  return mine && plain && bigram ? `${ratio(mine, plain)}${(mine.median / bigram.median).toFixed(2)}× bigram` : undefined;
};
for (const name of ENGINES) {
  const e = search.engines[name];
  const isOurs = name === 'ours';
  const note = (pick: (f: typeof e) => Spread | undefined) => (name === 'plain' ? 'baseline' : versus(name, pick));
  add({ name: `search ${name}: query p50`, figure: e.queryP50Ms, unit: ' ms', ...optional(note((f) => f.queryP50Ms)) });
  add({
    name: `search ${name}: query p99`,
    figure: e.queryP99Ms,
    unit: ' ms',
    ...(isOurs ? { goal: { max: 1, on: 'median' } } : {}),
    ...optional(note((f) => f.queryP99Ms)),
  });
  add({ name: `search ${name}: index build`, figure: e.buildMs, unit: ' ms', ...optional(note((f) => f.buildMs)) });
  if (e.loadMs)
    add({
      name: `search ${name}: index load`,
      figure: e.loadMs,
      unit: ' ms',
      ...(isOurs ? { goal: { max: 100, on: 'median' } } : {}),
      ...optional(note((f) => f.loadMs)),
    });
}

function optional(note: string | undefined): { note?: string } {
  return note ? { note } : {};
}

// ---- start-up ---------------------------------------------------------------------------------
const startup = await benchStartup({ runs: quick ? 5 : 7 });
missed.push(...startup.missed.map((figure) => `start-up: ${figure}`));

// ---- the service ------------------------------------------------------------------------------
const service = await withFakeSlack(async (api) => {
  const steady = [];
  for (let i = 0; i < RUNS; i++) steady.push(await benchLoad(api, 200, LOAD_SECONDS));
  const overload = [];
  for (let i = 0; i < RUNS; i++) overload.push(await benchLoad(api, 1000, LOAD_SECONDS));
  return { steady, overload };
});

for (const [label, runs, steadyRate] of [
  ['200 req/s', service.steady, true],
  ['1000 req/s', service.overload, false],
] as const) {
  const of = (pick: (r: (typeof runs)[number]) => number) => spread(runs.map(pick));
  add({ name: `${label}: requests sent`, figure: of((r) => r.sent), unit: '' });
  add({ name: `${label}: ack p50`, figure: of((r) => r.ackP50Ms), unit: ' ms' });
  add({ name: `${label}: ack p99`, figure: of((r) => r.ackP99Ms), unit: ' ms', ...(steadyRate ? { goal: { max: 50 } } : {}) });
  add({ name: `${label}: answered`, figure: of((r) => r.answered), unit: '' });
  add({ name: `${label}: slowest answer delivered`, figure: of((r) => r.answerMaxMs), unit: ' ms', ...(steadyRate ? { goal: { max: 1000 } } : {}) });
  add({ name: `${label}: refused (正忙 or 503, retried)`, figure: of((r) => r.refused), unit: '', ...(steadyRate ? { goal: { equals: 0 } } : {}) });
  add({ name: `${label}: acknowledged, never answered`, figure: of((r) => r.acknowledgedUnanswered), unit: '', goal: { equals: 0 } });
  add({ name: `${label}: unaccounted (no ack in 3 s, errors)`, figure: of((r) => r.unaccounted), unit: '', goal: { equals: 0 } });
  add({ name: `${label}: peak RSS of the app`, figure: of((r) => r.peakRssMb), unit: ' MB', ...(steadyRate ? {} : { goal: { max: 200 } }) });
  add({ name: `${label}: app still up after the load`, figure: of((r) => (r.stayedUp ? 1 : 0)), unit: '', goal: { equals: 1 } });
  add({ name: `${label}: SIGTERM → exit`, figure: of((r) => r.sigtermExitMs), unit: ' ms' });
  add({ name: `${label}: exit code after SIGTERM`, figure: of((r) => r.sigtermExitCode ?? -1), unit: '', goal: { equals: 0 } });
}

// ---- report -----------------------------------------------------------------------------------
const width = Math.max(...rows.map((r) => r.name.length)) + 2;
const cell = (x: number, unit: string) => `${format(x)}${unit}`.padStart(12);
const lines = [
  `search: ${search.questions} questions, ${search.rounds} rounds × ${search.passesPerRound} passes, engines interleaved per question`,
  `load: open loop, evenly spaced, freshly signed; ⅓ /measure 42, ⅓ /plan question, ⅓ DM events; ${LOAD_SECONDS} s per run, ${RUNS} run(s) per rate`,
  '',
  `${'figure'.padEnd(width)}${'min'.padStart(12)}${'median'.padStart(12)}${'max'.padStart(12)}   target`,
  ...rows.map((r) => {
    const mark = r.goal ? `${meets(r.figure, r.goal) ? 'ok  ' : 'MISS'} ${describeGoal(r.goal, r.unit)}` : '';
    return `${r.name.padEnd(width)}${cell(r.figure.min, r.unit)}${cell(r.figure.median, r.unit)}${cell(r.figure.max, r.unit)}   ${mark}${r.note ? `   (${r.note})` : ''}`;
  }),
  '',
  `search recall@1 (all / dev): ${ENGINES.map((n) => `${n} ${search.engines[n].recallAt1.toFixed(3)} / ${search.engines[n].recallAt1Dev.toFixed(3)}`).join('; ')}`,
  '',
  ...formatStartup(startup),
  '',
  ...[...service.steady, ...service.overload].flatMap((run) => run.unaccountedSamples.map((sample) => `unaccounted at ${run.rate} req/s: ${sample}`)),
  missed.length === 0 ? 'all targets met' : `MISSED ${missed.length} target(s):\n${missed.map((m) => `  - ${m}`).join('\n')}`,
];
console.log(lines.join('\n'));

if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ search, startup, service, missed }, null, 2)}\n`);
  console.log(`\nfigures written to ${values.json}`);
}
process.exitCode = missed.length === 0 ? 0 : 1;
