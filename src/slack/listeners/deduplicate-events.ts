/**
 * Global middleware: an Events API event is handled once, whatever Slack redelivers. Slack
 * retries an event it thinks was missed (HTTP `X-Slack-Retry-Num`; in Socket Mode a redelivered
 * envelope, whose `retry_attempt` may even be 0), always with the same `event_id`, so that is
 * the key, not the retry counter.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.js';

export function deduplicateEvents(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const eventId = typeof body === 'object' && body !== null && 'event_id' in body ? (body as { event_id?: unknown }).event_id : undefined;
    if (typeof eventId === 'string' && !deps.processed.claim(`event:${eventId}`)) {
      deps.logger.info({ kind: 'event', outcome: 'duplicate', eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'event: duplicate ignored');
      return;
    }
    await next();
  };
}
