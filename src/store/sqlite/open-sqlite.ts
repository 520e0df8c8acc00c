/**
 * The SQLite file under DATA_DIR. SQLite in WAL mode survives a `kill -9` at any instant (a
 * transaction is either in the file or not), serialises writers from several processes on one
 * host, and detects a damaged file. Opening checks all three promises up front: a file that is
 * unreadable, damaged or from a newer version of the app is a {@link StoreError} naming the
 * file, and the file is left as it is for inspection, never replaced with an empty one. What
 * SQLite cannot notice, its files deleted or replaced while open, state-file-watch.ts does.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { makeDirectory } from '../../core/make-directory.js';
import { StoreError } from '../store-error.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';

export const STATE_FILE = 'state.sqlite';
/** How long a writer waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 5000;

export type SqliteDatabase = Database.Database;

/**
 * Brings the schema up to date. The version is read inside the write transaction: two processes
 * opening a fresh DATA_DIR at once take turns, and the second sees the first one's work instead
 * of applying the same migrations again.
 */
export function migrate(db: SqliteDatabase, file: string): void {
  const apply = db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SQLITE_MIGRATIONS.length) return version;
    SQLITE_MIGRATIONS.slice(version).forEach((migration) => db.exec(migration));
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
    return version;
  });
  const found = apply.immediate();
  if (found > SQLITE_MIGRATIONS.length) {
    db.close();
    throw new StoreError(
      file,
      `the state file ${file} is from a newer version of this app (schema ${found}, this app knows ${SQLITE_MIGRATIONS.length}): run the newer version, or restore a matching backup.`,
    );
  }
}

/** Empty state that lives only in memory: previews without a DATA_DIR, and tests. */
export function openMemoryDatabase(): SqliteDatabase {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return db;
}

export function stateFile(dataDir: string): string {
  return join(resolve(dataDir), STATE_FILE);
}

export function hasStateFile(dataDir: string): boolean {
  return existsSync(stateFile(dataDir));
}

export function openDatabase(dataDir: string): SqliteDatabase {
  const dir = resolve(dataDir);
  const file = stateFile(dataDir);
  try {
    makeDirectory(dir);
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StoreError(
      file,
      `DATA_DIR ${dir} is not a writable directory (${(error as NodeJS.ErrnoException).code ?? 'error'}): point DATA_DIR at a directory this process can write to.`,
      { cause: error },
    );
  }

  let db: SqliteDatabase;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
  } catch (error) {
    throw new StoreError(
      file,
      `the state file ${file} cannot be read (${(error as Error).message}). It has been left untouched for inspection: move it aside to start with empty state, or restore it from a backup.`,
      { cause: error },
    );
  }

  migrate(db, file);
  return db;
}
