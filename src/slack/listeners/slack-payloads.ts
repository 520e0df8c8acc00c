/**
 * What the listeners read from Slack's payloads, parsed with zod rather than cast: a payload is
 * input like any other, and one that lacks what a listener needs is ignored, not trusted. Bolt's
 * own types describe what Slack should send; these describe what this app relies on.
 */
import type { RespondFn } from '@slack/bolt';
import { z } from 'zod';
import type { SlackMessage } from '../../render/blocks/slack-message.js';

/** A click on a button or a feedback button (`block_actions`). */
const BlockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ value: z.string().optional() })).min(1),
  container: z.object({ is_ephemeral: z.boolean().optional() }).optional(),
});

export interface Click {
  userId: string;
  /** The clicked element's value, if it had one. */
  value?: string;
  /** Whether the clicked message was shown only to the clicker. */
  ephemeral: boolean;
}

export function readClick(body: unknown): Click | undefined {
  const parsed = BlockActionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const value = parsed.data.actions[0]?.value;
  return { userId: parsed.data.user.id, ...(value !== undefined ? { value } : {}), ephemeral: parsed.data.container?.is_ephemeral === true };
}

/** The part of a slash command the app reads. */
export const SlashCommandSchema = z.object({
  command: z.string(),
  text: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
});

/** A message or mention event, as far as answering it goes. */
export const MessageEventSchema = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/** An answer shown only to the person who asked, as it goes in a slash command's acknowledgement. */
export type PrivateReply = { response_type: 'ephemeral'; text: string; blocks?: SlackMessage['blocks'] };

export function privateReply(message: SlackMessage | string): PrivateReply {
  return typeof message === 'string' ? { response_type: 'ephemeral', text: message } : { response_type: 'ephemeral', ...message };
}

/** How a listener tells the person it is serving something only they see. */
export function privately(respond: RespondFn): (text: string) => Promise<unknown> {
  return (text) => respond({ response_type: 'ephemeral', replace_original: false, text });
}
