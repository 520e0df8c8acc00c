/**
 * The store as the running app uses it: a passing failure of the engine (disk full, read-only,
 * the database server gone) must not stop answers, must not let a retried Slack delivery be
 * answered twice, and must not lose what was recorded.
 *
 * - Claims of Slack deliveries are remembered in memory first, so deduplication holds while the
 *   engine cannot be written (for this process). Accepted work is not: work that cannot be
 *   recorded is refused, for Slack to deliver again (nothing acknowledged lives in memory alone).
 * - Writes that fail (activity, finished work) are kept in memory, in order, and retried: before
 *   the next write, every few seconds, and on `flush()`; so counts survive the outage.
 * - Failures are logged once per interval with how many there were, not once per call; the
 *   return of the engine is logged too. While it fails, one call a second probes it and the
 *   rest fall back to memory at once, so answers never wait on a dead database. {@link ResilientStore.health} says whether it is failing.
 * - Digest claims are not papered over: a claim that cannot be made fails, so nothing is posted
 *   without one (and nothing twice when the engine is back).
 * - A conversation that cannot be read is answered without its context.
 * - Progress records, the digest's record and the help desk's are not papered over either: reads and updates go
 *   to the engine, and a failure reaches the caller (a coordinator must know at once that an
 *   update was not saved; a card says its record cannot be read now). While the engine is
 *   failing they fail at once instead of waiting for a timeout each.
 * - A state that can no longer be written durably (SQLite's file or WAL deleted or replaced under
 *   the process: {@link StateStore.fault}) is checked every {@link FILE_CHECK_INTERVAL_MS}, on
 *   every health probe and after a refused write; it makes {@link ResilientStore.health}
 *   `failing` (503 on /healthz) and is logged once, with what was done to save the state.
 */
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { FeedbackRow, QuestionRow } from '../app/answers/activity-log.js';
import type { HelpDeskState } from '../app/help-desk/help-desk-store.js';
import { repeatEvery, type RepeatEvery } from '../app/process/repeat-every.js';
import type { AcceptedWork, StateStore, StoreFault } from './state-store.js';

/** Claims remembered in memory at most; the oldest are forgotten first. */
const MAX_CLAIMS_IN_MEMORY = 50_000;
/** Writes kept waiting at most; past this the oldest are dropped (and that is counted). */
const MAX_PENDING_WRITES = 10_000;
/** At most one failure line per this interval. */
export const FAILURE_LOG_INTERVAL_MS = 60_000;
/** Waiting writes are retried this often. */
const RETRY_INTERVAL_MS = 5_000;
/**
 * While the engine is failing, at most one call per this interval goes to it (to notice its
 * return); the others take the in-memory path at once instead of waiting for a timeout each.
 */
const PROBE_INTERVAL_MS = 1_000;
/** How often the state's files are checked while nothing else asks (two `stat` calls for SQLite). */
const FILE_CHECK_INTERVAL_MS = 10_000;

export interface StoreHealth {
  /** `failing`: the state cannot be written durably any more (restart); `degraded`: the engine fails for now, writes wait. */
  state: 'ok' | 'degraded' | 'failing';
  details: { pendingWrites: number; droppedWrites: number; failing: boolean; broken?: string };
}

export interface ResilientStore extends StateStore {
  /** Writes waiting for the engine (0 when all is well). */
  pendingWrites(): number;
  /** The writes waiting, by what they are (`question`, `feedback`, `thread`, `finish` …). */
  pendingByKind(): Record<string, number>;
  /** Tries the waiting writes now. */
  flush(): Promise<void>;
  health(): StoreHealth;
}

export interface ResilientOptions {
  nowMs?: () => number;
  retryIntervalMs?: number;
  /** Repeats the check of the state's files (tests fire it by hand). */
  every?: RepeatEvery;
}

