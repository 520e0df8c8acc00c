/**
 * The state's upkeep while the service runs: rows past their retention go at start-up and then on
 * every tick of the schedule, without a restart. The clock and the schedule are the test's: it
 * moves the one and fires the other, and waits on the upkeep's log line, never on time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RepeatEvery } from '../../src/app/process/repeat-every.js';
import { THREAD_MEMORY_MS } from '../../src/app/answers/thread-memory.js';
import { createStateUpkeep, UPKEEP_INTERVAL_MS } from '../../src/service/state-upkeep.js';
import { RETENTION } from '../../src/store/retention.js';
import { memorySqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { StateStore } from '../../src/store/state-store.js';
import { captureLogger } from '../support/capture-logger.js';
import { waitUntil } from '../support/waiters.js';

const HOUR_MS = 60 * 60 * 1000;

/** A schedule the test fires by hand. */
function manualSchedule(): { every: RepeatEvery; fire(): void; intervals(): number[]; stopped(): boolean } {
  const jobs: Array<{ intervalMs: number; run: () => void; stopped: boolean }> = [];
  return {
    every(intervalMs, run) {
      const job = { intervalMs, run, stopped: false };
      jobs.push(job);
      return () => void (job.stopped = true);
    },
    fire: () => jobs.filter((j) => !j.stopped).forEach((j) => j.run()),
    intervals: () => jobs.map((j) => j.intervalMs),
    stopped: () => jobs.every((j) => j.stopped),
  };
}

const stores: StateStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe('the state upkeep', () => {
  it('prunes at start-up, then on every tick while running, without a restart', async () => {
    const store = memorySqliteStore();
    stores.push(store);
    const log = captureLogger();
    let now = Date.parse('2026-11-25T01:00:00Z');
    const schedule = manualSchedule();
    const upkeep = createStateUpkeep({ store, logger: log.logger, now: () => new Date(now), every: schedule.every });
    /** The `n`th prune's log line, once it is logged. */
    const prunes = (n: number) => waitUntil(() => log.lines().filter((l) => l.msg === 'state pruned')[n - 1], `prune ${n}`);

    await store.events.claim('event:BeforeStart', now - RETENTION.deliveriesMs - 1);
    await store.events.claim('event:Ev1', now);
    await store.threads.put('D1', '{"measures":[42],"shown":1}', now);
    await upkeep.start();
    expect(log.lines().find((l) => l.msg === 'state pruned')).toMatchObject({ kind: 'upkeep', deliveries: 1, conversations: 0 });
    expect(schedule.intervals()).toEqual([UPKEEP_INTERVAL_MS]);
    expect(UPKEEP_INTERVAL_MS).toBe(HOUR_MS);

    // A day and an hour later: the delivery claim is past its retention, the conversation is not.
    now += RETENTION.deliveriesMs + HOUR_MS;
    schedule.fire();
    expect(await prunes(2)).toMatchObject({ deliveries: 1, conversations: 0 });
    expect(await store.events.claim('event:Ev1', now)).toBe(true);
    expect(await store.threads.get('D1')).toBeDefined();

    // Past the conversation's retention.
    now += THREAD_MEMORY_MS;
    schedule.fire();
    expect(await prunes(3)).toMatchObject({ deliveries: 1, conversations: 1 }); // the claim made again above, now old too
    expect(await store.threads.get('D1')).toBeUndefined();

    await upkeep.stop();
    expect(schedule.stopped()).toBe(true);
  });

  it('runs one prune at a time when ticks come faster than a prune finishes, and logs a failed one', async () => {
    const log = captureLogger();
    let calls = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = {
      async prune() {
        calls += 1;
        if (calls === 2) throw new Error('disk I/O error');
        await held;
        return { deliveries: 0, acceptedWork: 0, conversations: 0, questions: 0, feedback: 0, digestAttempts: 0, replicas: 0 };
      },
    };
    const schedule = manualSchedule();
    const upkeep = createStateUpkeep({ store, logger: log.logger, now: () => new Date(0), every: schedule.every });
    const starting = upkeep.start();
    schedule.fire();
    schedule.fire();
    release();
    await starting;
    expect(calls).toBe(1);
    schedule.fire();
    await log.waitFor((l) => l.msg === 'could not prune the state; will try again on the next tick');
    await upkeep.stop();
  });
});
