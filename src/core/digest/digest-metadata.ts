/**
 * Every digest is posted with Slack message metadata naming it and its date, so a digest that
 * Slack accepted but this app never recorded (a crash in between) can be found in the channel.
 */
import { z } from 'zod';

export const DIGEST_EVENT_TYPE = 'ipplan_daily_digest';

export const DigestMetadataSchema = z.object({
  event_type: z.literal(DIGEST_EVENT_TYPE),
  event_payload: z.object({ date: z.string(), issue: z.number() }),
});

export type DigestMetadata = z.infer<typeof DigestMetadataSchema>;

export function digestMetadata(date: string, issue: number): DigestMetadata {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { date, issue } };
}

export function isDigestFor(metadata: unknown, date: string): boolean {
  const parsed = DigestMetadataSchema.safeParse(metadata);
  return parsed.success && parsed.data.event_payload.date === date;
}
