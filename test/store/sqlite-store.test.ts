import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate, STATE_FILE, type SqliteDatabase } from '../../src/store/sqlite/open-sqlite.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { StoreError } from '../../src/store/store-error.js';
import { stateStoreContract } from './store-contract.js';
import { describeProgressStore } from './progress-store-contract.js';
import { describeHelpDeskStore } from './help-desk-store-contract.js';
import { describeBackupStore } from './backup-store-contract.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function storeError(dataDir: string): StoreError {
  try {
    void openSqliteStore(dataDir).close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

stateStoreContract('SQLite', async (options) => {
  const dir = tempDir();
  return { store: openSqliteStore(dir, options), again: async (more) => openSqliteStore(dir, more ?? options) };
});

describe('the SQLite state file', () => {
  it('refuses a corrupt state file with a clear error and leaves it untouched for inspection', () => {
    const dir = tempDir();
    const file = join(dir, STATE_FILE);
    const garbage = 'this is not a database '.repeat(200);
    writeFileSync(file, garbage);
    const error = storeError(dir);
    expect(error.message).toContain(`the state file ${file} cannot be read`);
    expect(error.message).toContain('left untouched for inspection');
    expect(readFileSync(file, 'utf8')).toBe(garbage);
  });

  it('refuses a DATA_DIR it cannot write to, naming it', () => {
    const dir = tempDir();
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'x');
    expect(storeError(join(notADirectory, 'data')).message).toMatch(
      /^DATA_DIR .* is not a writable directory \(ENOTDIR\): point DATA_DIR at a directory this process can write to\.$/u,
    );
  });

  it('refuses a state file from a newer version of the app', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    store.db.pragma('user_version = 999');
    await store.close();
    expect(storeError(dir).message).toContain('is from a newer version of this app');
  });
});

describe('migrations', () => {
  it('are applied once when another process migrates between this one reading the version and writing', () => {
    const file = join(tempDir(), STATE_FILE);
    const mine = new Database(file);
    mine.pragma('journal_mode = WAL');
    // The other process does not wait for a lock: if this one holds it, it gives up at once.
    const other = new Database(file, { timeout: 0 });
    let interleaved = false;
    /** This process's connection; right after it reads the schema version, the other process migrates if it can. */
    const racing = new Proxy(mine, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== 'pragma' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return (source: string, options?: { simple?: boolean }) => {
          const result: unknown = target.pragma(source, options);
          if (source === 'user_version' && !interleaved) {
            interleaved = true;
            try {
              migrate(other, file);
            } catch (error) {
              if (!(error instanceof Error && error.message.includes('locked'))) throw error; // this process holds the write lock
            }
          }
          return result;
        };
      },
    }) satisfies SqliteDatabase;
    expect(() => migrate(racing, file)).not.toThrow();
    expect(interleaved).toBe(true);
    expect(mine.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    mine.close();
    other.close();
  });
});

describe('the progress record in SQLite', () => {
  it("finds a measure's latest note through an index, not by reading its history", () => {
    const store = openSqliteStore(tempDir());
    const plan = (sql: string) =>
      store.db
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => r.detail);
    const latest = plan("SELECT * FROM progress_changes WHERE plan = '2014' AND measure = 42 AND field = 'note' ORDER BY id DESC LIMIT 1");
    expect(latest.join('\n')).toMatch(/USING (COVERING )?INDEX progress_notes_by_plan/u);
    expect(latest.join('\n')).not.toMatch(/TEMP B-TREE/u);
    void store.close();
  });
});

describeProgressStore('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-progress-'));
  return { open: async () => openSqliteStore(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describeHelpDeskStore('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-help-desk-'));
  return { open: async () => openSqliteStore(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describeBackupStore('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-backup-'));
  return { open: async () => openSqliteStore(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});
