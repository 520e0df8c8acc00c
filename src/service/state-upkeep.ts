/**
 * Keeps the state the size of its retention windows while the service runs: prunes what is past
 * its retention (store/retention.ts) at start-up and then every {@link UPKEEP_INTERVAL_MS},
 * without a restart. One prune runs at a time; a tick that comes while one runs joins it. A
 * prune that fails is logged and tried again on the next tick.
 */
import { repeatEvery, type RepeatEvery } from '../app/process/repeat-every.js';
import type { Logger } from '../logger.js';
import { pruneBefore } from '../store/retention.js';
import type { PruneCounts, StateStore } from '../store/state-store.js';

/** How often the state is pruned: an hour's rows are a small batch, and nothing is kept much past its window. */
export const UPKEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface StateUpkeep {
  /** Prunes now, and from then on every interval. */
  start(): Promise<void>;
  /** Stops the schedule and waits for a prune in progress. */
  stop(): Promise<void>;
}

export interface StateUpkeepDeps {
  store: Pick<StateStore, 'prune'>;
  logger: Logger;
  now: () => Date;
  every?: RepeatEvery;
  intervalMs?: number;
}

export function createStateUpkeep({ store, logger, now, every = repeatEvery, intervalMs = UPKEEP_INTERVAL_MS }: StateUpkeepDeps): StateUpkeep {
  let running: Promise<void> | undefined;
  let cancel: (() => void) | undefined;

  async function pruneOnce(): Promise<void> {
    const started = performance.now();
    try {
      const deleted: PruneCounts = await store.prune(pruneBefore(now().getTime()));
      logger.info({ kind: 'upkeep', ...deleted, ms: Math.round(performance.now() - started) }, 'state pruned');
    } catch (error) {
      logger.error({ kind: 'upkeep', err: error }, 'could not prune the state; will try again on the next tick');
    }
  }

  function prune(): Promise<void> {
    running ??= pruneOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    async start() {
      cancel = every(intervalMs, () => void prune());
      await prune();
    },
    async stop() {
      cancel?.();
      await running;
    },
  };
}
