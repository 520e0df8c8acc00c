/**
 * Which Slack events have been handled, so a retried or redelivered event is answered once. Keys
 * are kept in the state store, so this holds across a restart too (Slack retries for minutes;
 * a crash between answering and Slack's retry must not produce a second answer). When the store
 * cannot be written, an in-memory set keeps deduplicating.
 */
import type { Logger } from '../logger.js';
import type { StateDatabase } from './state-store.js';

/** Slack stops retrying long before this; older keys are pruned. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const MAX_IN_MEMORY = 50_000;

export interface ProcessedEvents {
  /** True the first time `key` is claimed, false for every repeat. */
  claim(key: string): boolean;
  prune(): void;
}

export function createProcessedEvents(db: StateDatabase, logger: Logger, now: () => number = Date.now): ProcessedEvents {
  const insert = db.prepare('INSERT OR IGNORE INTO processed_events (key, at) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM processed_events WHERE at < ?');
  const memory = new Set<string>();

  return {
    claim(key) {
      if (memory.has(key)) return false;
      memory.add(key);
      if (memory.size > MAX_IN_MEMORY) memory.delete(memory.values().next().value as string);
      try {
        return insert.run(key, now()).changes === 1;
      } catch (error) {
        logger.error({ err: error, key }, 'could not record a processed event; deduplicating in memory only');
        return true;
      }
    },
    prune() {
      try {
        remove.run(now() - KEEP_MS);
      } catch (error) {
        logger.warn({ err: error }, 'could not prune processed events');
      }
    },
  };
}
