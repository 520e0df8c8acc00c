/** What the app reads of a slash command (the rest of Slack's fields are ignored). */
import { z } from 'zod';

/** The part of a slash command the app reads. */
export const SlashCommandSchema = z.object({
  command: z.string(),
  text: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
});
