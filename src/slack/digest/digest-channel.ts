/**
 * The coordination channel as the digest reaches it through Slack: a post with the digest's
 * metadata (its date), and a bounded look through the channel's recent history for a digest a
 * crashed attempt may have posted without recording it.
 */
import type { WebClient } from '@slack/web-api';
import type { DigestChannel } from '../../app/digest/post-digest.js';
import { isDigestFor } from '../../core/digest/digest-metadata.js';
import type { Logger } from '../../logger.js';
import { renderDigest } from '../../render/blocks/digest-blocks.js';
import { postMessage } from '../delivery/post-message.js';
import { slackErrorCode } from '../delivery/slack-errors.js';

/** History pages read when looking for an unrecorded digest (200 messages each). */
const MAX_HISTORY_PAGES = 5;
const HISTORY_PAGE = 200;
/** Look this far before the interrupted attempt started, for clock skew. */
const HISTORY_MARGIN_MS = 10 * 60 * 1000;

export function slackDigestChannel(client: WebClient, channel: string, logger: Logger): DigestChannel {
  async function find(date: string, sinceMs: number): Promise<string | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const result = await client.conversations.history({
        channel,
        oldest: String(Math.floor((sinceMs - HISTORY_MARGIN_MS) / 1000)),
        include_all_metadata: true,
        limit: HISTORY_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      const found = (result.messages ?? []).find((m) => isDigestFor('metadata' in m ? m.metadata : undefined, date));
      if (found?.ts) return found.ts;
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!result.has_more || !cursor) return undefined;
    }
    return undefined;
  }

  return {
    id: channel,
    async post(content, metadata) {
      const posted = await postMessage(client, { channel, metadata }, renderDigest(content), logger);
      return posted.ok ? { ok: true, ts: posted.ts } : posted;
    },
    async findPosted(date, sinceMs) {
      try {
        const ts = await find(date, sinceMs);
        return ts ? { ok: true, ts } : { ok: true };
      } catch (error) {
        return { ok: false, error: slackErrorCode(error), cause: error };
      }
    },
  };
}
