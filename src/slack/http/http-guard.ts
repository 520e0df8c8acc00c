/**
 * The HTTP receiver's front door, run before Bolt reads a byte of the body. Slack's rules, in the
 * order they are checked (Bolt verifies the signature itself afterwards):
 *
 * Rule 1: stopping. During a graceful stop new requests get 503, so nothing is acknowledged that
 *   the process will not be around to answer (Slack retries events later).
 * Rule 2: size. A declared body over the limit gets 413 without being read.
 * Rule 3: signed. A request without Slack's signature headers gets 401.
 * Rule 4: fresh. A timestamp more than five minutes from now gets 401 ("Verifying requests from
 *   Slack": it may be a replay).
 * Rule 5: once. A signature already seen gets 401: a replay within the five minutes does no work.
 *
 * `GET /healthz` and `HEAD /healthz` pass straight through. The clock is injected so the rules can be tested.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';
import { HEALTH_PATH } from './health-route.js';

/** Slack: "If the timestamp is more than five minutes from local time, it could be a replay attack". */
export const MAX_REQUEST_AGE_MS = 5 * 60 * 1000;
/** Signatures remembered at most; older ones age out first. */
const MAX_REMEMBERED_SIGNATURES = 200_000;

export interface GuardOptions {
  maxBodyBytes: number;
  accepting: () => boolean;
  logger: Logger;
  nowMs?: () => number;
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, reason: string, logger: Logger, headers: Record<string, string> = {}): void {
  logger.warn({ kind: 'http', outcome: 'refused', status, reason, path: req.url }, `request refused: ${reason}`);
  res.writeHead(status, { Connection: 'close', ...headers });
  res.end();
  req.resume(); // discard whatever body was sent, without buffering it
}

export function guardRequests(listener: RequestListener, { maxBodyBytes, accepting, logger, nowMs = Date.now }: GuardOptions): RequestListener {
  const seen = new Map<string, number>();

  function remember(signature: string, now: number): boolean {
    for (const [sig, expires] of seen) {
      if (expires > now && seen.size < MAX_REMEMBERED_SIGNATURES) break;
      seen.delete(sig);
    }
    if (seen.has(signature)) return false;
    seen.set(signature, now + MAX_REQUEST_AGE_MS);
    return true;
  }

  return (req, res) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url?.split('?')[0] === HEALTH_PATH) return listener(req, res);
    if (!accepting()) return refuse(req, res, 503, 'stopping', logger, { 'Retry-After': '5' });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) return refuse(req, res, 413, 'body too large', logger);
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return refuse(req, res, 401, 'not signed', logger);
    const now = nowMs();
    if (Math.abs(now - timestamp * 1000) > MAX_REQUEST_AGE_MS) return refuse(req, res, 401, 'stale timestamp', logger);
    if (!remember(signature, now)) return refuse(req, res, 401, 'replayed', logger);
    return listener(req, res);
  };
}
