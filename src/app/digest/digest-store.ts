/**
 * The digest's durable record, as the digest use cases need it (the state store implements it):
 * when the walk through the plan started, which dates have a posted digest (and where), and which
 * dates have a post in progress. The in-progress row is the lock that keeps two processes from
 * both posting; it stays behind if the process dies mid-post, which is how the next attempt knows
 * to look in the channel before posting.
 */
import type { Replica } from '../process/replica.js';

export type ClaimResult =
  /** This process may post. */
  | { status: 'claimed' }
  /** An earlier attempt ended without a recorded result: look in the channel before posting. */
  | { status: 'claimed-after-interruption'; previousOwner: string; startedAt: number }
  | { status: 'already-posted'; channel: string; ts: string }
  /** Another live process is posting it now. */
  | { status: 'busy'; owner: string };

export interface DigestPostRecord {
  channel: string;
  ts: string;
  issue: number;
  foundInHistory: boolean;
}

export interface DigestStore {
  cycleStart(): Promise<string | undefined>;
  /** The walk's first day, set to `date` if it has none yet. */
  ensureCycleStart(date: string): Promise<string>;
  postedDates(): Promise<Set<string>>;
  claim(date: string, owner: Replica, nowMs: number): Promise<ClaimResult>;
  recordPost(date: string, post: DigestPostRecord, nowMs: number): Promise<void>;
  /** Gives a claim back (the post failed), so a later attempt may try again. */
  release(date: string, owner: Replica): Promise<void>;
}

/** A post in progress older than this is presumed abandoned, even if its process still runs. */
export const ATTEMPT_LEASE_MS = 10 * 60 * 1000;
