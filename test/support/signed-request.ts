/**
 * Builds and sends HTTP requests exactly as Slack does for an app's Request URL, signed per
 * "Verifying requests from Slack" (https://api.slack.com/authentication/verifying-requests-from-slack):
 *
 *   basestring = `v0:${X-Slack-Request-Timestamp}:${raw body}`
 *   X-Slack-Signature = 'v0=' + hex(HMAC-SHA256(signing secret, basestring))
 *
 * Body builders return the raw body string; sign and send that same string (the signature covers the bytes).
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  FAKE_APP_ID,
  FAKE_BOT_USER_ID,
  FAKE_CHANNEL_ID,
  FAKE_CHANNEL_NAME,
  FAKE_TEAM_DOMAIN,
  FAKE_TEAM_ID,
  FAKE_USER_ID,
  FAKE_USER_NAME,
} from './fake-slack-ids.js';

export const SIGNATURE_VERSION = 'v0';
export const SIGNATURE_HEADER = 'X-Slack-Signature';
export const TIMESTAMP_HEADER = 'X-Slack-Request-Timestamp';
export const RETRY_NUM_HEADER = 'X-Slack-Retry-Num';
export const RETRY_REASON_HEADER = 'X-Slack-Retry-Reason';
/** Slack (and Bolt) reject requests whose timestamp is more than five minutes away from now. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;
/** The deprecated verification token Slack still includes in payloads. */
export const FAKE_VERIFICATION_TOKEN = 'fakeVerificationToken0001';
export const DEFAULT_SLASH_COMMAND = '/ipplan';
/**
 * The default `response_url`: nothing listens there, so an app that responds without the test having
 * passed `api.responseUrl()` fails fast instead of reaching out to hooks.slack.com.
 */
export const UNCONFIGURED_RESPONSE_URL = 'http://127.0.0.1:9/response-url-not-configured';

const MILLIS_PER_SECOND = 1_000;
const EVENT_ID_LENGTH = 10;
const EVENT_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const TRIGGER_ID_PART_MAX = 10_000_000_000;
const TRIGGER_ID_HEX_BYTES = 16;

export type SlackContentType = 'application/json' | 'application/x-www-form-urlencoded';

export function nowSeconds(): number {
  return Math.floor(Date.now() / MILLIS_PER_SECOND);
}

/** The two headers Slack adds to every request, for this exact raw body. */
export function signSlackRequest(
  rawBody: string,
  signingSecret: string,
  timestampSeconds: number = nowSeconds(),
): Record<string, string> {
  const basestring = `${SIGNATURE_VERSION}:${timestampSeconds}:${rawBody}`;
  const hex = createHmac('sha256', signingSecret).update(basestring, 'utf8').digest('hex');
  return { [SIGNATURE_HEADER]: `${SIGNATURE_VERSION}=${hex}`, [TIMESTAMP_HEADER]: String(timestampSeconds) };
}

export interface SlashCommandFields {
  token: string;
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  api_app_id: string;
  response_url: string;
  trigger_id: string;
}

/** A slash command body, form-encoded in the field order Slack uses. */
export function slashCommandBody(fields: Partial<SlashCommandFields> = {}): string {
  const complete: SlashCommandFields = {
    token: FAKE_VERIFICATION_TOKEN,
    team_id: FAKE_TEAM_ID,
    team_domain: FAKE_TEAM_DOMAIN,
    channel_id: FAKE_CHANNEL_ID,
    channel_name: FAKE_CHANNEL_NAME,
    user_id: FAKE_USER_ID,
    user_name: FAKE_USER_NAME,
    command: DEFAULT_SLASH_COMMAND,
    text: '',
    api_app_id: FAKE_APP_ID,
    response_url: UNCONFIGURED_RESPONSE_URL,
    trigger_id: fakeTriggerId(),
    ...fields,
  };
  return new URLSearchParams({ ...complete, is_enterprise_install: 'false' }).toString();
}

export interface EventCallbackExtra {
  event_id?: string;
  event_time?: number;
}

/** An Events API `event_callback` envelope as Slack POSTs it (JSON). */
export function eventCallbackBody(event: object, extra: EventCallbackExtra = {}): string {
  return JSON.stringify({
    token: FAKE_VERIFICATION_TOKEN,
    team_id: FAKE_TEAM_ID,
    context_team_id: FAKE_TEAM_ID,
    context_enterprise_id: null,
    api_app_id: FAKE_APP_ID,
    event,
    type: 'event_callback',
    event_id: extra.event_id ?? fakeEventId(),
    event_time: extra.event_time ?? nowSeconds(),
    authorizations: [{ enterprise_id: null, team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** An interactivity body (block_actions, view_submission, ...): form-encoded `payload=<json>`. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface PostSignedOptions {
  signingSecret: string;
  /** Default: now. Use e.g. `nowSeconds() - TIMESTAMP_TOLERANCE_SECONDS - 1` for a stale request. */
  timestampSeconds?: number;
  /** Extra headers, e.g. `{ [RETRY_NUM_HEADER]: '1', [RETRY_REASON_HEADER]: 'http_timeout' }`. */
  headers?: Record<string, string>;
  /** Replaces the computed `X-Slack-Signature` (to send a bad one). */
  signature?: string;
}

export interface SignedResponse {
  status: number;
  body: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Wall time from sending to having read the whole response. */
  ms: number;
}

/** Signs `rawBody` and POSTs it to `url` with global fetch. */
export async function postSigned(
  url: string,
  rawBody: string,
  contentType: SlackContentType,
  options: PostSignedOptions,
): Promise<SignedResponse> {
  const signed = signSlackRequest(rawBody, options.signingSecret, options.timestampSeconds);
  if (options.signature !== undefined) signed[SIGNATURE_HEADER] = options.signature;
  const headers = { 'Content-Type': contentType, ...signed, ...options.headers };
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body: rawBody });
  const body = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, body, headers: Object.fromEntries(response.headers.entries()), ms };
}

/** A unique Events API event id, shaped like Slack's (`Ev` + 10 upper-case alphanumerics). */
export function fakeEventId(): string {
  const bytes = randomBytes(EVENT_ID_LENGTH);
  const suffix = Array.from(bytes, (byte) => EVENT_ID_ALPHABET[byte % EVENT_ID_ALPHABET.length]).join('');
  return `Ev${suffix}`;
}

/** A unique trigger id, shaped like Slack's (`<digits>.<digits>.<32 hex>`). */
export function fakeTriggerId(): string {
  const hex = randomBytes(TRIGGER_ID_HEX_BYTES).toString('hex');
  return `${randomInt(TRIGGER_ID_PART_MAX)}.${randomInt(TRIGGER_ID_PART_MAX)}.${hex}`;
}
