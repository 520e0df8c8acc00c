/**
 * Posts the digest for a date exactly once, whatever happens around it:
 *
 * 1. A date with a recorded post is done.
 * 2. The date is claimed in the state store; a claim held by another live process means it is
 *    posting now (the scheduler firing twice, two replicas on one DATA_DIR): do nothing.
 * 3. A claim left behind by an attempt that never recorded its result (a crash between Slack
 *    accepting the post and the state being written) means: look in the channel's recent
 *    history for the digest's metadata before posting; if it is there, record it.
 * 4. Post with metadata; record the post. If Slack refuses (`not_in_channel`,
 *    `channel_not_found`, rate limited after the client's retries), log the reason, give the
 *    claim back and leave the day not done, so a later attempt posts it. If the outcome is
 *    unknown (no response), keep the claim, so the next attempt checks the channel first.
 */
import type { WebClient } from '@slack/web-api';
import type { AnswerContext } from '../../core/answer/answer-context.js';
import type { DigestConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { ActivityLog } from '../../store/activity-log.js';
import type { DigestOwner, DigestStore } from '../../store/digest-store.js';
import { renderDigest } from '../../render/blocks/digest-blocks.js';
import { BLOCK_ERRORS, slackErrorCode } from '../delivery/slack-errors.js';
import { digestContent, type DigestContent } from '../../core/digest/digest-content.js';
import { digestMetadata, isDigestFor } from '../../core/digest/digest-metadata.js';

/** History pages read when looking for an unrecorded digest (200 messages each). */
const MAX_HISTORY_PAGES = 5;
const HISTORY_PAGE = 200;
/** Look this far before the interrupted attempt started, for clock skew. */
const HISTORY_MARGIN_MS = 10 * 60 * 1000;

export type DigestOutcome =
  | { outcome: 'posted'; ts: string; issue: number }
  | { outcome: 'found-in-history'; ts: string }
  | { outcome: 'already-posted'; ts: string }
  | { outcome: 'busy' }
  | { outcome: 'failed'; error: string; retryable: boolean };

export interface DigestPosterDeps {
  client: WebClient;
  ctx: AnswerContext;
  store: DigestStore;
  activity: ActivityLog;
  config: DigestConfig & { channel: string };
  owner: DigestOwner;
  logger: Logger;
  now: () => Date;
}

/** The digest for `date` as it would be posted now (also `/plan digest` and the CLI). */
export interface DigestPreviewDeps {
  ctx: AnswerContext;
  store: DigestStore;
  activity: ActivityLog;
  config: Pick<DigestConfig, 'days' | 'size' | 'start'>;
}

/** The walk's first day: DIGEST_START, else the first digest's date, else (nothing posted yet) today. */
export function walkStart(deps: Pick<DigestPreviewDeps, 'store' | 'config'>, today: string): string {
  return deps.config.start ?? deps.store.cycleStart() ?? today;
}

export function previewDigest(deps: DigestPreviewDeps, date: string, today: string): DigestContent {
  return digestContent({
    plan: deps.ctx.plan,
    date,
    start: walkStart(deps, today),
    postedDates: deps.store.postedDates(),
    today,
    days: deps.config.days,
    size: deps.config.size,
    activityOn: (d) => deps.activity.summarise(d),
  });
}

async function findPosted(deps: DigestPosterDeps, date: string, sinceMs: number): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const result = await deps.client.conversations.history({
      channel: deps.config.channel,
      oldest: String(Math.floor((sinceMs - HISTORY_MARGIN_MS) / 1000)),
      include_all_metadata: true,
      limit: HISTORY_PAGE,
      ...(cursor ? { cursor } : {}),
    });
    const found = (result.messages ?? []).find((m) => isDigestFor((m as { metadata?: unknown }).metadata, date));
    if (found?.ts) return found.ts;
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return undefined;
  }
  return undefined;
}

/** Whether Slack answered, so the post certainly did not happen (as opposed to no answer at all). */
function slackRefused(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'slack_webapi_platform_error' || code === 'slack_webapi_rate_limited_error' || code === 'slack_webapi_http_error';
}

async function postOnce(deps: DigestPosterDeps, date: string): Promise<DigestOutcome> {
  const { store, owner, logger, config } = deps;
  const claim = store.claim(date, owner, deps.now().getTime());
  if (claim.status === 'already-posted') return { outcome: 'already-posted', ts: claim.ts };
  if (claim.status === 'busy') return { outcome: 'busy' };

  if (claim.status === 'claimed-after-interruption') {
    logger.warn({ date, previousOwner: claim.previousOwner }, 'an earlier digest attempt ended without a result; looking in the channel before posting');
    let ts: string | undefined;
    try {
      ts = await findPosted(deps, date, claim.startedAt);
    } catch (error) {
      const code = slackErrorCode(error);
      // Without knowing whether it was posted, posting again could post twice: keep the claim.
      logger.error({ err: error, error: code, date, channel: config.channel }, 'could not read the channel history to check for an unrecorded digest');
      return { outcome: 'failed', error: code, retryable: true };
    }
    if (ts) {
      store.recordPost(date, { channel: config.channel, ts, issue: 0, foundInHistory: true }, deps.now().getTime());
      logger.info({ date, ts }, 'found the digest in the channel; recorded it without posting again');
      return { outcome: 'found-in-history', ts };
    }
  }

  store.ensureCycleStart(date);
  const content = previewDigest(deps, date, date);
  const message = renderDigest(content);
  const metadata = digestMetadata(date, content.issue.number);
  const send = (blocks: boolean) =>
    deps.client.chat.postMessage({
      channel: config.channel,
      text: message.text,
      ...(blocks ? { blocks: message.blocks } : {}),
      metadata,
      unfurl_links: false,
      unfurl_media: false,
    });

  let ts: string | undefined;
  try {
    try {
      ts = (await send(true)).ts;
    } catch (error) {
      if (!BLOCK_ERRORS.has(slackErrorCode(error))) throw error;
      logger.error({ err: error, date }, 'Slack refused the digest blocks; posting it as plain text');
      ts = (await send(false)).ts;
    }
  } catch (error) {
    const code = slackErrorCode(error);
    const refused = slackRefused(error);
    if (refused) store.release(date, owner);
    logger.error({ err: error, error: code, date, channel: config.channel, refused }, 'posting the digest failed; the day stays not done');
    return { outcome: 'failed', error: code, retryable: true };
  }
  store.recordPost(date, { channel: config.channel, ts: ts ?? '', issue: content.issue.number, foundInHistory: false }, deps.now().getTime());
  return { outcome: 'posted', ts: ts ?? '', issue: content.issue.number };
}

export interface DigestPoster {
  /** Posts `date`'s digest unless it is posted or being posted; concurrent calls share one attempt. */
  post(date: string): Promise<DigestOutcome>;
  /** Resolves when no post is in progress (for a graceful stop). */
  idle(): Promise<void>;
}

export function createDigestPoster(deps: DigestPosterDeps): DigestPoster {
  const inFlight = new Map<string, Promise<DigestOutcome>>();
  return {
    post(date) {
      const running = inFlight.get(date);
      if (running) return running;
      const attempt = postOnce(deps, date).finally(() => inFlight.delete(date));
      inFlight.set(date, attempt);
      return attempt;
    },
    async idle() {
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
