/**
 * `npm run bench [-- --json FILE] [-- --quick]`: builds dist/, then measures the search (ours
 * against a bigram baseline, in the same run), process start-up and memory, and prints a table
 * with each figure's target. Timings on a shared machine are noisy: figures are medians (p99 for
 * latency) over many samples, and comparisons are ratios measured in the same run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/core/paths.js';

const { values } = parseArgs({ options: { json: { type: 'string' }, quick: { type: 'boolean' } } });
const quick = values.quick ?? false;

// Measure what production runs: build dist/ first (the benches import from dist/).
const { build } = (await import(pathToFileURL(join(PROJECT_ROOT, 'scripts', 'build.mjs')).href)) as typeof import('../../scripts/build.mjs');
await build();
const { benchSearch } = await import('./search-bench.js');
const { benchStartup, formatStartup } = await import('./startup-bench.js');
const { benchService } = await import('./service-bench.js');

const search = benchSearch(quick ? 5 : 40);
const startupReport = await benchStartup({ runs: quick ? 5 : 7 });
const startup = { firstAnswerMs: startupReport.figures.cliFirstAnswer.medianMs, rssMbAfter1000: startupReport.figures.rssMbAfter1000 ?? Number.NaN };
const service = await benchService({ rate: 200, durationS: quick ? 5 : 20, startRuns: quick ? 2 : 6 });

type Row = [string, number, string, string];
const ms = (x: number) => `${x.toFixed(x < 10 ? 3 : 1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const rows: Row[] = [
  ['index build', search.ours.buildMs, ratio(search.ours.buildMs, search.baseline.buildMs), '—'],
  ['index load (index/ → searchable)', search.ours.loadMs, ratio(search.ours.loadMs, search.baseline.loadMs), '≤ 100 ms'],
  ['search ready (load + query tables)', search.ours.readyMs, '—', '—'],
  ['query p50', search.ours.queryP50Ms, ratio(search.ours.queryP50Ms, search.baseline.queryP50Ms), '—'],
  ['query p99', search.ours.queryP99Ms, ratio(search.ours.queryP99Ms, search.baseline.queryP99Ms), '≤ 1 ms'],
  ['process start → first answer (CLI)', startup.firstAnswerMs, '—', '≤ 600 ms'],
  ['app process start → ready (/healthz)', service.startToReadyMs, '—', '≤ 1500 ms'],
  [`ack p50 at ${service.rate} req/s`, service.ackP50Ms, '—', '—'],
  [`ack p99 at ${service.rate} req/s`, service.ackP99Ms, '—', '≤ 50 ms'],
  ['answer at response_url p50', service.answerP50Ms, '—', '—'],
  ['answer at response_url p99', service.answerP99Ms, '—', '—'],
  ['SIGTERM → exit after the run', service.sigtermExitMs, '—', 'a few seconds'],
];
const lines = [
  `search: ${search.questions} questions × ${search.passes} passes; baseline = MiniSearch over character bigrams, no query understanding`,
  '',
  `${'figure'.padEnd(38)}${'ours'.padStart(12)}${'vs baseline'.padStart(14)}   target`,
  ...rows.map(([name, value, r, target]) => `${name.padEnd(38)}${ms(value).padStart(12)}${r.padStart(14)}   ${target}`),
  `${'recall@1 (all questions)'.padEnd(38)}${search.ours.recallAt1.toFixed(3).padStart(12)}${`${search.baseline.recallAt1.toFixed(3)} base`.padStart(14)}`,
  `${'recall@1 (dev set)'.padEnd(38)}${search.ours.recallAt1Dev.toFixed(3).padStart(12)}${`${search.baseline.recallAt1Dev.toFixed(3)} base`.padStart(14)}`,
  `${'RSS after 1000 questions (CLI batch)'.padEnd(38)}${`${startup.rssMbAfter1000.toFixed(1)} MB`.padStart(12)}${'—'.padStart(14)}   ≤ 150 MB`,
  `${`RSS of the app after ${service.sent} requests`.padEnd(38)}${`${service.rssMb.toFixed(1)} MB`.padStart(12)}${'—'.padStart(14)}   ≤ 150 MB`,
  `${'service throughput'.padEnd(38)}${`${service.rps.toFixed(1)} req/s`.padStart(12)}${`${service.sent} sent`.padStart(14)}   ${service.rate} req/s for ${service.durationS} s`,
  `${'service errors (non-2xx, timeouts, lost answers)'.padEnd(38)}${String(service.errors).padStart(12)}${'—'.padStart(14)}   0`,
  `${'exit code after SIGTERM'.padEnd(38)}${String(service.sigtermExitCode).padStart(12)}${'—'.padStart(14)}   0`,
];
console.log(lines.join('\n'));
console.log(['', ...formatStartup(startupReport)].join('\n'));
// A missed start-up target fails the run.
if (startupReport.missed.length > 0) process.exitCode = 1;

if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ search, startup, service }, null, 2)}\n`);
  console.log(`\nfigures written to ${values.json}`);
}
