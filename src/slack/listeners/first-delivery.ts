/**
 * One message, one answer: a message can arrive as two events (an @mention in a DM thread is an
 * `app_mention` and a `message`), so listeners claim the message itself (`message:<channel>:<ts>`)
 * before answering it. Deliveries as such (`event_id`, `trigger_id`) are deduplicated at the front
 * door (intake/admit-deliveries.ts). Work replayed from the ledger after a crash was claimed by
 * the process that died: it is answered without claiming again.
 */
import type { Context } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDeps } from '../deps.js';

const ReplayedSchema = z.object({ replayed: z.literal(true) });

export async function firstDelivery(deps: SlackDeps, context: Context, key: string): Promise<boolean> {
  if (ReplayedSchema.safeParse(context).success) return true;
  return deps.events.claim(key, deps.now().getTime());
}
