/**
 * A DATA_DIR written before progress records had a plan: its records and their history open
 * under the 2014 plan, the only plan there was, and no other plan sees them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { STATE_FILE } from '../../src/store/sqlite/open-sqlite.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite/sqlite-migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { StateStore } from '../../src/store/state-store.js';

/** The first migration that keeps records a plan each; the state below is the one before it. */
const PLAN_COLUMN = SQLITE_MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE progress_by_plan'));

/** A state file as the app left it at schema `version`, before the plan column. */
function oldState(dataDir: string, version: number): void {
  const db = new Database(join(dataDir, STATE_FILE));
  db.pragma('journal_mode = WAL');
  SQLITE_MIGRATIONS.slice(0, version).forEach((migration) => db.exec(migration));
  db.pragma(`user_version = ${version}`);
  db.prepare('INSERT INTO progress (measure, status, lead, participants, due, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    42,
    '推进中',
    JSON.stringify(['海关总署']),
    JSON.stringify(['公安部']),
    '2026-12-31',
    1,
    1_764_000_000_000,
    'U0COORD',
  );
  db.prepare('INSERT INTO progress_changes (measure, version, at, date, author, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    42,
    1,
    1_764_000_000_000,
    '2025-11-24',
    'U0COORD',
    'status',
    null,
    '推进中',
  );
  db.close();
}

describe('a state file from before progress records had a plan', () => {
  let store: StateStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('opens with its records and their history under the 2014 plan', async () => {
    expect(PLAN_COLUMN).toBeGreaterThan(0);
    const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-old-state-'));
    oldState(dataDir, PLAN_COLUMN);
    store = openSqliteStore(dataDir);
    const ledger = store.progress.forPlan('2014');
    expect(await ledger.get(42)).toEqual({
      measure: 42,
      status: '推进中',
      lead: ['海关总署'],
      participants: ['公安部'],
      due: '2026-12-31',
      version: 1,
      updatedAt: 1_764_000_000_000,
      updatedBy: 'U0COORD',
    });
    expect(await ledger.history(42)).toEqual([
      { measure: 42, version: 1, at: 1_764_000_000_000, date: '2025-11-24', author: 'U0COORD', field: 'status', before: null, after: '推进中' },
    ]);
    expect(await store.progress.plans()).toEqual(['2014']);
    expect(await store.progress.forPlan('2015').get(42)).toBeUndefined();
    expect(await store.progress.forPlan('2015').history(42)).toEqual([]);
  });

  it('takes the next update of a migrated record over its version', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-old-state-'));
    oldState(dataDir, PLAN_COLUMN);
    store = openSqliteStore(dataDir);
    const ledger = store.progress.forPlan('2014');
    const row = {
      measure: 42,
      status: '已完成',
      lead: ['海关总署'],
      participants: ['公安部'],
      due: '2026-12-31',
      version: 2,
      updatedAt: 1_764_100_000_000,
      updatedBy: 'U0COORD',
    };
    const change = {
      measure: 42,
      version: 2,
      at: 1_764_100_000_000,
      date: '2025-11-25',
      author: 'U0COORD',
      field: 'status',
      before: '推进中',
      after: '已完成',
    };
    expect(await ledger.write({ row, expectedVersion: 0, changes: [change] })).not.toEqual({ status: 'written' });
    expect(await ledger.write({ row, expectedVersion: 1, changes: [change] })).toEqual({ status: 'written' });
    expect((await ledger.history(42)).map((c) => c.after)).toEqual(['推进中', '已完成']);
  });
});
