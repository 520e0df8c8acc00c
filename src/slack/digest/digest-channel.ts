/**
 * The coordination channel as the digest reaches it through Slack: a post with the digest's
 * metadata (its date), posted at most once (see deliverOnce), and a bounded look through the
 * channel's recent history for a digest a crashed attempt may have posted without recording it.
 */
import type { WebClient } from '@slack/web-api';
import type { DigestChannel } from '../../app/digest/post-digest.js';
import { isDigestFor } from '../../core/digest/digest-metadata.js';
import type { Logger } from '../../logger.js';
import { renderDigest } from '../../render/blocks/digest-blocks.js';
import { deliverOnce, type Lookup } from '../delivery/post-message.js';
import { slackErrorCode } from '../delivery/slack-errors.js';

/** History pages read when looking for an unrecorded digest (200 messages each). */
const MAX_HISTORY_PAGES = 5;
const HISTORY_PAGE = 200;
/** Look this far before the interrupted attempt started, for clock skew. */
const HISTORY_MARGIN_MS = 10 * 60 * 1000;

export function slackDigestChannel(client: WebClient, channel: string, logger: Logger): DigestChannel {
  async function findByDate(date: string, sinceMs: number): Promise<string | undefined> {
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
      // Posted at most once: a post whose answer never came is looked for before posting again.
      const since = Date.now();
      const find = async (): Promise<Lookup> => {
        try {
          const ts = await findByDate(metadata.event_payload.date, since);
          return ts ? { ok: true, ts } : { ok: true };
        } catch (error) {
          return { ok: false, error: slackErrorCode(error) };
        }
      };
      const posted = await deliverOnce(client, { channel, metadata }, renderDigest(content), logger, { find });
      return posted.ok ? { ok: true, ts: posted.ts } : posted;
    },
    async findPosted(date, sinceMs) {
      try {
        const ts = await findByDate(date, sinceMs);
        return ts ? { ok: true, ts } : { ok: true };
      } catch (error) {
        return { ok: false, error: slackErrorCode(error), cause: error };
      }
    },
  };
}
