/**
 * Posting an answer so that nobody is left in silence. chat.postMessage may refuse the blocks
 * (`ok: false`, `invalid_blocks`, `msg_blocks_too_long`): that is logged as an error and the
 * answer is sent again as plain text. Any other refusal is logged with its context and
 * reported back, so the caller can tell the asker what to do.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import { BLOCK_ERRORS, slackErrorCode } from './slack-errors.js';

export interface ReplyTarget {
  channel: string;
  threadTs?: string;
}

export type PostOutcome = { ok: true; ts: string; fallback: boolean } | { ok: false; error: string };

async function post(client: WebClient, target: ReplyTarget, message: Partial<SlackMessage> & { text: string }): Promise<string> {
  const result = await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    text: message.text,
    ...(message.blocks && message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    unfurl_links: false,
    unfurl_media: false,
  });
  // The client throws on ok:false; a response without ok is a refusal all the same.
  if (!result.ok) throw Object.assign(new Error(`chat.postMessage: ${result.error ?? 'not ok'}`), { data: result });
  return result.ts ?? '';
}

export async function postReply(client: WebClient, target: ReplyTarget, message: SlackMessage, logger: Logger): Promise<PostOutcome> {
  try {
    return { ok: true, ts: await post(client, target, message), fallback: false };
  } catch (error) {
    const code = slackErrorCode(error);
    if (!BLOCK_ERRORS.has(code)) {
      logger.error({ err: error, error: code, channel: target.channel, threadTs: target.threadTs }, 'chat.postMessage failed');
      return { ok: false, error: code };
    }
    logger.error({ err: error, error: code, channel: target.channel, blocks: message.blocks.length }, 'Slack refused the answer blocks; sending plain text instead');
    try {
      return { ok: true, ts: await post(client, target, { text: message.text }), fallback: true };
    } catch (retryError) {
      const retryCode = slackErrorCode(retryError);
      logger.error({ err: retryError, error: retryCode, channel: target.channel }, 'plain-text answer failed too');
      return { ok: false, error: retryCode };
    }
  }
}
