/**
 * What the front door needs to know about a delivery from Slack before any listener runs: its
 * kind, its deduplication key, and whether it owes somebody an answer through the Web API.
 * Parsed with zod: a body that is not an object at all is `unknown`, never trusted.
 */
import { z } from 'zod';
import { ACTION } from '../../render/blocks/action-values.js';
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
    text: z.string().optional(),
  }),
});

const InteractionSchema = z.object({ type: z.string() });
const ClickSchema = z.object({ type: z.literal('block_actions'), trigger_id: z.string().min(1), actions: z.array(z.object({ action_id: z.string() })).min(1) });

/**
 * Clicks whose work outlives the click (posts to the office and the asker, a saved answer): recorded
 * as owed work like the events that owe answers, so a crash between acknowledging and finishing
 * does not lose them.
 */
const OWED_CLICKS: ReadonlySet<string> = new Set([ACTION.escalate, ACTION.saveStandardAnswer, ACTION.closeEscalation]);

export type Delivery =
  | { kind: 'command'; command: string; triggerId?: string }
  /** `owesAnswer`: a person asked something the app answers with a post (a DM, a mention, a thread reply). */
  | { kind: 'event'; eventId: string; eventType: string; owesAnswer: boolean }
  /** `owedKey`: a click whose work is recorded in the work ledger under this key (`interaction:<trigger id>`). */
  | { kind: 'interaction'; type: string; owedKey?: string }
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
  const click = ClickSchema.safeParse(body);
  if (click.success && click.data.actions.some((a) => OWED_CLICKS.has(a.action_id)))
    return { kind: 'interaction', type: click.data.type, owedKey: `interaction:${click.data.trigger_id}` };
  const interaction = InteractionSchema.safeParse(body);
  if (interaction.success) return { kind: 'interaction', type: interaction.data.type };
  return { kind: 'unknown' };
}
