/**
 * Posting a message so that nobody is left in silence, for answers and the digest alike.
 * chat.postMessage may refuse the blocks (`invalid_blocks`, `msg_blocks_too_long`): that is
 * logged as an error and the same message is sent again as its plain text. Any other failure is
 * logged with its context and reported back, saying whether Slack certainly refused it (it
 * answered with an error) or the outcome is unknown (no answer at all), so the caller can tell
 * the asker what to do, or know whether posting again could post twice.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import { BLOCK_ERRORS, slackErrorCode, slackRefused } from './slack-errors.js';

export interface PostTarget {
  channel: string;
  threadTs?: string;
  /** Slack message metadata (event_type and payload). */
  metadata?: { event_type: string; event_payload: Record<string, string | number | boolean> };
}

export type PostOutcome =
  | { ok: true; ts: string; fallback: boolean }
  /** `refused`: Slack answered with an error, so nothing was posted; otherwise the outcome is unknown. */
  | { ok: false; error: string; refused: boolean };

async function send(client: WebClient, target: PostTarget, text: string, blocks: SlackMessage['blocks'] | undefined): Promise<string> {
  const result = await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    text,
    ...(blocks && blocks.length > 0 ? { blocks } : {}),
    ...(target.metadata ? { metadata: target.metadata } : {}),
    unfurl_links: false,
    unfurl_media: false,
  });
  // The client throws on ok:false; a response without ok is a refusal all the same.
  if (!result.ok) throw Object.assign(new Error(`chat.postMessage: ${result.error ?? 'not ok'}`), { data: result, code: 'slack_webapi_platform_error' });
  return result.ts ?? '';
}

function failed(error: unknown): PostOutcome {
  return { ok: false, error: slackErrorCode(error), refused: slackRefused(error) };
}

export async function postMessage(client: WebClient, target: PostTarget, message: SlackMessage, logger: Logger): Promise<PostOutcome> {
  const where = { channel: target.channel, threadTs: target.threadTs };
  try {
    return { ok: true, ts: await send(client, target, message.text, message.blocks), fallback: false };
  } catch (error) {
    const code = slackErrorCode(error);
    if (!BLOCK_ERRORS.has(code)) {
      logger.error({ err: error, error: code, ...where }, 'chat.postMessage failed');
      return failed(error);
    }
    logger.error({ err: error, error: code, ...where, blocks: message.blocks.length }, 'Slack refused the blocks; sending plain text instead');
    try {
      return { ok: true, ts: await send(client, target, message.text, undefined), fallback: true };
    } catch (retryError) {
      logger.error({ err: retryError, error: slackErrorCode(retryError), ...where }, 'the plain-text message failed too');
      return failed(retryError);
    }
  }
}
