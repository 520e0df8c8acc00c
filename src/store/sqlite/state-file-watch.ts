/**
 * Whether the files an open SQLite connection writes are still the files at their paths.
 *
 * SQLite writes through the handles it opened. Delete or replace `state.sqlite-wal` under the
 * running process (an `rm`, a clean-up script, a restore moved over the directory) and every
 * later commit — and every commit not yet checkpointed into `state.sqlite` — lives only in a file
 * that no longer has a name: a `kill -9` loses them all, and the next start opens a new, empty
 * WAL. SQLite does not notice: every statement succeeds and `journal_mode` still says `wal`, so
 * neither an error nor that pragma can tell. What can is the file system: the device and inode of
 * `state.sqlite`, `-wal` and `-shm` when the connection opened them, compared with what their
 * paths hold now (one `stat` each, microseconds). SQLite itself deletes the WAL and its index only
 * when the last connection closes, never while this one is open, so a difference is never
 * SQLite's own doing.
 *
 * Once a file differs, the state is broken for this process until it restarts, and what the
 * connection holds is saved once, the best way left:
 *
 * - the WAL or its index gone, `state.sqlite` in place: a checkpoint
 *   (`PRAGMA wal_checkpoint(TRUNCATE)`) reads every committed transaction through the still-open
 *   WAL handle into `state.sqlite`, so a restart, even after `kill -9`, finds every write that was
 *   confirmed;
 * - `state.sqlite` itself gone or replaced: `VACUUM INTO` copies the state as this connection sees
 *   it to `state.sqlite.rescued-<time>` beside it, for an operator to put back.
 *
 * Why not carry on after the checkpoint: this connection keeps writing its nameless WAL while any
 * other process that opens the file (the CLI, a restarted replica) starts a new WAL and index:
 * two logs for one database is how SQLite files get corrupted. So the store refuses the writes it
 * would confirm to someone, reports `failing`, and a restart opens the files at their paths again.
 */
import { statSync } from 'node:fs';
import type { StoreFault } from '../state-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

export interface StateFileWatch {
  /** Why writes can no longer reach the state file; undefined while they can. Looks again on every call until broken, then stays broken. */
  check(): StoreFault | undefined;
}

/** The file at `path` as the file system knows it, or undefined when there is none. */
function identity(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'unknown'; // cannot tell (permissions): not taken for a change
  }
}

/** Saves what the connection holds after `changed` went; says what was done, for the log. */
function rescue(db: SqliteDatabase, file: string, changed: string, nowMs: number): string {
  try {
    if (changed !== file) {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      return result?.busy === 0
        ? `every write confirmed until now was copied into ${file} (checkpoint), so a restart finds it`
        : `the checkpoint into ${file} could not finish (another connection was reading): writes since the last checkpoint may be lost`;
    }
    const copy = `${file}.rescued-${new Date(nowMs).toISOString().replace(/[:.]/gu, '-')}`;
    db.prepare('VACUUM INTO ?').run(copy);
    return `the state as this process had it was copied to ${copy}: move it to ${file} while the service is stopped to keep it`;
  } catch (error) {
    return `saving what this process had failed (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Records the identity of the state's files as `db` has them open now; call right after opening. */
export function watchStateFiles(db: SqliteDatabase, file: string, nowMs: () => number = Date.now): StateFileWatch {
  const inWal = String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
  const paths = inWal ? [file, `${file}-wal`, `${file}-shm`] : [file];
  const opened = paths.flatMap((path) => {
    const id = identity(path);
    return id === undefined || id === 'unknown' ? [] : [{ path, id }];
  });
  let broken: StoreFault | undefined;

  return {
    check() {
      if (broken) return broken;
      const changed = opened.find(({ path, id }) => {
        const now = identity(path);
        return now !== id && now !== 'unknown';
      });
      if (!changed) return undefined;
      const gone = identity(changed.path) === undefined;
      broken = {
        reason: `${changed.path} was deleted or replaced while the service had it open (${gone ? 'there is no file at that path now' : 'another file is at that path now'})`,
        rescue: rescue(db, file, changed.path, nowMs()),
      };
      return broken;
    },
  };
}