/** Every call of the help desk's ports through `through`: to the engine, failing at once while it fails. */
function helpDeskThrough(
  { escalations: e, standardAnswers: s, answerChannels: c }: HelpDeskState,
  through: <T>(what: string, run: () => Promise<T>) => Promise<T>,
): HelpDeskState {
  const go = <T>(run: () => Promise<T>) => through('help desk', run);
  return {
    escalations: {
      open: (escalation) => go(() => e.open(escalation)),
      get: (id) => go(() => e.get(id)),
      byCoordinationPost: (channel, ts) => go(() => e.byCoordinationPost(channel, ts)),
      update: (id, patch) => go(() => e.update(id, patch)),
      remove: (id) => go(() => e.remove(id)),
      all: () => go(() => e.all()),
      recordReply: (reply) => go(() => e.recordReply(reply)),
      reply: (id, ts) => go(() => e.reply(id, ts)),
      updateReply: (id, ts, patch) => go(() => e.updateReply(id, ts, patch)),
      allReplies: () => go(() => e.allReplies()),
    },
    standardAnswers: {
      create: (answer) => go(() => s.create(answer)),
      get: (id) => go(() => s.get(id)),
      all: () => go(() => s.all()),
      write: (id, expected, fields, author, at) => go(() => s.write(id, expected, fields, author, at)),
      history: (id) => go(() => s.history(id)),
      allVersions: () => go(() => s.allVersions()),
    },
    answerChannels: {
      get: (channel) => go(() => c.get(channel)),
      set: (setting) => go(() => c.set(setting)),
      all: () => go(() => c.all()),
    },
  };
}

