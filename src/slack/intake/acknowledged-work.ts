/**
 * Work the app has acknowledged to Slack and still owes an answer for, bounded. Two kinds:
 *
 * - {@link AcknowledgedWork.reply}: an answer ready within the acknowledgement window (every
 *   slash command: lookups and searches take a millisecond or two) is computed at once and goes
 *   back in the acknowledgement itself, with no second call to Slack.
 * - {@link AcknowledgedWork.run}: an answer that needs Slack's Web API (a DM, a mention, a
 *   click) waits its turn in a queue of bounded concurrency (p-queue). Each task yields to the
 *   event loop before it starts, so requests arriving meanwhile are read and acknowledged
 *   between one answer and the next instead of queueing behind a burst.
 *
 * Either way: one log line per request (its kind, how long it took, how it ended), counted in the
 * metrics by surface and outcome (and an answer's confidence, when the line carries one); an
 * unexpected failure is logged and the person waiting is told in Chinese (never a stack trace). The queue
 * reports its pressure (how many wait, how long the oldest has waited, how late the event loop
 * runs), and the front door refuses new work past {@link MAX_WAITING}, {@link MAX_WAIT_MS} or
 * {@link MAX_LOOP_LAG_MS}, in a way Slack retries or the user sees, rather than acknowledge what
 * it could not answer in time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import PQueue from 'p-queue';
import { NO_METRICS, type Metrics, type RequestSurface } from '../../app/process/metrics.js';
import { ConfidenceSchema } from '../../core/answer/answer-schema.js';
import type { Logger } from '../../logger.js';

export type Outcome = Record<string, unknown> & { outcome: string };

/** What the person waiting is told when their request failed unexpectedly. */
export const INTERNAL_ERROR_TEXT = '抱歉，处理这个请求时出了问题，请稍后再试；如果一直这样，请联系管理员。';

/** Answers being sent at once: each waits on Slack most of its time. */
const CONCURRENT_ANSWERS = 8;
/** Answers waiting for their turn at most; past this, new work is refused. */
export const MAX_WAITING = 200;
/** The oldest waiting answer may have waited this long; past it, new work is refused. */
export const MAX_WAIT_MS = 750;
/**
 * The event loop may run this late; past it, new work is refused. Slash commands are answered
 * inline, so when the process as a whole falls behind, this is what notices: requests then wait
 * to be read, and acknowledgements risk Slack's three seconds.
 */
export const MAX_LOOP_LAG_MS = 100;
/** The resolution of Node's event-loop delay histogram, and the window over which its worst counts. */
const LAG_RESOLUTION_MS = 10;
const LAG_WINDOW_MS = 100;

export interface Pressure {
  waiting: number;
  running: number;
  oldestWaitMs: number;
  /** How late the event loop ran lately, at worst. */
  loopLagMs: number;
  /** Too many waiting, waiting too long, or the process falling behind: refuse new work. */
  overloaded: boolean;
}

/** A reply that goes back in the acknowledgement, with what to log about it. */
export type Reply<M> = { message: M } & Outcome;

export interface AcknowledgedWork {
  /** Runs `task` in its turn; `tellUser` is how to reach the person waiting if it fails. */
  run(kind: string, task: () => Promise<Outcome>, tellUser?: (text: string) => Promise<unknown>): Promise<void>;
  /** Computes a reply for the acknowledgement now; on failure, the message tells the asker. */
  reply<M>(kind: string, compute: () => Reply<M> | Promise<Reply<M>>, failed: (text: string) => M): Promise<M>;
  /** How much is in flight now (running and waiting). */
  size(): number;
  pressure(): Pressure;
  /** Resolves when nothing is in flight, or after `timeoutMs` with what was still owed. */
  drain(timeoutMs: number): Promise<{ drained: boolean; remaining: number }>;
}

/**
 * When the process counts as falling behind: the service's configuration (ADMISSION_*), with
 * {@link MAX_WAITING}, {@link MAX_WAIT_MS} and {@link MAX_LOOP_LAG_MS} by default.
 */
export interface AdmissionLimits {
  maxWaiting?: number;
  maxWaitMs?: number;
  maxLoopLagMs?: number;
}

export interface AcknowledgedWorkOptions extends AdmissionLimits {
  nowMs?: () => number;
  /** Where each request's outcome and duration are counted (nowhere by default). */
  metrics?: Metrics;
  /** How late the event loop ran lately, in ms (Node's event-loop delay histogram by default). */
  loopLag?: () => number;
}

