/**
 * How long the state keeps each kind of row, and why: the one place that decides it
 * (docs/retention.md says the same for operators). The service's upkeep
 * (service/state-upkeep.ts) deletes what is older at start-up and every hour while it runs, so
 * the state stays the size of its retention windows however long the service runs.
 *
 * | rows                      | table              | kept                        | why |
 * | ------------------------- | ------------------ | --------------------------- | --- |
 * | delivery claims           | processed_events   | 24 hours                    | Slack retries a delivery for minutes and stops within hours; a claim only has to outlive the retries |
 * | accepted work             | accepted_work      | 24 hours                    | deleted once answered; unanswered work older than 10 minutes is never answered (FRESH_WORK_MS), so a day is ample; never older than its delivery claim |
 * | conversations             | threads            | 30 days (THREAD_MEMORY_MS)  | 下一条 / 全文 / 还有吗 in a thread untouched for a month start afresh |
 * | questions and feedback    | questions, feedback| 90 days, by calendar day    | the digest reads the days since the previous posting day: yesterday, after a weekend three days, after the longest holidays (Spring Festival, National Day) about ten; 90 days leaves room for a preview of a past date and an operator's look back over a quarter |
 * | digest attempts           | digest_attempts    | 7 days after they started   | an attempt only matters on its own date (the scheduler retries the same day only, and a catch-up posts today's digest only); a week covers any restart |
 * | replicas                  | replicas           | 24 hours after last heard   | a live replica says it is alive every 5 seconds and is gone after 15; older rows are replicas killed long ago |
 * | digest posts, walk start  | digest_posts, digest_cycle | always              | the issue number counts every posted date since the walk began (core/digest/digest-issue.ts); one row per posting day |
 * | progress records, history | progress, progress_changes | always              | the coordinators' record and its audit trail: the dashboard, the digest and exports read it |
 * | the help desk             | escalations, escalation_replies, standard_answers, standard_answer_versions, answer_channels | always | the office's answers and their history; an escalation's id names its posts in Slack, a standard answer's every version is kept |
 */
import { THREAD_MEMORY_MS } from '../app/answers/thread-memory.js';
import { PRUNE_BATCH, type PruneBefore, type PruneCounts } from './state-store.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const RETENTION = {
  deliveriesMs: DAY_MS,
  /** The same as the delivery claims: accepting work claims its delivery, and the work never outlives the claim. */
  acceptedWorkMs: DAY_MS,
  conversationsMs: THREAD_MEMORY_MS,
  activityDays: 90,
  digestAttemptsMs: 7 * DAY_MS,
  replicasMs: DAY_MS,
} as const;

/** The calendar day (UTC) of an instant; within a day of the office's, which a 90-day window absorbs. */
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** What the retention above lets go of at `nowMs`: rows older than these go. */
export function pruneBefore(nowMs: number): PruneBefore {
  return {
    deliveries: nowMs - RETENTION.deliveriesMs,
    acceptedWork: nowMs - RETENTION.acceptedWorkMs,
    conversations: nowMs - RETENTION.conversationsMs,
    activity: dayOf(nowMs - RETENTION.activityDays * DAY_MS),
    digestAttempts: nowMs - RETENTION.digestAttemptsMs,
    replicas: nowMs - RETENTION.replicasMs,
  };
}

/** Which column of which table each cut-off applies to, the same on every engine (both keep the same tables). */
export const PRUNED_ROWS: ReadonlyArray<{ count: keyof PruneCounts; table: string; column: string; before: (cut: PruneBefore) => number | string }> = [
  { count: 'deliveries', table: 'processed_events', column: 'at', before: (cut) => cut.deliveries },
  { count: 'acceptedWork', table: 'accepted_work', column: 'accepted_at', before: (cut) => cut.acceptedWork },
  { count: 'conversations', table: 'threads', column: 'updated_at', before: (cut) => cut.conversations },
  { count: 'questions', table: 'questions', column: 'date', before: (cut) => cut.activity },
  { count: 'feedback', table: 'feedback', column: 'date', before: (cut) => cut.activity },
  { count: 'digestAttempts', table: 'digest_attempts', column: 'started_at', before: (cut) => cut.digestAttempts },
  { count: 'replicas', table: 'replicas', column: 'seen_at', before: (cut) => cut.replicas },
];

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Deletes a table's old rows a batch at a time: `deleteBatch(limit)` deletes at most `limit` rows
 * and says how many it did. Between batches, other work gets its turn (SQLite's calls block the
 * event loop while they run). Returns how many rows went.
 */
async function pruneInBatches(deleteBatch: (limit: number) => Promise<number> | number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(PRUNE_BATCH);
    total += deleted;
    if (deleted < PRUNE_BATCH) return total;
    await yieldToOthers();
  }
}

/** Prunes every table in {@link PRUNED_ROWS} with `deleteBatch` (one engine's delete statement). */
export async function pruneTables(
  cut: PruneBefore,
  deleteBatch: (rows: (typeof PRUNED_ROWS)[number], before: number | string, limit: number) => Promise<number> | number,
): Promise<PruneCounts> {
  const counts: PruneCounts = { deliveries: 0, acceptedWork: 0, conversations: 0, questions: 0, feedback: 0, digestAttempts: 0, replicas: 0 };
  for (const rows of PRUNED_ROWS) counts[rows.count] = await pruneInBatches((limit) => deleteBatch(rows, rows.before(cut), limit));
  return counts;
}
