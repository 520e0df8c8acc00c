/**
 * Every post of the help desk carries Slack message metadata naming what it is and for which
 * escalation (and reply): `office:3` (the escalation in the office's channel), `told:3` (the
 * asker told), `relay:3:<reply ts>` (the office's reply relayed), `offer:3:<reply ts>` (存为标准答复
 * offered). A post whose outcome was never recorded is looked for by it before it is posted again.
 */
import { z } from 'zod';

export const HELP_DESK_EVENT_TYPE = 'ipplan_help_desk';

const HelpDeskMetadataSchema = z.object({
  event_type: z.literal(HELP_DESK_EVENT_TYPE),
  event_payload: z.object({ post: z.string() }),
});
export type HelpDeskMetadata = z.infer<typeof HelpDeskMetadataSchema>;

export type HelpDeskPost = { kind: 'office' | 'told'; escalation: number } | { kind: 'relay' | 'offer'; escalation: number; reply: string };

export function postIdentity(post: HelpDeskPost): string {
  return 'reply' in post ? `${post.kind}:${post.escalation}:${post.reply}` : `${post.kind}:${post.escalation}`;
}

export function helpDeskMetadata(post: HelpDeskPost): HelpDeskMetadata {
  return { event_type: HELP_DESK_EVENT_TYPE, event_payload: { post: postIdentity(post) } };
}

/** Whether a message's metadata names `post`. */
export function isPost(metadata: unknown, post: HelpDeskPost): boolean {
  return HelpDeskMetadataSchema.safeParse(metadata).data?.event_payload.post === postIdentity(post);
}
