/**
 * Global middleware: an Events API event is handled once, whatever Slack redelivers. Slack
 * retries an event it thinks was missed (HTTP `X-Slack-Retry-Num`; in Socket Mode a redelivered
 * envelope, whose `retry_attempt` may even be 0), always with the same `event_id`, so that is
 * the key, not the retry counter.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../deps.js';

const EventEnvelopeSchema = z.object({ event_id: z.string() });

export function deduplicateEvents(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const envelope = EventEnvelopeSchema.safeParse(body);
    if (envelope.success && !(await deps.events.claim(`event:${envelope.data.event_id}`, deps.now().getTime()))) {
      deps.logger.info({ kind: 'event', outcome: 'duplicate', eventId: envelope.data.event_id, retryNum: context.retryNum, retryReason: context.retryReason }, 'event: duplicate ignored');
      return;
    }
    await next();
  };
}
