/**
 * Writes that must not be lost even when the disk says no (full, read-only, I/O error): a failed
 * write is logged and kept in memory, and retried before the next write, so counts survive a
 * passing problem and the app keeps answering while it lasts.
 */
import type { Logger } from '../logger.js';

/** Pending writes kept at most; past this the oldest are dropped (and that is logged). */
const MAX_PENDING = 10_000;

export interface RetryingWriter {
  /** Runs `write` now, after any pending ones; on failure keeps it for later. */
  write(what: string, write: () => void): void;
  /** How many writes are waiting for the disk. */
  pending(): number;
}

export function createRetryingWriter(logger: Logger): RetryingWriter {
  const queue: Array<{ what: string; write: () => void }> = [];
  let dropped = 0;

  function drain(): boolean {
    while (queue.length > 0) {
      const next = queue[0] as { what: string; write: () => void };
      try {
        next.write();
      } catch (error) {
        return failed(next.what, error);
      }
      queue.shift();
    }
    return true;
  }

  function failed(what: string, error: unknown): false {
    logger.error({ err: error, what, pending: queue.length, dropped }, 'state write failed; kept in memory and will retry');
    return false;
  }

  return {
    write(what, write) {
      queue.push({ what, write });
      if (queue.length > MAX_PENDING) {
        queue.shift();
        dropped += 1;
      }
      drain();
    },
    pending: () => queue.length,
  };
}
