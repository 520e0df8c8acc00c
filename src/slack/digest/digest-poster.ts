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
import { isDigestFor, digestMetadata } from '../../core/digest/digest-metadata.js';
import { previewDigest, type DigestHistory, type DigestSettings } from '../../core/digest/digest-preview.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import type { Logger } from '../../logger.js';
import { renderDigest } from '../../render/blocks/digest-blocks.js';
import type { DigestOwner, DigestStore } from '../../store/state-store.js';
import { postMessage } from '../delivery/post-message.js';
import { slackErrorCode } from '../delivery/slack-errors.js';

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
  plan: Plan;
  store: DigestStore;
  history: DigestHistory;
  settings: DigestSettings & { channel: string };
  owner: DigestOwner;
  logger: Logger;
  now: () => Date;
}

async function findPosted(deps: DigestPosterDeps, date: string, sinceMs: number): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const result = await deps.client.conversations.history({
      channel: deps.settings.channel,
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

async function postOnce(deps: DigestPosterDeps, date: string): Promise<DigestOutcome> {
  const { store, owner, logger, settings } = deps;
  const claim = await store.claim(date, owner, deps.now().getTime());
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
      logger.error({ err: error, error: code, date, channel: settings.channel }, 'could not read the channel history to check for an unrecorded digest');
      return { outcome: 'failed', error: code, retryable: true };
    }
    if (ts) {
      await store.recordPost(date, { channel: settings.channel, ts, issue: 0, foundInHistory: true }, deps.now().getTime());
      logger.info({ date, ts }, 'found the digest in the channel; recorded it without posting again');
      return { outcome: 'found-in-history', ts };
    }
  }

  await store.ensureCycleStart(date);
  const content = await previewDigest(deps.plan, deps.history, settings, date, date);
  const metadata = digestMetadata(date, content.issue.number);
  const posted = await postMessage(deps.client, { channel: settings.channel, metadata }, renderDigest(content), logger);
  if (!posted.ok) {
    // Refused: certainly not posted, so a later attempt may post. Unknown: keep the claim, so the
    // next attempt looks in the channel first.
    if (posted.refused) await store.release(date, owner);
    logger.error({ error: posted.error, date, channel: settings.channel, refused: posted.refused }, 'posting the digest failed; the day stays not done');
    return { outcome: 'failed', error: posted.error, retryable: true };
  }
  await store.recordPost(date, { channel: settings.channel, ts: posted.ts, issue: content.issue.number, foundInHistory: false }, deps.now().getTime());
  return { outcome: 'posted', ts: posted.ts, issue: content.issue.number };
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