/**
 * How late the event loop ran lately, from Node's own histogram of its delay
 * (`perf_hooks.monitorEventLoopDelay`): the worst delay in the current window, or in the last one
 * while the current one is young, so a reading never drops to nothing just after a window turns.
 */
function eventLoopLag(nowMs: () => number): () => number {
  const histogram = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  histogram.enable();
  let windowStart = nowMs();
  let previousWorst = 0;
  return () => {
    const worst = histogram.count > 0 ? histogram.max / 1e6 : 0;
    const now = nowMs();
    if (now - windowStart < LAG_WINDOW_MS) return Math.max(worst, previousWorst);
    previousWorst = worst;
    histogram.reset();
    windowStart = now;
    return worst;
  };
}

/**
 * The surface a kind of work came in on: `/plan` a command, `action.share` a click,
 * `view.progress_form` a form, `app_home_opened.home` the App Home, `assistant.user_message` the
 * assistant panel; DMs, thread replies, channel questions and mentions are messages.
 */
export function requestSurface(kind: string): RequestSurface {
  if (kind.startsWith('/')) return 'command';
  if (kind.startsWith('action.')) return 'action';
  if (kind.startsWith('view.')) return 'view';
  if (kind.startsWith('app_home_opened')) return 'home';
  if (kind.startsWith('assistant.')) return 'assistant';
  if (['message.im', 'thread_reply', 'channel_question', 'coordination_reply', 'app_mention'].includes(kind)) return 'message';
  return 'other';
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createAcknowledgedWork(logger: Logger, options: AcknowledgedWorkOptions = {}): AcknowledgedWork {
  const { nowMs = () => performance.now(), maxWaiting = MAX_WAITING, maxWaitMs = MAX_WAIT_MS, maxLoopLagMs = MAX_LOOP_LAG_MS, metrics = NO_METRICS } = options;
  const queue = new PQueue({ concurrency: CONCURRENT_ANSWERS });
  const loopLag = options.loopLag ?? eventLoopLag(nowMs);
  const running = new Set<Promise<unknown>>();
  /** When each waiting task was queued, oldest first (the queue is first in, first out). */
  const queuedAt: number[] = [];

  /** The request's one log line, and its count. */
  function finished(kind: string, startedMs: number, result: Outcome, error?: unknown): void {
    const ms = performance.now() - startedMs;
    metrics.requestFinished(requestSurface(kind), result.outcome, ms / 1000);
    const confidence = ConfidenceSchema.safeParse(result.confidence);
    if (confidence.success) metrics.answerConfidence(confidence.data);
    if (error === undefined) logger.info({ ...result, kind, ms: Math.round(ms) }, `${kind}: ${result.outcome}`);
    else logger.error({ kind, ms: Math.round(ms), outcome: result.outcome, err: error }, `${kind}: failed`);
  }

  async function attempt(kind: string, task: () => Promise<Outcome>, tellUser?: (text: string) => Promise<unknown>): Promise<void> {
    const started = performance.now();
    try {
      await yieldToIo();
      finished(kind, started, await task());
    } catch (error) {
      finished(kind, started, { outcome: 'error' }, error);
      if (!tellUser) return;
      try {
        await tellUser(INTERNAL_ERROR_TEXT);
      } catch (tellError) {
        logger.error({ kind, err: tellError }, `${kind}: could not tell the user about the failure either`);
      }
    }
  }

  function track(promise: Promise<unknown>): void {
    running.add(promise);
    void promise.finally(() => running.delete(promise));
  }

  return {
    run(kind, task, tellUser) {
      queuedAt.push(nowMs());
      const promise = queue.add(() => {
        queuedAt.shift();
        return attempt(kind, task, tellUser);
      });
      track(promise);
      return promise;
    },
    async reply(kind, compute, failed) {
      const started = performance.now();
      const done = (async () => {
        try {
          const { message, ...result } = await compute();
          finished(kind, started, result);
          return message;
        } catch (error) {
          finished(kind, started, { outcome: 'error' }, error);
          return failed(INTERNAL_ERROR_TEXT);
        }
      })();
      track(done);
      return done;
    },
    size: () => running.size,
    pressure() {
      const oldest = queuedAt[0];
      const oldestWaitMs = oldest === undefined ? 0 : nowMs() - oldest;
      const loopLagMs = loopLag();
      return {
        waiting: queue.size,
        running: queue.pending,
        oldestWaitMs,
        loopLagMs,
        overloaded: queue.size >= maxWaiting || oldestWaitMs > maxWaitMs || loopLagMs > maxLoopLagMs,
      };
    },
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
