/**
 * The digest's durable record: when the walk through the plan started, which dates have a posted
 * digest (and where), and which dates have a post in progress. The in-progress row is the lock
 * that keeps two processes sharing one DATA_DIR from both posting: it is taken in an IMMEDIATE
 * transaction (SQLite serialises those across processes), and it stays behind if the process
 * dies mid-post, which is how the next attempt knows to look in the channel before posting.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { StateDatabase } from './state-store.js';

/** A post in progress older than this is presumed abandoned, even if its process still runs. */
export const ATTEMPT_LEASE_MS = 10 * 60 * 1000;

/** Who is posting: unique to this process's lifetime (a restarted container may reuse pid 1). */
export interface DigestOwner {
  id: string;
  host: string;
  pid: number;
}

export function processOwner(): DigestOwner {
  return { id: `${hostname()}:${process.pid}:${randomUUID()}`, host: hostname(), pid: process.pid };
}

export type ClaimResult =
  /** This process may post. */
  | { status: 'claimed' }
  /** An earlier attempt ended without a recorded result: look in the channel before posting. */
  | { status: 'claimed-after-interruption'; previousOwner: string; startedAt: number }
  | { status: 'already-posted'; channel: string; ts: string }
  /** Another live process is posting it now. */
  | { status: 'busy'; owner: string };

export interface DigestStore {
  cycleStart(): string | undefined;
  /** The walk's first day, set to `date` if it has none yet. */
  ensureCycleStart(date: string): string;
  postedDates(): Set<string>;
  claim(date: string, owner: DigestOwner, nowMs: number): ClaimResult;
  recordPost(date: string, post: { channel: string; ts: string; issue: number; foundInHistory: boolean }, nowMs: number): void;
  /** Gives a claim back (the post failed), so a later attempt may try again. */
  release(date: string, owner: DigestOwner): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface AttemptRow {
  owner: string;
  host: string;
  pid: number;
  started_at: number;
}

export function createDigestStore(db: StateDatabase, isProcessAlive: (pid: number) => boolean = isAlive): DigestStore {
  const getStart = db.prepare<[], { start_date: string }>('SELECT start_date FROM digest_cycle WHERE id = 1');
  const setStart = db.prepare('INSERT OR IGNORE INTO digest_cycle (id, start_date) VALUES (1, ?)');
  const getPost = db.prepare<[string], { channel: string; ts: string }>('SELECT channel, ts FROM digest_posts WHERE date = ?');
  const allPosts = db.prepare<[], { date: string }>('SELECT date FROM digest_posts');
  const getAttempt = db.prepare<[string], AttemptRow>('SELECT owner, host, pid, started_at FROM digest_attempts WHERE date = ?');
  const putAttempt = db.prepare('INSERT OR REPLACE INTO digest_attempts (date, owner, host, pid, started_at) VALUES (?, ?, ?, ?, ?)');
  const dropAttempt = db.prepare('DELETE FROM digest_attempts WHERE date = ? AND owner = ?');
  const dropAnyAttempt = db.prepare('DELETE FROM digest_attempts WHERE date = ?');
  const putPost = db.prepare('INSERT OR IGNORE INTO digest_posts (date, channel, ts, issue, posted_at, found_in_history) VALUES (?, ?, ?, ?, ?, ?)');

  /** Whether the attempt's process may still be posting. */
  function stillRunning(attempt: AttemptRow, owner: DigestOwner, nowMs: number): boolean {
    if (nowMs - attempt.started_at >= ATTEMPT_LEASE_MS) return false;
    if (attempt.host !== owner.host) return true; // another machine: only the lease can tell
    if (attempt.pid === owner.pid) return false; // an earlier life of this pid
    return isProcessAlive(attempt.pid);
  }

  const claimTx = db.transaction((date: string, owner: DigestOwner, nowMs: number): ClaimResult => {
    const post = getPost.get(date);
    if (post) return { status: 'already-posted', channel: post.channel, ts: post.ts };
    const attempt = getAttempt.get(date);
    // This process's own leftover claim (an attempt whose outcome stayed unknown) is retaken: the
    // caller makes sure it runs one attempt per date at a time.
    if (attempt && attempt.owner !== owner.id && stillRunning(attempt, owner, nowMs)) return { status: 'busy', owner: attempt.owner };
    putAttempt.run(date, owner.id, owner.host, owner.pid, nowMs);
    return attempt ? { status: 'claimed-after-interruption', previousOwner: attempt.owner, startedAt: attempt.started_at } : { status: 'claimed' };
  });

  return {
    cycleStart: () => getStart.get()?.start_date,
    ensureCycleStart(date) {
      setStart.run(date);
      return (getStart.get() as { start_date: string }).start_date;
    },
    postedDates: () => new Set(allPosts.all().map((r) => r.date)),
    claim: (date, owner, nowMs) => claimTx.immediate(date, owner, nowMs),
    recordPost(date, post, nowMs) {
      db.transaction(() => {
        putPost.run(date, post.channel, post.ts, post.issue, nowMs, post.foundInHistory ? 1 : 0);
        dropAnyAttempt.run(date);
      }).immediate();
    },
    release(date, owner) {
      dropAttempt.run(date, owner.id);
    },
  };
}
