/**
 * What the front door needs to know about a delivery from Slack before any listener runs: its
 * kind, its deduplication key, and whether it owes somebody an answer through the Web API.
 * Parsed with zod: a body that is not an object at all is `unknown`, never trusted.
 */
import { z } from 'zod';
import { answerableAs } from './message-event.js';

const CommandSchema = z.object({ command: z.string(), trigger_id: z.string().optional() });

const EventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  event_id: z.string(),
  event: z.object({
    type: z.string(),
    subtype: z.string().optional(),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    channel_type: z.string().optional(),
    thread_ts: z.string().optional(),
  }),
});

const InteractionSchema = z.object({ type: z.string() });

export type Delivery =
  | { kind: 'command'; command: string; triggerId?: string }
  /** `owesAnswer`: a person asked something the app answers with a post (a DM, a mention, a thread reply). */
  | { kind: 'event'; eventId: string; eventType: string; owesAnswer: boolean }
  | { kind: 'interaction'; type: string }
  | { kind: 'unknown' };

export function readDelivery(body: unknown): Delivery {
  const command = CommandSchema.safeParse(body);
  if (command.success) return { kind: 'command', command: command.data.command, ...(command.data.trigger_id ? { triggerId: command.data.trigger_id } : {}) };
  const callback = EventCallbackSchema.safeParse(body);
  if (callback.success) {
    const { event, event_id: eventId } = callback.data;
    const owesAnswer = event.type === 'app_mention' || (event.type === 'message' && answerableAs(event) !== undefined);
    return { kind: 'event', eventId, eventType: event.type, owesAnswer };
  }
  const interaction = InteractionSchema.safeParse(body);
  if (interaction.success) return { kind: 'interaction', type: interaction.data.type };
  return { kind: 'unknown' };
}
