/**
 * Every answer is posted with Slack message metadata naming the message it answers, so a post
 * whose outcome is unknown (Slack accepted it but answered too late, or the process died before
 * recording it) can be found in its thread before anything is posted again.
 */
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Lookup } from './post-message.js';
import { slackErrorCode } from './slack-errors.js';

export const ANSWER_EVENT_TYPE = 'ipplan_answer';

const AnswerMetadataSchema = z.object({
  event_type: z.literal(ANSWER_EVENT_TYPE),
  event_payload: z.object({ answers: z.string() }),
});
export type AnswerMetadata = z.infer<typeof AnswerMetadataSchema>;

/** Thread pages read when looking for an answer (200 replies each). */
const MAX_REPLY_PAGES = 3;
const REPLY_PAGE = 200;

/** The metadata of the answer to the message `<channel>:<ts>`. */
export function answerMetadata(channel: string, messageTs: string): AnswerMetadata {
  return { event_type: ANSWER_EVENT_TYPE, event_payload: { answers: `${channel}:${messageTs}` } };
}

/** Looks through the thread for the answer `metadata` names (conversations.replies, bounded). */
export function findAnswer(client: WebClient, channel: string, threadTs: string, metadata: AnswerMetadata): () => Promise<Lookup> {
  return findInThread(client, channel, threadTs, (m) => AnswerMetadataSchema.safeParse(m).data?.event_payload.answers === metadata.event_payload.answers);
}

/** Looks through a thread for a message whose metadata `matches` (conversations.replies, bounded). */
export function findInThread(client: WebClient, channel: string, threadTs: string, matches: (metadata: unknown) => boolean): () => Promise<Lookup> {
  return async () => {
    try {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_REPLY_PAGES; page++) {
        const result = await client.conversations.replies({
          channel,
          ts: threadTs,
          include_all_metadata: true,
          limit: REPLY_PAGE,
          ...(cursor ? { cursor } : {}),
        });
        const found = (result.messages ?? []).find((m) => matches('metadata' in m ? m.metadata : undefined));
        if (found?.ts) return { ok: true, ts: found.ts };
        cursor = result.response_metadata?.next_cursor || undefined;
        if (!result.has_more || !cursor) return { ok: true };
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, error: slackErrorCode(error) };
    }
  };
}
