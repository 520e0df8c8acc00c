/**
 * Every HTTP call to Slack (the Web API and `response_url`) goes through {@link SlackCalls.fetch}:
 * it gives each call a deadline, so a Slack that never answers cannot hold an answer (or a
 * graceful stop) forever, and it counts the calls in flight, so `/healthz` can say when they are
 * stuck. The Web API client retries a call that timed out, within its retry policy.
 */
import type { HealthCheck } from '../health/health-route.js';

/** One attempt of one call; the client's retries come on top. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;
/** A call in flight longer than this counts as stuck. */
export const SLACK_CALL_STUCK_MS = 5_000;

export interface SlackCallsOptions {
  timeoutMs?: number;
  stuckAfterMs?: number;
  nowMs?: () => number;
  /** The fetch underneath (the global one by default). */
  fetch?: typeof fetch;
}

export interface SlackCalls {
  fetch: typeof fetch;
  inFlight(): number;
  /** Calls in flight for longer than the stuck threshold. */
  stuck(): number;
  /** Calls that failed without an HTTP answer (timed out, refused, reset) since start. */
  failed(): number;
  health(): HealthCheck;
}

export function createSlackCalls({ timeoutMs = SLACK_CALL_TIMEOUT_MS, stuckAfterMs = SLACK_CALL_STUCK_MS, nowMs = Date.now, fetch: underlying = globalThis.fetch }: SlackCallsOptions = {}): SlackCalls {
  const started = new Set<{ at: number }>();
  let failed = 0;

  const tracked: typeof fetch = async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const call = { at: nowMs() };
    started.add(call);
    try {
      return await underlying(input, { ...init, signal });
    } catch (error) {
      failed += 1;
      throw error;
    } finally {
      started.delete(call);
    }
  };

  const stuck = () => {
    const threshold = nowMs() - stuckAfterMs;
    let count = 0;
    for (const call of started) if (call.at <= threshold) count += 1;
    return count;
  };

  return {
    fetch: tracked,
    inFlight: () => started.size,
    stuck,
    failed: () => failed,
    health() {
      const stuckNow = stuck();
      return { name: 'slack', state: stuckNow > 0 ? 'failing' : 'ok', details: { inFlight: started.size, stuck: stuckNow, failed } };
    },
  };
}
