/**
 * Work the app has acknowledged to Slack and still owes an answer for. Listeners acknowledge
 * first and hand the rest to {@link AcknowledgedWork.run}, which:
 *
 * - lets answers take turns with incoming requests, a few per pass of the event loop, so requests
 *   arriving meanwhile are read and acknowledged between one group of answers and the next
 *   instead of queueing behind a whole burst;
 * - counts the work as in flight, so a graceful stop waits for it;
 * - logs one line per request (its kind, how long it took, how it ended);
 * - on an unexpected failure logs the error and tells the person waiting (never a stack trace),
 *   so an acknowledged request is never left in silence.
 */
import type { Logger } from '../logger.js';

export type Outcome = Record<string, unknown> & { outcome: string };

/** What the person waiting is told when their request failed unexpectedly. */
export const INTERNAL_ERROR_TEXT = '抱歉，处理这个请求时出了问题，请稍后再试；如果一直这样，请联系管理员。';

/** Answers started per loop pass: each costs a millisecond or two of CPU before it waits on I/O. */
const ANSWERS_PER_PASS = 3;

export interface AcknowledgedWork {
  /** Runs `task` in its turn; `tellUser` is how to reach the person waiting if it fails. */
  run(kind: string, task: () => Promise<Outcome>, tellUser?: (text: string) => Promise<unknown>): Promise<void>;
  /** How much is in flight now. */
  size(): number;
  /** Resolves when nothing is in flight, or after `timeoutMs` with what was still running. */
  drain(timeoutMs: number): Promise<{ drained: boolean; remaining: number }>;
}

export function createAcknowledgedWork(logger: Logger): AcknowledgedWork {
  const running = new Set<Promise<unknown>>();
  const waiting: Array<() => void> = [];
  let releasing = false;

  function releaseNext(): void {
    for (let i = 0; i < ANSWERS_PER_PASS && waiting.length > 0; i++) waiting.shift()?.();
    // Scheduled from the check phase, the next release runs on the next loop pass, after I/O.
    if (waiting.length > 0) setImmediate(releaseNext);
    else releasing = false;
  }

  function turn(): Promise<void> {
    return new Promise((resolve) => {
      waiting.push(resolve);
      if (!releasing) {
        releasing = true;
        setImmediate(releaseNext);
      }
    });
  }

  async function attempt(kind: string, task: () => Promise<Outcome>, tellUser?: (text: string) => Promise<unknown>): Promise<void> {
    const started = performance.now();
    try {
      await turn();
      const result = await task();
      logger.info({ ...result, kind, ms: Math.round(performance.now() - started) }, `${kind}: ${result.outcome}`);
    } catch (error) {
      logger.error({ kind, ms: Math.round(performance.now() - started), outcome: 'error', err: error }, `${kind}: failed`);
      if (!tellUser) return;
      try {
        await tellUser(INTERNAL_ERROR_TEXT);
      } catch (tellError) {
        logger.error({ kind, err: tellError }, `${kind}: could not tell the user about the failure either`);
      }
    }
  }

  return {
    run(kind, task, tellUser) {
      const promise = attempt(kind, task, tellUser);
      running.add(promise);
      void promise.finally(() => running.delete(promise));
      return promise;
    },
    size: () => running.size,
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (running.size > 0 && Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now())));
        await Promise.race([Promise.allSettled([...running]), timeout]);
        clearTimeout(timer);
      }
      return { drained: running.size === 0, remaining: running.size };
    },
  };
}
