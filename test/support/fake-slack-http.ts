/**
 * HTTP plumbing for the fake Slack Web API: reading request bodies the way Slack accepts them and writing
 * JSON (or scripted raw) responses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from './fake-slack-waiters.js';

/**
 * Fields that `@slack/web-api` sends as JSON strings inside form-encoded bodies (it JSON-encodes every
 * non-primitive argument). The fake parses them back so tests can assert on structure.
 */
export const JSON_ENCODED_FIELDS: readonly string[] = ['blocks', 'attachments', 'metadata', 'prompts', 'view'];

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const JSON_CONTENT_TYPE = 'application/json';
const BEARER_PREFIX = /^Bearer\s+/i;

/** A scripted response with explicit status and headers, e.g. a 429 with `Retry-After`. */
export interface RawFakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects/arrays are sent as JSON; strings are sent verbatim. */
  body: unknown;
}

/**
 * What a method handler may return: either a Web API JSON body (`{ ok: true, ... }`), sent with status 200,
 * or a {@link RawFakeResponse}. An object with a numeric `status` and a `body` key is treated as raw.
 */
export type FakeResponse = Record<string, unknown> | RawFakeResponse;

export function isRawResponse(response: FakeResponse): response is RawFakeResponse {
  return typeof response.status === 'number' && 'body' in response;
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses Web API arguments from the query string plus a form-encoded or JSON body (body wins on clashes).
 * Form values stay strings, except the {@link JSON_ENCODED_FIELDS}, which are JSON-parsed when possible.
 * Unknown content types (e.g. multipart uploads) contribute no arguments.
 */
export function parseApiArgs(rawBody: string, contentType: string | undefined, query: URLSearchParams): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of query) args[key] = value;
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === JSON_CONTENT_TYPE) {
    const parsed = parseJson(rawBody);
    if (isRecord(parsed)) Object.assign(args, parsed);
    return args;
  }
  if (mediaType === FORM_CONTENT_TYPE) {
    for (const [key, value] of new URLSearchParams(rawBody)) {
      args[key] = JSON_ENCODED_FIELDS.includes(key) ? parseJsonOr(value) : value;
    }
  }
  return args;
}

/** The token from `Authorization: Bearer <token>`, falling back to a `token` argument. */
export function readToken(request: IncomingMessage, args: Record<string, unknown>): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && BEARER_PREFIX.test(header)) return header.replace(BEARER_PREFIX, '');
  return typeof args.token === 'string' ? args.token : undefined;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseJsonOr(text: string): unknown {
  const parsed = parseJson(text);
  return parsed === undefined ? text : parsed;
}

export function sendFakeResponse(response: ServerResponse, fake: FakeResponse): void {
  if (!isRawResponse(fake)) {
    sendJson(response, 200, fake);
    return;
  }
  const isText = typeof fake.body === 'string';
  const headers: Record<string, string> = {
    'Content-Type': isText ? 'text/plain; charset=utf-8' : `${JSON_CONTENT_TYPE}; charset=utf-8`,
    ...fake.headers,
  };
  response.writeHead(fake.status, headers);
  response.end(isText ? fake.body : JSON.stringify(fake.body ?? null));
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': `${JSON_CONTENT_TYPE}; charset=utf-8` });
  response.end(JSON.stringify(body));
}
