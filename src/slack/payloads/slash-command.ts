/** What the app reads of a slash command (the rest of Slack's fields are ignored). */
import { z } from 'zod';

/** The part of a slash command the app reads. */
export const SlashCommandSchema = z.object({
  command: z.string(),
  text: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
});

/**
 * A command typed in a direct-message conversation with the app (its channel ID starts with D) is
 * part of that conversation: the DM's next follow-up (下一条) follows what it showed. Elsewhere a
 * command's answer is private to the asker and no conversation follows it.
 */
export function directConversation(channel: string): { channel: string; threadTs: string; direct: true } | undefined {
  return channel.startsWith('D') ? { channel, threadTs: channel, direct: true } : undefined;
}
