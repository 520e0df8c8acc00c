/**
 * What a progress update costs as a measure's history grows: one measure given `short` notes,
 * another given `long` notes, then `writes` updates through the book (a note each, as `/progress
 * 42 进展 …` makes), timed `runs` times, interleaved so load on a shared machine falls on both.
 * A write's cost must not depend on the history: the ratio of the medians should be about 1.
 *
 *   npx tsx test/bench/progress-write-bench.ts [--short 10] [--long 5000] [--writes 200] [--runs 5]
 *     [--database-url postgres://…]   (default: SQLite in a temporary DATA_DIR)
 *
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createProgressBook } from '../../src/core/progress/progress-book.js';
import type { ProgressLedger } from '../../src/core/progress/progress-ledger.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { StateStore } from '../../src/store/state-store.js';
import { spread, timeMsAsync } from './stats.js';

const { values } = parseArgs({
  options: {
    short: { type: 'string', default: '10' },
    long: { type: 'string', default: '5000' },
    writes: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
    'database-url': { type: 'string' },
  },
});
const SHORT = Number(values.short);
const LONG = Number(values.long);
const WRITES = Number(values.writes);
const RUNS = Number(values.runs);
const SHORT_MEASURE = 41;
const LONG_MEASURE = 42;
const AT = Date.parse('2026-11-25T02:00:00Z');

/** `count` notes on `measure`, written straight through the ledger (one version each). */
async function giveHistory(ledger: ProgressLedger, measure: number, count: number): Promise<void> {
  for (let version = 1; version <= count; version++) {
    const at = AT + version;
    await ledger.write({
      row: { measure, status: '推进中', lead: ['海关总署'], participants: [], due: null, version, updatedAt: at, updatedBy: 'U0BENCH' },
      expectedVersion: version - 1,
      changes: [
        {
          measure,
          version,
          at,
          date: '2026-11-25',
          author: 'U0BENCH',
          field: 'note',
          before: null,
          after: `第 ${version} 条进展说明：与海关总署对接，推进系统联调。`,
        },
      ],
    });
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-progress-bench-'));
  const url = values['database-url'];
  const store: StateStore = url ? openPostgresStore(url) : openSqliteStore(dir);
  await store.open();
  let clock = AT + 10_000_000;
  const book = createProgressBook({ ledger: store.progress.forPlan('2014'), measureCount: 79, timeZone: 'Asia/Shanghai', now: () => new Date((clock += 1)) });
  await giveHistory(store.progress.forPlan('2014'), SHORT_MEASURE, SHORT);
  await giveHistory(store.progress.forPlan('2014'), LONG_MEASURE, LONG);

  const perWrite: Record<number, number[]> = { [SHORT_MEASURE]: [], [LONG_MEASURE]: [] };
  let n = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const measure of run % 2 === 0 ? [SHORT_MEASURE, LONG_MEASURE] : [LONG_MEASURE, SHORT_MEASURE]) {
      const ms = await timeMsAsync(async () => {
        for (let i = 0; i < WRITES; i++) {
          const outcome = await book.update({ measure, input: { note: `基准进展 ${(n += 1)}` }, author: 'U0BENCH' });
          if (outcome.outcome !== 'updated') throw new Error(`update ${n}: ${outcome.outcome}`);
        }
      });
      perWrite[measure]?.push(ms / WRITES);
    }
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const engine = url ? 'PostgreSQL' : 'SQLite';
  const line = (label: string, samples: number[]) => {
    const s = spread(samples);
    const rate = (ms: number) => Math.round(1000 / ms);
    return `${label.padEnd(18)} per write ms min ${s.min.toFixed(3)} median ${s.median.toFixed(3)} max ${s.max.toFixed(3)}   writes/s ${rate(s.max)}–${rate(s.min)} (median ${rate(s.median)})`;
  };
  const short = perWrite[SHORT_MEASURE] ?? [];
  const long = perWrite[LONG_MEASURE] ?? [];
  console.log(`${engine}: ${WRITES} updates × ${RUNS} runs each`);
  console.log(line(`${SHORT} notes`, short));
  console.log(line(`${LONG} notes`, long));
  console.log(`ratio (median per write, ${LONG} / ${SHORT} notes): ${(spread(long).median / spread(short).median).toFixed(2)}`);
}

await main();
