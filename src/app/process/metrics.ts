/**
 * The port through which the running service counts what it does, for operators' dashboards
 * (Prometheus, docs/metrics.md). Callers record facts with bounded values only: a surface, an
 * outcome code, a Web API method name, never a question's text or a user's id. The service
 * implements it once (service/metrics/prometheus-metrics.ts); the CLI and tests that do not look
 * use {@link NO_METRICS}.
 */
import type { Confidence } from '../../core/answer/answer-schema.js';

/** Where a request came in: a plain message (DM, thread, channel, mention), a slash command, a click, a form, … */
export type RequestSurface = 'message' | 'command' | 'action' | 'view' | 'home' | 'assistant' | 'other';

/**
 * How one HTTP call to Slack ended: `ok` (Slack answered `ok: true`), `error` (Slack answered with
 * an error), `http_error` (an HTTP status other than 200), `no_answer` (timed out, refused, reset).
 */
export type SlackCallResult = 'ok' | 'error' | 'http_error' | 'no_answer';

/** Why new work was refused at the front door: too much waiting, or the work ledger cannot be written. */
export type AdmissionRefusal = 'overloaded' | 'not_recordable';

export interface Metrics {
  /** One request answered (or not), with the outcome its log line carries, and how long it took. */
  requestFinished(surface: RequestSurface, outcome: string, seconds: number): void;
  /**
   * One HTTP call to Slack: the Web API method (`chat.postMessage`) or `response_url`; `error` is
   * Slack's error code when it answered `ok: false` (`channel_not_found`), or `http_<status>`.
   */
  slackCall(method: string, result: SlackCallResult, error?: string): void;
  /** One attempt to post the day's digest, by its outcome (`posted`, `already-posted`, `failed` …). */
  digestPosted(result: string): void;
  /** New work refused for Slack to retry or the user to try later. */
  admissionRefused(reason: AdmissionRefusal): void;
  /** One answer to a question (not a lookup by number), by how sure it is. */
  answerConfidence(confidence: Confidence): void;
  /** One call to the embeddings server (the optional semantic search): for the plan's texts or a question, and how it ended. */
  embeddingsCall(purpose: EmbeddingsPurpose, result: EmbeddingsResult): void;
}

/** What an embeddings call was for: the plan's texts (at start) or one question. */
export type EmbeddingsPurpose = 'documents' | 'question';

/** How an embeddings call ended: `ok`, or the kind of failure. */
export type EmbeddingsResult = 'ok' | 'timeout' | 'unreachable' | 'http' | 'bad-response' | 'aborted';

/** The metrics as Prometheus scrapes them. */
export interface MetricsExposition {
  /** The content type of {@link MetricsExposition.render}'s text. */
  readonly contentType: string;
  render(): Promise<string>;
}

/** Counts nothing: the CLI, the local console, and tests that do not look at metrics. */
export const NO_METRICS: Metrics = {
  requestFinished() {},
  slackCall() {},
  digestPosted() {},
  admissionRefused() {},
  answerConfidence() {},
  embeddingsCall() {},
};
