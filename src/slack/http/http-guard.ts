/**
 * The HTTP receiver's front door, run before Bolt sees a request. Slack's rules, in the order
 * they are checked (Bolt verifies the signature itself afterwards):
 *
 * Rule 1: ready. While starting (the port is bound before the state is opened and the token
 *   checked) and during a graceful stop new requests get 503, so nothing is acknowledged that the
 *   process is not yet, or no longer, able to answer (Slack retries events later).
 * Rule 2: size. A declared body over the limit gets 413 without being read.
 * Rule 3: signed. A request without Slack's signature headers gets 401.
 * Rule 4: fresh. A timestamp more than five minutes from now gets 401 ("Verifying requests from
 *   Slack": it may be a replay).
 * Rule 5: once. A signature already seen gets 401: a replay within the five minutes does no work.
 * Rule 6: read in time. The body must arrive within {@link BODY_DEADLINE_MS} (408 otherwise) and
 *   within the size limit (413), so a client trickling bytes holds nothing for long.
 * Rule 7: well formed. The body must be what Slack sends: a JSON object, or form fields whose
 *   `payload`, when present, is a JSON object. Anything else (JSON `null`, `payload=null`, a
 *   number) gets 400 here; Bolt would read a property of it and throw where nothing catches.
 * Rule 8: not overloaded. When the process is falling behind, work is refused here, before the
 *   signature check and Bolt's processing cost anything more: an event gets 503 before its body
 *   is read, and a click 503 too, which Slack retries; a slash command gets its busy notice,
 *   which the user sees. Refusals are logged once a second with their counts. (The same
 *   refusals happen later, in intake/admit-deliveries.ts, for work that got this far.)
 *
 * The body read here is handed to Bolt as `rawBody` (Bolt then does not read the stream again).
 * `GET`/`HEAD` of /healthz and /metrics pass straight through. The clock is injected so the rules
 * can be tested.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../logger.js';
import { HEALTH_PATH, type Lifecycle } from '../health/health-route.js';
import { METRICS_PATH } from '../health/metrics-route.js';
import { BUSY_REPLY, type Admission, type WorkKind } from '../intake/admit-deliveries.js';

/** Slack: "If the timestamp is more than five minutes from local time, it could be a replay attack". */
export const MAX_REQUEST_AGE_MS = 5 * 60 * 1000;
/** Signatures remembered at most (five minutes at well over the rate one process can serve). */
const MAX_REMEMBERED_SIGNATURES = 400_000;
/** Enough of a signature to tell requests apart (128 bits), at half the memory of all of it. */
const SIGNATURE_KEY_CHARS = 3 + 32;
/** Slack waits three seconds for an acknowledgement; a body still arriving after this is abandoned. */
export const BODY_DEADLINE_MS = 10_000;
/** Paths for operators' probes, read with GET or HEAD and never signed by Slack. */
const PROBE_PATHS: ReadonlySet<string> = new Set([HEALTH_PATH, METRICS_PATH]);

export interface GuardOptions {
  maxBodyBytes: number;
  /** Where the app is in its life: requests are taken only when it is `ready` (Rule 1). */
  lifecycle: () => Lifecycle;
  /** Whether to take work of this kind now (Rule 8): the one admission decision (intake/admit-deliveries.ts). */
  admit?: (kind: WorkKind) => Admission;
  logger: Logger;
  nowMs?: () => number;
  bodyDeadlineMs?: number;
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string, logger: Logger, headers: Record<string, string> = {}): void {
  logger.warn({ kind: 'http', outcome: 'refused', status, reason, path: req.url }, `request refused: ${reason}`);
  if (!res.headersSent) res.writeHead(status, { Connection: 'close', ...headers });
  res.end();
  req.resume(); // discard whatever body was sent, without buffering it
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether `body` has the shape of something Slack sends (Rule 7). */
export function isSlackShapedBody(body: string, contentType: string | undefined): boolean {
  if ((contentType ?? '').split(';')[0]?.trim() === 'application/x-www-form-urlencoded') {
    const { payload } = parseForm(body);
    if (payload === undefined) return true;
    return typeof payload === 'string' && isObject(parseJson(payload));
  }
  return isObject(parseJson(body));
}

type BodyRead = { ok: true; body: Buffer } | { ok: false; status: number; reason: string };

function readBody(req: IncomingMessage, maxBytes: number, deadlineMs: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish({ ok: false, status: 413, reason: 'body too large' });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks) });
    const onError = () => finish({ ok: false, status: 400, reason: 'body not received' });
    const timer = setTimeout(() => finish({ ok: false, status: 408, reason: 'body too slow' }), deadlineMs);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}

