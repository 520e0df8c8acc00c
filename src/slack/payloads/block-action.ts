/**
 * A click on a button (`block_actions`), parsed with zod rather than cast: a payload is input like
 * any other, and one that lacks what a listener needs is ignored, not trusted.
 */
import { z } from 'zod';

/** A click on a button or a feedback button (`block_actions`). */
const BlockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ value: z.string().optional() })).min(1),
  container: z
    .object({
      type: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      thread_ts: z.string().optional(),
    })
    .optional(),
  /** The message the button was in (absent for ephemeral ones and views). */
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  trigger_id: z.string().optional(),
  /** Present when the button is in a view (the Home tab, a modal). */
  view: z.object({ type: z.string() }).optional(),
});

export interface Click {
  userId: string;
  /** The clicked element's value, if it had one. */
  value?: string;
  /** Whether the clicked message was shown only to the clicker. */
  ephemeral: boolean;
  /** For opening a modal in answer to the click. */
  triggerId?: string;
  /** Where the button was: a message, the Home tab, or a modal (a new window is pushed over it). */
  surface: 'message' | 'home' | 'modal';
  /** The thread of the message the button was in, when it was a message everyone sees. */
  thread?: { channel: string; threadTs: string };
}

export function readClick(body: unknown): Click | undefined {
  const parsed = BlockActionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { data } = parsed;
  const value = data.actions[0]?.value;
  const surface = data.view?.type === 'modal' ? 'modal' : data.view?.type === 'home' ? 'home' : 'message';
  const ephemeral = data.container?.is_ephemeral === true;
  const channel = data.container?.channel_id;
  const threadTs = data.message?.thread_ts ?? data.container?.thread_ts ?? data.message?.ts ?? data.container?.message_ts;
  const thread = surface === 'message' && !ephemeral && channel && threadTs ? { thread: { channel, threadTs } } : {};
  return {
    userId: data.user.id,
    ...(value !== undefined ? { value } : {}),
    ephemeral,
    ...(data.trigger_id ? { triggerId: data.trigger_id } : {}),
    surface,
    ...thread,
  };
}
