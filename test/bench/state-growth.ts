/**
 * How the state grows while the service runs: `days` simulated days of `per-day` DMs written the
 * way the service writes them for each DM, through the resilient store and the thread memory
 * (the delivery accepted and finished, the message claimed, the conversation remembered under its
 * thread and its channel, the question recorded), with the clock moved forward DM by DM. With
 * `--upkeep on` (the default) the state's upkeep runs every simulated hour, as the service runs
 * it; with `off` it prunes at start-up only, as the service did before. Prints, every `every`
 * days, the rows of each table, the size of state.sqlite (+ its WAL), the process's resident
 * memory and, with `node --expose-gc`, the JavaScript heap after a collection.
 *
 *   node --expose-gc --import tsx test/bench/state-growth.ts [--upkeep on|off] [--days 120]
 *     [--per-day 1000] [--users 1000] [--every 15]
 *
 * A measurement, not a test: it prints figures and asserts nothing.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createThreadMemory } from '../../src/app/answers/thread-memory.js';
import { createStateUpkeep, UPKEEP_INTERVAL_MS } from '../../src/service/state-upkeep.js';
import { resilientStore } from '../../src/store/resilient-store.js';
import { stateFile } from '../../src/store/sqlite/open-sqlite.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '120' },
    'per-day': { type: 'string', default: '1000' },
    users: { type: 'string', default: '1000' },
    every: { type: 'string', default: '15' },
    upkeep: { type: 'string', default: 'on' },
  },
});
const DAYS = Number(values.days);
const PER_DAY = Number(values['per-day']);
const USERS = Number(values.users);
const EVERY = Number(values.every);
const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-01-01T00:00:00Z');
const TABLES = ['processed_events', 'accepted_work', 'threads', 'questions', 'feedback', 'digest_attempts', 'replicas'] as const;

const dir = mkdtempSync(join(tmpdir(), 'ipplan-growth-'));
const engine = openSqliteStore(dir);
let prunes = 0;
const logger = pino({ level: 'info' }, { write: (line: string) => void (prunes += line.includes('"msg":"state pruned"') ? 1 : 0) });
const store = resilientStore(engine, logger);
const file = stateFile(dir);
const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);
let nowMs = START;
const now = () => new Date(nowMs);
const memory = createThreadMemory(store.threads, now);
let tick: () => void = () => undefined;
const upkeep = createStateUpkeep({ store, logger, now, every: (_ms, run) => ((tick = run), () => undefined) });
const gc = (globalThis as { gc?: () => void }).gc;
await upkeep.start();
if (values.upkeep === 'off') tick = () => undefined;

function report(day: number, dms: number): void {
  gc?.();
  const heap = gc ? `; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB` : '';
  const rows = TABLES.map((t) => `${t} ${engine.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${t}`).get()?.n ?? 0}`).join(', ');
  const bytes = sizeOf(file) + sizeOf(`${file}-wal`);
  console.log(
    `day ${String(day).padStart(3)}: ${dms} DMs; ${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / Math.max(1, dms))} B/DM); rss ${Math.round(process.memoryUsage().rss / 1e6)} MB${heap}; ${rows}`,
  );
}

let dm = 0;
let lastTick = START;
for (let day = 1; day <= DAYS; day++) {
  for (let i = 0; i < PER_DAY; i++) {
    dm += 1;
    nowMs = START + (day - 1) * DAY_MS + Math.floor((i * DAY_MS) / PER_DAY);
    if (nowMs - lastTick >= UPKEEP_INTERVAL_MS) {
      lastTick = nowMs;
      // An hour passes: the upkeep's tick runs its prune while the service, as here, waits for nothing
      // but the state, and the prune is done before the next hour's DMs.
      const before = prunes;
      tick();
      if (values.upkeep !== 'off') while (prunes === before) await new Promise((resolve) => setImmediate(resolve));
    }
    const channel = `D${String(dm % USERS).padStart(8, '0')}`;
    const ts = `${Math.floor(nowMs / 1000)}.${String(dm % 1_000_000).padStart(6, '0')}`;
    const key = `event:Ev${String(dm).padStart(10, '0')}`;
    const event = { type: 'message', user: `U${channel.slice(1)}`, text: '商标审查周期要控制在多久？', ts, channel, channel_type: 'im', event_ts: ts };
    const body = JSON.stringify({
      token: 'x',
      team_id: 'T0TEAM',
      api_app_id: 'A0APP',
      event,
      type: 'event_callback',
      event_id: key.slice(6),
      event_time: Math.floor(nowMs / 1000),
    });
    await store.work.accept({ key, body, acceptedAt: nowMs, owner: 'host:1:bench' });
    await store.events.claim(`message:${channel}:${ts}`, nowMs);
    await memory.recall({ channel, threadTs: ts, direct: true });
    await memory.remember(
      { channel, threadTs: ts, direct: true },
      { question: '商标审查周期要控制在多久', measures: [12, 13, 28, 36, 40], focus: 12, shown: 5 },
    );
    await store.activity.recordQuestion({
      date: new Date(nowMs).toISOString().slice(0, 10),
      at: nowMs,
      surface: 'dm',
      question: '商标审查周期要控制在多久？',
      kind: 'search',
      measures: [12, 13, 28, 36, 40],
      found: true,
    });
    await store.work.finish(key);
  }
  if (day % EVERY === 0 || day === DAYS) report(day, dm);
}
await upkeep.stop();
await store.close();
rmSync(dir, { recursive: true, force: true });