const isForm = (contentType: string | undefined) => (contentType ?? '').split(';')[0]?.trim() === 'application/x-www-form-urlencoded';

/** A slash command's body: form fields without an interaction's `payload`. */
/** What a body is, for admission: form fields with a `payload` are a click or a view, other form fields a slash command, JSON an event. */
function workKind(body: string, contentType: string | undefined): WorkKind {
  if (!isForm(contentType)) return 'event';
  return parseForm(body).payload === undefined ? 'command' : 'interaction';
}

/** Refusals under overload are counted and logged once a second, not once each (a log line is a write). */
const SHED_LOG_INTERVAL_MS = 1000;

const ADMIT_ALL = (): Admission => ({ admit: true });

export function guardRequests(
  listener: RequestListener,
  { maxBodyBytes, lifecycle, admit: admission = ADMIT_ALL, logger, nowMs = Date.now, bodyDeadlineMs = BODY_DEADLINE_MS }: GuardOptions,
): RequestListener {
  const seen = new LRUCache<string, true>({ max: MAX_REMEMBERED_SIGNATURES, ttl: MAX_REQUEST_AGE_MS, ttlAutopurge: false, perf: { now: nowMs } });

  const shedCounts = { events: 0, commands: 0 };
  let shedLogged = 0;
  /** Rule 8: 503 for an event or a click (Slack retries), the busy notice for a slash command. */
  function shed(req: IncomingMessage, res: ServerResponse, refusal: 'busy-notice' | 'retry-later'): void {
    if (refusal === 'retry-later') {
      shedCounts.events += 1;
      res.writeHead(503, { 'Retry-After': '1' });
      res.end();
      req.resume();
    } else {
      shedCounts.commands += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(BUSY_REPLY));
    }
    const now = nowMs();
    if (now - shedLogged < SHED_LOG_INTERVAL_MS) return;
    logger.warn(
      { kind: 'http', outcome: 'overloaded', refusedEvents: shedCounts.events, busyCommands: shedCounts.commands },
      'overloaded: refusing work for Slack to retry (events) or the user to try later (commands)',
    );
    shedLogged = now;
    shedCounts.events = 0;
    shedCounts.commands = 0;
  }

  async function admit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const state = lifecycle();
    if (state !== 'ready') return refuse(req, res, 503, state, logger, { 'Retry-After': state === 'starting' ? '1' : '5' });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) return refuse(req, res, 413, 'body too large', logger);
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return refuse(req, res, 401, 'not signed', logger);
    if (Math.abs(nowMs() - timestamp * 1000) > MAX_REQUEST_AGE_MS) return refuse(req, res, 401, 'stale timestamp', logger);
    const key = signature.slice(0, SIGNATURE_KEY_CHARS);
    if (seen.has(key)) return refuse(req, res, 401, 'replayed', logger);
    seen.set(key, true);
    // Rule 8 for events, before reading a byte of the body: the cheapest refusal there is.
    const early: Admission = isForm(req.headers['content-type']) ? { admit: true } : admission('event');
    if (!early.admit) return shed(req, res, early.refusal);
    const read = await readBody(req, maxBodyBytes, bodyDeadlineMs);
    if (!read.ok) return refuse(req, res, read.status, read.reason, logger);
    const text = read.body.toString('utf8');
    if (!isSlackShapedBody(text, req.headers['content-type'])) return refuse(req, res, 400, 'malformed body', logger);
    const decided = admission(workKind(text, req.headers['content-type']));
    if (!decided.admit) return shed(req, res, decided.refusal);
    try {
      listener(Object.assign(req, { rawBody: read.body }), res);
    } catch (error) {
      logger.debug({ err: error }, 'no route for the request');
      refuse(req, res, 404, 'no such path', logger);
    }
  }

  return (req, res) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && PROBE_PATHS.has(req.url?.split('?')[0] ?? '')) return listener(req, res);
    admit(req, res).catch((error: unknown) => {
      logger.error({ err: error, path: req.url }, 'request failed before it reached the app');
      refuse(req, res, 500, 'internal error', logger);
    });
  };
}
