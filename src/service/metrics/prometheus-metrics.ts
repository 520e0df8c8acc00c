/**
 * The {@link Metrics} port over prom-client, and its text exposition for `GET /metrics`. Each
 * call builds its own registry (never prom-client's global one), so two services in one process,
 * as tests start them, count apart. Every name, type and label is listed in docs/metrics.md.
 *
 * Label values are bounded: surfaces and Slack call results are closed unions; outcomes, digest
 * results and Web API methods are codes from this program, and anything that does not look like
 * one is counted as `other`, so no text a person typed can become a label.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics, MetricsExposition } from '../../app/process/metrics.js';
import type { ResilientStore } from '../../store/resilient-store.js';

/**
 * Request durations, in seconds: slash commands are answered in milliseconds, answers that wait
 * on Slack's Web API in tenths of a second to seconds; Slack's acknowledgement window is 3 s.
 */
const REQUEST_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What a code looks like (`answered`, `help-desk.saved`, `chat.postMessage`); anything else is `other`. */
const CODE = /^[A-Za-z][A-Za-z0-9._-]{0,47}$/;

function code(value: string): string {
  return CODE.test(value) ? value : 'other';
}

export interface PrometheusMetricsOptions {
  /** The state store: its health (the check /healthz reports) and the writes it holds in memory while its engine fails, read at each scrape. */
  store: Pick<ResilientStore, 'health' | 'pendingWrites'>;
  /** Acknowledged requests waiting for their turn and running now, read at each scrape. */
  work: () => { waiting: number; running: number };
}

export type PrometheusMetrics = Metrics & MetricsExposition;

export function createPrometheusMetrics({ store, work }: PrometheusMetricsOptions): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'ipplan_requests_total',
    help: 'Requests handled, by surface (message, command, action, view, home, assistant) and outcome (answered, a notice code, error …).',
    labelNames: ['surface', 'outcome'] as const,
    registers,
  });
  const durations = new Histogram({
    name: 'ipplan_request_duration_seconds',
    help: 'Time from starting a request to its outcome, by surface.',
    labelNames: ['surface'] as const,
    buckets: REQUEST_SECONDS_BUCKETS,
    registers,
  });
  const slackCalls = new Counter({
    name: 'ipplan_slack_api_calls_total',
    help: 'HTTP calls to Slack, by Web API method (or response_url) and result (ok, error, http_error, no_answer).',
    labelNames: ['method', 'result'] as const,
    registers,
  });
  const slackErrors = new Counter({
    name: 'ipplan_slack_api_errors_total',
    help: "Slack calls that failed with an answer, by Web API method and Slack's error code (channel_not_found …) or http_<status>.",
    labelNames: ['method', 'error'] as const,
    registers,
  });
  const digestPosts = new Counter({
    name: 'ipplan_digest_posts_total',
    help: 'Attempts to post the daily digest, by result (posted, found-in-history, already-posted, busy, failed).',
    labelNames: ['result'] as const,
    registers,
  });
  const refused = new Counter({
    name: 'ipplan_admission_refused_total',
    help: 'New work refused at the front door, by reason (overloaded, not_recordable).',
    labelNames: ['reason'] as const,
    registers,
  });
  const confidence = new Counter({
    name: 'ipplan_answer_confidence_total',
    help: 'Answers to questions (not lookups by number), by confidence (high, medium, low, none).',
    labelNames: ['confidence'] as const,
    registers,
  });
  const embeddings = new Counter({
    name: 'ipplan_embeddings_calls_total',
    help: 'Calls to the embeddings server (optional semantic search), by purpose (documents, question) and result (ok, timeout, unreachable, http, bad-response, aborted).',
    labelNames: ['purpose', 'result'] as const,
    registers,
  });
  new Gauge({
    name: 'ipplan_work_requests',
    help: 'Acknowledged requests not yet answered, by state (waiting for their turn, running).',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const now = work();
      this.set({ state: 'waiting' }, now.waiting);
      this.set({ state: 'running' }, now.running);
    },
  });
  new Gauge({
    name: 'ipplan_store_writes_waiting',
    help: "Writes held in memory while the state store's engine fails (0 when all is well).",
    registers,
    collect() {
      this.set(store.pendingWrites());
    },
  });
  new Gauge({
    name: 'ipplan_store_up',
    help: 'Whether the state store is healthy (1) or not (0: unreachable, or its file replaced), as /healthz reports it.',
    registers,
    collect() {
      this.set(store.health().state === 'ok' ? 1 : 0);
    },
  });

  return {
    requestFinished(surface, outcome, seconds) {
      requests.inc({ surface, outcome: code(outcome) });
      durations.observe({ surface }, seconds);
    },
    slackCall(method, result, error) {
      slackCalls.inc({ method: code(method), result });
      if (error !== undefined) slackErrors.inc({ method: code(method), error: code(error) });
    },
    digestPosted(result) {
      digestPosts.inc({ result: code(result) });
    },
    admissionRefused(reason) {
      refused.inc({ reason });
    },
    answerConfidence(level) {
      confidence.inc({ confidence: level });
    },
    embeddingsCall(purpose, result) {
      embeddings.inc({ purpose, result });
    },
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}
