/**
 * The app's durable state: one SQLite database under DATA_DIR. SQLite in WAL mode survives a
 * `kill -9` at any instant (a transaction is either in the file or not), serialises writers from
 * several processes on one host, and detects a damaged file. Opening checks all three promises
 * up front: a file that is unreadable, damaged or from a newer version of the app is a
 * {@link StoreError} naming the file, and the file is left as it is for inspection, never
 * replaced with an empty one.
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './store-error.js';

export const STATE_FILE = 'state.sqlite';
/** How long a writer waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 5000;

/** Each entry upgrades the schema by one version; never edit a released one, append. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE questions (
     id INTEGER PRIMARY KEY,
     date TEXT NOT NULL,
     at INTEGER NOT NULL,
     surface TEXT NOT NULL,
     question TEXT NOT NULL,
     kind TEXT NOT NULL,
     measures TEXT NOT NULL,
     found INTEGER NOT NULL
   );
   CREATE INDEX questions_by_date ON questions(date);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     date TEXT NOT NULL,
     at INTEGER NOT NULL,
     helpful INTEGER NOT NULL,
     question TEXT NOT NULL,
     measures TEXT NOT NULL
   );
   CREATE INDEX feedback_by_date ON feedback(date);
   CREATE TABLE processed_events (key TEXT PRIMARY KEY, at INTEGER NOT NULL);`,
  `CREATE TABLE digest_cycle (id INTEGER PRIMARY KEY CHECK (id = 1), start_date TEXT NOT NULL);
   CREATE TABLE digest_posts (
     date TEXT PRIMARY KEY,
     channel TEXT NOT NULL,
     ts TEXT NOT NULL,
     issue INTEGER NOT NULL,
     posted_at INTEGER NOT NULL,
     found_in_history INTEGER NOT NULL
   );
   CREATE TABLE digest_attempts (
     date TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     host TEXT NOT NULL,
     pid INTEGER NOT NULL,
     started_at INTEGER NOT NULL
   );`,
];

export type StateDatabase = Database.Database;

export interface StateStore {
  db: StateDatabase;
  file: string;
  close(): void;
}

function migrate(db: StateDatabase, file: string): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > MIGRATIONS.length) {
    db.close();
    throw new StoreError(file, `the state file ${file} is from a newer version of this app (schema ${version}, this app knows ${MIGRATIONS.length}): run the newer version, or restore a matching backup.`);
  }
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v] as string);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/** Empty state that lives only in memory: previews without a DATA_DIR, and tests. */
export function openMemoryStateStore(): StateStore {
  const db = new Database(':memory:');
  migrate(db, ':memory:');
  return { db, file: ':memory:', close: () => db.close() };
}

/** The state in `dataDir` if it has any, without creating anything; otherwise empty state in memory. */
export function openExistingStateStore(dataDir: string): StateStore {
  const file = join(resolve(dataDir), STATE_FILE);
  return existsSync(file) ? openStateStore(dataDir) : openMemoryStateStore();
}

export function openStateStore(dataDir: string): StateStore {
  const dir = resolve(dataDir);
  const file = join(dir, STATE_FILE);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StoreError(file, `DATA_DIR ${dir} is not a writable directory (${(error as NodeJS.ErrnoException).code ?? 'error'}): point DATA_DIR at a directory this process can write to.`, { cause: error });
  }

  let db: StateDatabase;
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
  return { db, file, close: () => db.close() };
}
