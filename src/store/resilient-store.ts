/**
 * The store as the running app uses it: a passing failure of the engine (disk full, read-only,
 * the database server gone) must not stop answers, must not let a retried Slack delivery be
 * answered twice, and must not lose what was recorded.
 *
 * - Claims of Slack deliveries are remembered in memory first, so deduplication holds while the
 *   engine cannot be written (for this process).
 * - Activity writes that fail are kept in memory, in order, and written before the next one
 *   (and on `flush()`), so counts survive the outage.
 * - Failures are logged, not thrown at the caller.
 * - Progress records are the exception: an update goes straight to the engine and its failure
 *   reaches the coordinator who made it, who must know at once that it was not saved.
 */
import type { Logger } from 'pino';
import type { FeedbackRow, QuestionRow, StateStore } from './state-store.js';

/** Claims remembered in memory at most; the oldest are forgotten first. */
const MAX_CLAIMS_IN_MEMORY = 50_000;
/** Writes kept waiting at most; past this the oldest are dropped (and that is logged). */
const MAX_PENDING_WRITES = 10_000;

export interface ResilientStore extends StateStore {
  /** Activity writes waiting for the engine (0 when all is well). */
  pendingWrites(): number;
  /** Tries the waiting writes now. */
  flush(): Promise<void>;
}

export function resilientStore(store: StateStore, logger: Logger): ResilientStore {
  const claimed = new Set<string>();
  const pending: Array<{ what: string; write: () => Promise<void> }> = [];
  let dropped = 0;
  let draining: Promise<void> | undefined;

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const next = pending[0];
      if (!next) break;
      try {
        await next.write();
      } catch (error) {
        logger.error({ err: error, what: next.what, pending: pending.length, dropped }, 'state write failed; kept in memory and will retry');
        return;
      }
      pending.shift();
    }
  }

  function flush(): Promise<void> {
    draining ??= drain().finally(() => {
      draining = undefined;
    });
    return draining;
  }

  function write(what: string, run: () => Promise<void>): Promise<void> {
    pending.push({ what, write: run });
    if (pending.length > MAX_PENDING_WRITES) {
      pending.shift();
      dropped += 1;
    }
    return flush();
  }

  return {
    ...store,
    events: {
      async claim(key, atMs) {
        if (claimed.has(key)) return false;
        claimed.add(key);
        if (claimed.size > MAX_CLAIMS_IN_MEMORY) {
          const oldest = claimed.values().next();
          if (!oldest.done) claimed.delete(oldest.value);
        }
        try {
          return await store.events.claim(key, atMs);
        } catch (error) {
          logger.error({ err: error, key }, 'could not record a processed event; deduplicating in memory only');
          return true;
        }
      },
      async prune(beforeMs) {
        try {
          await store.events.prune(beforeMs);
        } catch (error) {
          logger.warn({ err: error }, 'could not prune processed events');
        }
      },
    },
    activity: {
      ...store.activity,
      recordQuestion: (row: QuestionRow) => write('question', () => store.activity.recordQuestion(row)),
      recordFeedback: (row: FeedbackRow) => write('feedback', () => store.activity.recordFeedback(row)),
      activityOn: (date) => store.activity.activityOn(date),
    },
    pendingWrites: () => pending.length,
    flush,
    close: async () => {
      await flush();
      await store.close();
    },
  };
}
