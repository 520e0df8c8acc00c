/**
 * Posts the digest for a date exactly once, whatever happens around it:
 *
 * 1. A date with a recorded post is done.
 * 2. The date is claimed in the state store; a claim held by another live process means it is
 *    posting now (the scheduler firing twice, two replicas on one state): do nothing.
 * 3. A claim left behind by an attempt that never recorded its result (a crash between Slack
 *    accepting the post and the state being written) means: look in the channel's recent
 *    history for the digest's metadata before posting; if it is there, record it.
 * 4. Post with metadata; record the post. If the channel refuses (`not_in_channel`,
 *    `channel_not_found`, rate limited after the client's retries), log the reason, give the
 *    claim back and leave the day not done, so a later attempt posts it. If the outcome is
 *    unknown (no response), keep the claim, so the next attempt checks the channel first.
 */
import { digestMetadata, type DigestMetadata } from '../../core/digest/digest-metadata.js';
import type { DigestContent } from '../../core/digest/digest-content.js';
import type { Logger } from '../../logger.js';
import { NO_METRICS, type Metrics } from '../process/metrics.js';
import type { OfficeClock } from '../process/office-clock.js';
import type { Replica } from '../process/replica.js';
import type { Digests } from './digests.js';
import type { DigestStore } from './digest-store.js';

/** How a post went: `refused` means the channel answered with an error, so nothing was posted; otherwise the outcome is unknown. */
export type ChannelPost = { ok: true; ts: string } | { ok: false; error: string; refused: boolean };

/** What the channel's history said: the digest's ts if it is there, or why it could not be read. */
export type HistoryLookup = { ok: true; ts?: string } | { ok: false; error: string; cause: unknown };

/** The coordination channel, as the digest reaches it (the Slack side implements it). */
export interface DigestChannel {
  /** The channel's id, for the record and the log. */
  readonly id: string;
  post(content: DigestContent, metadata: DigestMetadata): Promise<ChannelPost>;
  /** A digest for `date` posted since `sinceMs`, if the channel's recent history has one. */
  findPosted(date: string, sinceMs: number): Promise<HistoryLookup>;
}

export type DigestOutcome =
  | { outcome: 'posted'; ts: string; issue: number }
  | { outcome: 'found-in-history'; ts: string }
  | { outcome: 'already-posted'; ts: string }
  | { outcome: 'busy' }
  | { outcome: 'failed'; error: string; retryable: boolean };

export interface DigestPosterDeps {
  channel: DigestChannel;
  digests: Digests;
  store: DigestStore;
  owner: Replica;
  logger: Logger;
  clock: OfficeClock;
  /** Where each attempt's outcome is counted (nowhere by default). */
  metrics?: Metrics;
}

async function postOnce(deps: DigestPosterDeps, date: string): Promise<DigestOutcome> {
  const { store, owner, logger, channel } = deps;
  const nowMs = () => deps.clock.now().getTime();
  const claim = await store.claim(date, owner, nowMs());
  if (claim.status === 'already-posted') return { outcome: 'already-posted', ts: claim.ts };
  if (claim.status === 'busy') return { outcome: 'busy' };

  if (claim.status === 'claimed-after-interruption') {
    logger.warn({ date, previousOwner: claim.previousOwner }, 'an earlier digest attempt ended without a result; looking in the channel before posting');
    const found = await channel.findPosted(date, claim.startedAt);
    if (!found.ok) {
      // Without knowing whether it was posted, posting again could post twice: keep the claim.
      logger.error({ err: found.cause, error: found.error, date, channel: channel.id }, 'could not read the channel history to check for an unrecorded digest');
      return { outcome: 'failed', error: found.error, retryable: true };
    }
    const { ts } = found;
    if (ts) {
      await store.recordPost(date, { channel: channel.id, ts, issue: 0, foundInHistory: true }, nowMs());
      logger.info({ date, ts }, 'found the digest in the channel; recorded it without posting again');
      return { outcome: 'found-in-history', ts };
    }
  }

  await store.ensureCycleStart(date);
  const content = await deps.digests.toPost(date);
  const posted = await channel.post(content, digestMetadata(date, content.issue.number));
  if (!posted.ok) {
    // Refused: certainly not posted, so a later attempt may post. Unknown: keep the claim, so the
    // next attempt looks in the channel first.
    if (posted.refused) await store.release(date, owner);
    logger.error({ error: posted.error, date, channel: channel.id, refused: posted.refused }, 'posting the digest failed; the day stays not done');
    return { outcome: 'failed', error: posted.error, retryable: true };
  }
  await store.recordPost(date, { channel: channel.id, ts: posted.ts, issue: content.issue.number, foundInHistory: false }, nowMs());
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
  const metrics = deps.metrics ?? NO_METRICS;
  return {
    post(date) {
      const running = inFlight.get(date);
      if (running) return running;
      const attempt = postOnce(deps, date)
        .then(
          (outcome) => {
            metrics.digestPosted(outcome.outcome);
            return outcome;
          },
          (error: unknown) => {
            metrics.digestPosted('error');
            throw error;
          },
        )
        .finally(() => inFlight.delete(date));
      inFlight.set(date, attempt);
      return attempt;
    },
    async idle() {
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
