/**
 * Posting a message so that nobody is left in silence, and nothing is posted twice, for answers
 * and the digest alike.
 *
 * 1. chat.postMessage may refuse the blocks (`invalid_blocks`, `msg_blocks_too_long`): that is
 *    logged as an error and the same message is sent again as its plain text.
 * 2. Any other failure is reported back saying whether Slack certainly refused it (it answered
 *    with an error: nothing was posted) or the outcome is unknown (no answer in time, the
 *    connection lost): Slack may have accepted it.
 * 3. A timeout is not a refusal, so a post is never sent again blindly. {@link deliverOnce} puts
 *    the delivery's identity in the message's metadata and, when the outcome is unknown (or the
 *    delivery is replayed after a restart), looks for it where it would be before posting again,
 *    at most {@link MAX_POST_ATTEMPTS} times. When it cannot look, it does not post again.
 *
 * The Web API client itself never retries (see slack/bolt/app.ts): this is the one retry policy
 * for posts.
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

/** Posts of one delivery at most, lookups between them included. */
export const MAX_POST_ATTEMPTS = 3;
/** Waits before posting again after an unknown outcome (a quarter second, then half a second). */
const RETRY_DELAYS_MS = [250, 500] as const;

/** Whether a delivery is already where it would be: its ts if found, or why it could not be looked for. */
export type Lookup = { ok: true; ts?: string } | { ok: false; error: string };

export interface DeliveryOptions {
  /** Looks for the delivery's message (by the identity in its metadata) in the channel or thread. */
  find: () => Promise<Lookup>;
  /** Look before the first post too: a delivery replayed after a restart may have been posted. */
  lookFirst?: boolean;
  /** Waits between attempts (tests pass one that does not sleep). */
  wait?: (ms: number) => Promise<void>;
}

export type DeliveryOutcome = PostOutcome & {
  /** Found already posted (by an earlier attempt or an earlier life of the process), not posted now. */
  found?: boolean;
  attempts: number;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One delivery, once: see the opening comment (3). */
export async function deliverOnce(
  client: WebClient,
  target: PostTarget,
  message: SlackMessage,
  logger: Logger,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const { find, wait = sleep } = options;
  const where = { channel: target.channel, threadTs: target.threadTs };
  const lookedUp = async (): Promise<DeliveryOutcome | 'absent' | 'unknown'> => {
    const found = await find().catch((error: unknown): Lookup => ({ ok: false, error: slackErrorCode(error) }));
    if (!found.ok) {
      logger.error({ ...where, error: found.error }, 'could not look for a post whose outcome is unknown; not posting again');
      return 'unknown';
    }
    return found.ts ? { ok: true, ts: found.ts, fallback: false, found: true, attempts: 0 } : 'absent';
  };
  if (options.lookFirst) {
    const earlier = await lookedUp();
    if (earlier === 'unknown') return { ok: false, error: 'unknown_outcome', refused: false, attempts: 0 };
    if (earlier !== 'absent') return earlier;
  }
  let last: PostOutcome = { ok: false, error: 'unknown_outcome', refused: false };
  for (let attempt = 1; attempt <= MAX_POST_ATTEMPTS; attempt++) {
    last = await postMessage(client, target, message, logger);
    if (last.ok || last.refused) return { ...last, attempts: attempt };
    if (attempt === MAX_POST_ATTEMPTS) break;
    await wait(RETRY_DELAYS_MS[Math.min(attempt - 1, RETRY_DELAYS_MS.length - 1)] ?? 0);
    const earlier = await lookedUp();
    if (earlier === 'unknown') return { ...last, attempts: attempt };
    if (earlier !== 'absent') {
      logger.warn({ ...where, attempts: attempt }, 'a post whose answer never came had gone through; not posting again');
      return { ...earlier, attempts: attempt };
    }
  }
  return { ...last, attempts: MAX_POST_ATTEMPTS };
}
