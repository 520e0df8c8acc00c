/**
 * Every HTTP call to Slack (the Web API and `response_url`) goes through {@link SlackCalls.fetch}:
 * it gives each call a deadline, so a Slack that never answers cannot hold an answer (or a
 * graceful stop) forever, and it counts the calls in flight, so `/healthz` can say when they are
 * stuck. The Web API client retries a call that timed out, within its retry policy. Each call is
 * counted in the metrics by its Web API method (or `response_url`) and how it ended.
 */
import { NO_METRICS, type Metrics, type SlackCallResult } from '../../app/process/metrics.js';
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
  /** Where each call is counted (nowhere by default). */
  metrics?: Metrics;
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

/** The Web API method a call names (`…/api/chat.postMessage`), or `response_url` for anything else. */
export function slackMethod(input: Parameters<typeof fetch>[0]): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  const method = /\/api\/([A-Za-z]+(?:\.[A-Za-z]+)+)$/.exec(path)?.[1];
  return method ?? 'response_url';
}

/**
 * How an answered call ended: `ok` or `error` as Slack's JSON says (read from a copy of the
 * body, so the client reads the original), with Slack's error code; `http_error` for a status
 * other than 2xx, with `http_<status>`.
 */
async function callResult(response: Response): Promise<{ result: SlackCallResult; error?: string }> {
  if (!response.ok) return { result: 'http_error', error: `http_${response.status}` };
  if (!response.headers.get('content-type')?.includes('application/json')) return { result: 'ok' };
  try {
    const body = (await response.json()) as { ok?: unknown; error?: unknown };
    if (body.ok !== false) return { result: 'ok' };
    return { result: 'error', error: typeof body.error === 'string' ? body.error : 'unknown' };
  } catch {
    return { result: 'ok' };
  }
}

export function createSlackCalls({
  timeoutMs = SLACK_CALL_TIMEOUT_MS,
  stuckAfterMs = SLACK_CALL_STUCK_MS,
  nowMs = Date.now,
  fetch: underlying = globalThis.fetch,
  metrics = NO_METRICS,
}: SlackCallsOptions = {}): SlackCalls {
  const started = new Set<{ at: number }>();
  let failed = 0;

  const tracked: typeof fetch = async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const call = { at: nowMs() };
    started.add(call);
    const method = slackMethod(input);
    try {
      const response = await underlying(input, { ...init, signal });
      void callResult(response.clone()).then(({ result, error }) => metrics.slackCall(method, result, error));
      return response;
    } catch (error) {
      failed += 1;
      metrics.slackCall(method, 'no_answer');
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