export function resilientStore(
  store: StateStore,
  logger: Logger,
  { nowMs = Date.now, retryIntervalMs = RETRY_INTERVAL_MS, every = repeatEvery }: ResilientOptions = {},
): ResilientStore {
  const claimed = new LRUCache<string, true>({ max: MAX_CLAIMS_IN_MEMORY });
  const pending: Array<{ what: string; write: () => Promise<void> }> = [];
  let dropped = 0;
  let draining: Promise<void> | undefined;
  let failing = false;
  let lastLogged = Number.NEGATIVE_INFINITY;
  let unlogged = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  /** Notes a failure; logs it unless one was logged within the interval. */
  function failed(what: string, error: unknown): void {
    failing = true;
    unlogged += 1;
    const now = nowMs();
    if (now - lastLogged < FAILURE_LOG_INTERVAL_MS) return;
    logger.error(
      { err: error, what, failures: unlogged, pendingWrites: pending.length, droppedWrites: dropped },
      'state store failing; answering goes on, writes wait in memory and are retried',
    );
    lastLogged = now;
    unlogged = 0;
  }

  function succeeded(): void {
    if (!failing) return;
    failing = false;
    lastLogged = Number.NEGATIVE_INFINITY;
    logger.info({ pendingWrites: pending.length, failuresSinceLastLine: unlogged }, 'state store reachable again');
    unlogged = 0;
  }

  let lastProbe = Number.NEGATIVE_INFINITY;

  async function guarded<T>(what: string, run: () => Promise<T>, fallback: T): Promise<T> {
    if (failing) {
      const now = nowMs();
      if (now - lastProbe < PROBE_INTERVAL_MS) {
        unlogged += 1;
        return fallback;
      }
      lastProbe = now;
    }
    try {
      const result = await run();
      succeeded();
      return result;
    } catch (error) {
      failed(what, error);
      return fallback;
    }
  }

  /**
   * A read that has no fallback (the implementation record, the digest's record): it goes to the
   * engine, but while the engine is failing it fails at once (one call a second probes), so a
   * reader who can do without it (a card, Home) is not kept waiting on a dead database.
   */
  async function readThrough<T>(what: string, run: () => Promise<T>): Promise<T> {
    if (failing) {
      const now = nowMs();
      if (now - lastProbe < PROBE_INTERVAL_MS) {
        unlogged += 1;
        throw new Error(`state store failing: ${what} not read`);
      }
      lastProbe = now;
    }
    try {
      const result = await run();
      succeeded();
      return result;
    } catch (error) {
      failed(what, error);
      throw error;
    }
  }

  function scheduleRetry(): void {
    if (retryTimer || pending.length === 0) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, retryIntervalMs);
    retryTimer.unref();
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const next = pending[0];
      if (!next) break;
      try {
        await next.write();
        succeeded();
      } catch (error) {
        failed(next.what, error);
        scheduleRetry();
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

  let faultLogged = false;
  /** Why the state can no longer be written durably, if it cannot; logged the first time. */
  function fault(): StoreFault | undefined {
    const found = store.fault();
    if (found && !faultLogged) {
      faultLogged = true;
      logger.error(
        { file: store.location, reason: found.reason, rescue: found.rescue },
        'state file deleted or replaced under the running service: progress updates and the digest are refused, /healthz says failing; restart the service',
      );
    }
    return found;
  }
  const stopChecking = every(FILE_CHECK_INTERVAL_MS, () => void fault());

  /** A write that is not papered over: its failure goes to the caller, and may be the state's files gone. */
  function confirmed<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args) => {
      try {
        return await run(...args);
      } catch (error) {
        fault();
        throw error;
      }
    };
  }

  /** True the first time this process sees `key`. */
  function firstInMemory(key: string): boolean {
    if (claimed.has(key)) return false;
    claimed.set(key, true);
    return true;
  }

  return {
    location: store.location,
    open: () => store.open(),
    digest: {
      ...store.digest,
      cycleStart: () => readThrough('digest', () => store.digest.cycleStart()),
      postedDates: () => readThrough('digest', () => store.digest.postedDates()),
      claim: confirmed(store.digest.claim),
      recordPost: confirmed(store.digest.recordPost),
      ensureCycleStart: confirmed(store.digest.ensureCycleStart),
    },
    progress: {
      forPlan(plan) {
        const ledger = store.progress.forPlan(plan);
        return {
          get: (measure) => readThrough('progress', () => ledger.get(measure)),
          all: () => readThrough('progress', () => ledger.all()),
          history: (measure) => readThrough('progress', () => ledger.history(measure)),
          latestNote: (measure) => readThrough('progress', () => ledger.latestNote(measure)),
          changesBetween: (from, to) => readThrough('progress', () => ledger.changesBetween(from, to)),
          allChanges: () => readThrough('progress', () => ledger.allChanges()),
          latestNotes: () => readThrough('progress', () => ledger.latestNotes()),
          write: confirmed((write) => readThrough('progress write', () => ledger.write(write))),
        };
      },
      plans: () => readThrough('progress', () => store.progress.plans()),
    },
    helpDesk: helpDeskThrough(store.helpDesk, readThrough),
    // An administrator's restore is never held in memory: it is written, or it fails loudly.
    backup: store.backup,
    events: {
      async claim(key, atMs) {
        if (!firstInMemory(key)) return false;
        return guarded('claim', () => store.events.claim(key, atMs), true);
      },
    },
    activity: {
      recordQuestion: (row: QuestionRow) => write('question', () => store.activity.recordQuestion(row)),
      recordFeedback: (row: FeedbackRow) => write('feedback', () => store.activity.recordFeedback(row)),
      activityOn: (date) => readThrough('activity', () => store.activity.activityOn(date)),
    },
    threads: {
      // Without the engine a conversation is answered without its context.
      get: (key) => guarded('thread', () => store.threads.get(key), undefined),
      put: (key, state, atMs) => write('thread', () => store.threads.put(key, state, atMs)),
    },
    work: {
      async accept(work: AcceptedWork) {
        if (!firstInMemory(work.key)) return false;
        // Not papered over: work owed from memory alone would be lost to a crash, so a failure
        // reaches the front door, which leaves the delivery for Slack to retry (and forgets the
        // claim, so the retry is taken).
        try {
          const accepted = await store.work.accept(work);
          succeeded();
          return accepted;
        } catch (error) {
          claimed.delete(work.key);
          failed('accept', error);
          throw error;
        }
      },
      finish: (key) => write('finish', () => store.work.finish(key)),
      adopt: (adopter, nowMs, freshSinceMs) => guarded('adopt', () => store.work.adopt(adopter, nowMs, freshSinceMs), { adopted: [], expired: 0 }),
    },
    replicas: {
      join: (me, settings, nowMs) => store.replicas.join(me, settings, nowMs),
      heartbeat: (me, nowMs) => guarded('heartbeat', () => store.replicas.heartbeat(me, nowMs), undefined),
      leave: (me) => guarded('leave', () => store.replicas.leave(me), undefined),
    },
    // A prune that fails is the upkeep's to log; the next one tries again.
    prune: (before) => store.prune(before),
    pendingWrites: () => pending.length,
    pendingByKind() {
      const counts: Record<string, number> = {};
      for (const { what } of pending) counts[what] = (counts[what] ?? 0) + 1;
      return counts;
    },
    flush,
    fault,
    health() {
      const details = { pendingWrites: pending.length, droppedWrites: dropped, failing };
      const broken = fault();
      if (broken) return { state: 'failing', details: { ...details, broken: broken.reason } };
      return { state: failing || pending.length > 0 ? 'degraded' : 'ok', details };
    },
    close: async () => {
      stopChecking();
      clearTimeout(retryTimer);
      await flush();
      await store.close();
    },
  };
}
