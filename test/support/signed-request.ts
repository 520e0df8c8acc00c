/**
 * Sends requests exactly as Slack does to an app's Request URL, signed per "Verifying requests
 * from Slack" (https://api.slack.com/authentication/verifying-requests-from-slack):
 *
 *   basestring = `v0:${X-Slack-Request-Timestamp}:${raw body}`
 *   X-Slack-Signature = 'v0=' + hex(HMAC-SHA256(signing secret, basestring))
 *
 * The payloads come from `slack-payloads.ts`; this file only encodes them as Slack does (events
 * as JSON, commands form-encoded, interactions as `payload=<json>`) and signs the raw bytes.
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export const SIGNATURE_HEADER = 'X-Slack-Signature';
export const TIMESTAMP_HEADER = 'X-Slack-Request-Timestamp';
export const RETRY_NUM_HEADER = 'X-Slack-Retry-Num';
export const RETRY_REASON_HEADER = 'X-Slack-Retry-Reason';
/** Slack: a timestamp more than five minutes from now may be a replay. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export type SlackContentType = 'application/json' | 'application/x-www-form-urlencoded';

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The two headers Slack adds to every request, for this exact raw body. */
export function signSlackRequest(rawBody: string, signingSecret: string, timestampSeconds: number = nowSeconds()): Record<string, string> {
  const hex = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`, 'utf8').digest('hex');
  return { [SIGNATURE_HEADER]: `v0=${hex}`, [TIMESTAMP_HEADER]: String(timestampSeconds) };
}

/** A slash command body: form-encoded fields. */
export function commandBody(command: object): string {
  return new URLSearchParams([...Object.entries(command).map(([k, v]): [string, string] => [k, String(v)]), ['is_enterprise_install', 'false']]).toString();
}

/** An interactivity body: form-encoded `payload=<json>`. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface PostSignedOptions {
  signingSecret: string;
  /** Default: now. */
  timestampSeconds?: number;
  headers?: Record<string, string>;
  /** Replaces the computed `X-Slack-Signature` (to send a bad one). */
  signature?: string;
}

export interface SignedResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** Wall time from sending to having read the whole response. */
  ms: number;
}

/** Signs `rawBody` and POSTs it to `url`. */
export async function postSigned(url: string, rawBody: string, contentType: SlackContentType, options: PostSignedOptions): Promise<SignedResponse> {
  const signed = signSlackRequest(rawBody, options.signingSecret, options.timestampSeconds);
  if (options.signature !== undefined) signed[SIGNATURE_HEADER] = options.signature;
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType, ...signed, ...options.headers }, body: rawBody });
  const body = await response.text();
  return { status: response.status, body, headers: Object.fromEntries(response.headers.entries()), ms: performance.now() - started };
}

/** Posts a Slack request of any kind to the app: events as JSON, commands and clicks form-encoded. */
export function signedSender(url: string, signingSecret: string) {
  return {
    /** A retry is a new request (Slack signs it anew): pass its own `timestampSeconds`. */
    event: (envelope: object, headers: Record<string, string> = {}, timestampSeconds = nowSeconds()) =>
      postSigned(url, JSON.stringify(envelope), 'application/json', { signingSecret, headers, timestampSeconds }),
    command: (command: object) => postSigned(url, commandBody(command), 'application/x-www-form-urlencoded', { signingSecret }),
    click: (payload: object) => postSigned(url, interactionBody(payload), 'application/x-www-form-urlencoded', { signingSecret }),
  };
}
