/**
 * The SQLite state file pulled out from under the running process (`rm state.sqlite-wal`, the
 * file moved or replaced): writes that people are told were saved must not go on into a file
 * nobody will read again. The store notices (before and after each progress write, on /healthz
 * and on its periodic check), says `failing` with one error line, refuses the writes it would
 * have confirmed, and saves what it had confirmed so that a restart finds it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RepeatEvery } from '../../src/app/process/repeat-every.js';
import type { ProgressChangeRow, ProgressRow } from '../../src/core/progress/progress-ledger.js';
import { healthReport } from '../../src/slack/health/health-route.js';
import { resilientStore } from '../../src/store/resilient-store.js';
import { STATE_FILE } from '../../src/store/sqlite/open-sqlite.js';
import type { ProgressLedgers } from '../../src/core/progress/progress-ledger.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { StoreError } from '../../src/store/store-error.js';
import { captureLogger } from '../support/capture-logger.js';
import { tsScriptArgs } from '../support/local-process.js';

const WRITER = join(import.meta.dirname, '..', 'support', 'state-writer-process.ts');
const ANSWER_TIMEOUT_MS = 30_000;
const BROKEN_LINE = /^state file deleted or replaced under the running service/u;

const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-state-file-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The state writer process (test/support/state-writer-process.ts) on `dataDir`, asked one line at a time. */
function startWriter(dataDir: string) {
  const child = spawn(process.execPath, [...tsScriptArgs(WRITER), dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const answers: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else answers.push(line);
  });
  return {
    async ask(command: string): Promise<unknown> {
      child.stdin?.write(`${command}\n`);
      const line =
        answers.shift() ??
        (await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no answer to "${command}"; stderr: ${stderr}`)), ANSWER_TIMEOUT_MS);
          waiting.push((l) => (clearTimeout(timer), resolve(l)));
        }));
      return JSON.parse(line) as unknown;
    },
    /** `kill -9`, as an operator or the OOM killer would. */
    killHard(): Promise<void> {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      return exited;
    },
    logLines: () =>
      stderr
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** A schedule the test fires by hand. */
function manualSchedule(): { every: RepeatEvery; fire(): void } {
  const runs: Array<() => void> = [];
  return { every: (_ms, run) => (runs.push(run), () => undefined), fire: () => runs.forEach((run) => run()) };
}

const row = (version: number): ProgressRow => ({
  measure: 42,
  status: '推进中',
  lead: [],
  participants: [],
  due: null,
  version,
  updatedAt: 1_764_000_000_000 + version,
  updatedBy: 'U0COORD',
});
const note = (version: number, text: string): ProgressChangeRow => ({
  measure: 42,
  version,
  at: 1_764_000_000_000 + version,
  date: '2026-11-24',
  author: 'U0COORD',
  field: 'note',
  before: null,
  after: text,
});
const write = (store: { progress: ProgressLedgers }, version: number, text: string) =>
  store.progress.forPlan('2014').write({ row: row(version), expectedVersion: version - 1, changes: [note(version, text)] });

describe('the SQLite state file gone from under the running service', () => {
  it('refuses a progress update once the WAL is deleted, says failing, and after kill -9 a restart finds every update it confirmed', {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const writer = startWriter(dir);
    for (let i = 1; i <= 5; i++) expect(await writer.ask(`update 42 第${i}次进展`)).toEqual({ outcome: 'updated', version: i });
    expect(await writer.ask('health')).toMatchObject({ state: 'ok' });

    rmSync(join(dir, `${STATE_FILE}-wal`));
    expect(await writer.ask('update 42 删除之后的进展')).toEqual({ error: expect.stringContaining(`${STATE_FILE}-wal`) });
    expect(await writer.ask('update 42 再试一次')).toEqual({ error: expect.stringContaining('restart the service') });
    expect(await writer.ask('health')).toMatchObject({ state: 'failing', details: { broken: expect.stringContaining(`${STATE_FILE}-wal`) } });
    await writer.killHard();
    expect(writer.logLines().filter((l) => BROKEN_LINE.test(String(l.msg)))).toEqual([expect.objectContaining({ level: 50 })]);

    const restarted = openSqliteStore(dir);
    expect((await restarted.progress.forPlan('2014').history(42)).map((c) => c.after)).toEqual([
      '第1次进展',
      '第2次进展',
      '第3次进展',
      '第4次进展',
      '第5次进展',
    ]);
    expect((await restarted.progress.forPlan('2014').get(42))?.version).toBe(5);
    await restarted.close();
  });

  it('notices the WAL gone on its periodic check, without a write: 503 failing on /healthz, one error line however often asked', async () => {
    const dir = tempDir();
    const log = captureLogger();
    const schedule = manualSchedule();
    const store = resilientStore(openSqliteStore(dir), log.logger, { every: schedule.every });
    expect(await write(store, 1, '第一条说明')).toEqual({ status: 'written' });
    expect(healthReport('ready', [{ name: 'store', ...store.health() }]).httpStatus).toBe(200);

    rmSync(join(dir, `${STATE_FILE}-wal`));
    schedule.fire();
    expect(log.lines().filter((l) => BROKEN_LINE.test(String(l.msg)))).toEqual([
      expect.objectContaining({ level: 50, reason: expect.stringContaining('deleted') }),
    ]);
    expect(healthReport('ready', [{ name: 'store', ...store.health() }])).toMatchObject({
      httpStatus: 503,
      body: { status: 'failing', checks: { store: { state: 'failing' } } },
    });
    schedule.fire();
    await expect(write(store, 2, '第二条说明')).rejects.toThrow(StoreError);
    await expect(store.digest.claim('2026-11-25', { id: 'me', host: 'h', pid: 1 }, 0)).rejects.toThrow(StoreError);
    expect(log.lines().filter((l) => BROKEN_LINE.test(String(l.msg)))).toHaveLength(1);
    await store.close();

    const restarted = openSqliteStore(dir);
    expect((await restarted.progress.forPlan('2014').history(42)).map((c) => c.after)).toEqual(['第一条说明']);
    await restarted.close();
  });

  it('refuses writes when the state file itself is moved away, and copies the state it had beside it', async () => {
    const dir = tempDir();
    const log = captureLogger();
    const store = resilientStore(openSqliteStore(dir), log.logger, { every: manualSchedule().every });
    expect(await write(store, 1, '搬走之前的说明')).toEqual({ status: 'written' });
    renameSync(join(dir, STATE_FILE), join(dir, 'moved.sqlite'));
    await expect(write(store, 2, '搬走之后的说明')).rejects.toThrow(`${STATE_FILE} was deleted or replaced`);
    expect(store.health()).toMatchObject({ state: 'failing' });
    const rescued = readdirSync(dir).filter((f) => f.startsWith(`${STATE_FILE}.rescued-`));
    expect(rescued).toHaveLength(1);
    expect(log.lines().find((l) => BROKEN_LINE.test(String(l.msg)))).toMatchObject({ rescue: expect.stringContaining(rescued[0] ?? '?') });
    const copy = new Database(join(dir, rescued[0] ?? ''), { readonly: true });
    expect(copy.prepare<[], { after: string }>("SELECT after FROM progress_changes WHERE field = 'note'").all()).toEqual([{ after: '搬走之前的说明' }]);
    copy.close();
    await store.close();
  });

  it('raises no alarm when another connection to the same file comes and goes, or the WAL is checkpointed and truncated', async () => {
    const dir = tempDir();
    const log = captureLogger();
    const store = resilientStore(openSqliteStore(dir), log.logger, { every: manualSchedule().every });
    const other = openSqliteStore(dir);
    expect(await write(other, 1, '另一个连接的说明')).toEqual({ status: 'written' });
    await other.close();
    const engine = openSqliteStore(dir);
    engine.db.pragma('wal_checkpoint(TRUNCATE)');
    await engine.close();
    expect(await write(store, 2, '之后的说明')).toEqual({ status: 'written' });
    expect(store.health().state).toBe('ok');
    expect(log.lines().filter((l) => l.level === 50)).toEqual([]);
    await store.close();
  });
});
