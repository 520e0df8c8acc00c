/**
 * The app's durable state, behind one interface whatever the engine (SQLite under DATA_DIR by
 * default). The store keeps plain rows (strings, numbers, lists of measure numbers), never the
 * core's types: it knows nothing of answers or plans. Every method is asynchronous so that an
 * engine across the network fits the same shape as the embedded one.
 */

/** Which Slack deliveries have been handled, so a retried or redelivered one is answered once. */
export interface EventLedger {
  /** True the first time `key` is claimed, false for every repeat. */
  claim(key: string, atMs: number): Promise<boolean>;
  /** Forgets keys claimed before `beforeMs` (Slack stopped retrying them long ago). */
  prune(beforeMs: number): Promise<void>;
}

/** One question someone asked, with what its answer showed. No user ids are kept. */
export interface QuestionRow {
  /** The calendar day (YYYY-MM-DD, in the digest's time zone) and the instant. */
  date: string;
  at: number;
  surface: string;
  question: string;
  /** The answer's kind (search, lookup, area, none …). */
  kind: string;
  measures: number[];
  /** Whether the plan had an answer. */
  found: boolean;
}

export interface FeedbackRow {
  date: string;
  at: number;
  helpful: boolean;
  question: string;
  measures: number[];
}

export interface DayActivityRows {
  questions: Array<{ question: string; measures: number[]; found: boolean }>;
  feedback: { helpful: number; notHelpful: number };
}

export interface ActivityStore {
  recordQuestion(row: QuestionRow): Promise<void>;
  recordFeedback(row: FeedbackRow): Promise<void>;
  /** Questions in the order asked, and the feedback counts, of one calendar day. */
  activityOn(date: string): Promise<DayActivityRows>;
}

/** Who is posting a digest: unique to one process's lifetime (a restarted container may reuse pid 1). */
export interface DigestOwner {
  id: string;
  host: string;
  pid: number;
}

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

/**
 * The digest's durable record: when the walk through the plan started, which dates have a
 * posted digest (and where), and which dates have a post in progress. The in-progress row is
 * the lock that keeps two processes from both posting; it stays behind if the process dies
 * mid-post, which is how the next attempt knows to look in the channel before posting.
 */
export interface DigestStore {
  cycleStart(): Promise<string | undefined>;
  /** The walk's first day, set to `date` if it has none yet. */
  ensureCycleStart(date: string): Promise<string>;
  postedDates(): Promise<Set<string>>;
  claim(date: string, owner: DigestOwner, nowMs: number): Promise<ClaimResult>;
  recordPost(date: string, post: DigestPostRecord, nowMs: number): Promise<void>;
  /** Gives a claim back (the post failed), so a later attempt may try again. */
  release(date: string, owner: DigestOwner): Promise<void>;
}

/**
 * What a conversation (a thread, a DM) left for its next message, kept as the text the answering
 * layer wrote (the store does not read it), so follow-ups (下一条, 全文, 还有吗) work after a restart.
 */
export interface ThreadStore {
  get(key: string): Promise<string | undefined>;
  put(key: string, state: string, atMs: number): Promise<void>;
  /** Forgets conversations untouched since `beforeMs`. */
  prune(beforeMs: number): Promise<void>;
}

/** One delivery acknowledged to Slack that still owes an answer. */
export interface AcceptedWork {
  /** The delivery's key (`event:<event_id>`), also claimed in the {@link EventLedger}. */
  key: string;
  /** The delivery as Slack sent it (JSON text), enough to answer it again. */
  body: string;
  acceptedAt: number;
  /** The replica that owes the answer ({@link DigestOwner.id}). */
  owner: string;
}

export interface AdoptResult {
  /** Work of replicas that are gone, now owned by the adopter, oldest first. */
  adopted: AcceptedWork[];
  /** Unanswered work older than the freshness window, deleted. */
  expired: number;
}

/**
 * Work acknowledged to Slack and not yet answered. A delivery is recorded here before it is
 * acknowledged and removed once answered, so the answer survives the process that acknowledged
 * it: a later start, or another replica, adopts what a dead replica left behind.
 */
export interface WorkLedger {
  /** Claims `work.key` and records the work; false when the key was claimed before (a retry). */
  accept(work: AcceptedWork): Promise<boolean>;
  /** The answer went out (or the asker was told why not): nothing is owed any more. */
  finish(key: string): Promise<void>;
  /**
   * Takes over the work of replicas that are gone (see {@link ReplicaRegistry}) accepted at or
   * after `freshSinceMs`, and deletes unfinished work older than that.
   */
  adopt(adopter: DigestOwner, nowMs: number, freshSinceMs: number): Promise<AdoptResult>;
}

/** A replica as the registry knows it. */
export interface ReplicaRow {
  id: string;
  host: string;
  pid: number;
  /** The settings every replica must share (JSON text). */
  settings: string;
  seenAt: number;
}

/**
 * The replicas running on this state, each refreshed every {@link REPLICA_HEARTBEAT_MS}. A
 * replica not seen for {@link REPLICA_GONE_MS}, or whose process is gone from this host, is gone.
 */
export interface ReplicaRegistry {
  /**
   * Registers `me` with its settings, unless a live replica runs with other settings: those
   * replicas are returned instead (and `me` is not registered).
   */
  join(me: DigestOwner, settings: string, nowMs: number): Promise<ReplicaRow[]>;
  heartbeat(me: DigestOwner, nowMs: number): Promise<void>;
  leave(me: DigestOwner): Promise<void>;
}

/** A measure's implementation record as the coordinators keep it (one row per measure). */
export interface ProgressRow {
  measure: number;
  /** 未启动 / 推进中 / 已完成 / 受阻, as the app writes it; null until one is set. */
  status: string | null;
  lead: string[];
  participants: string[];
  /** YYYY-MM-DD, or null. */
  due: string | null;
  /** How many updates the record has had; an update is written only over the version it was computed from. */
  version: number;
  updatedAt: number;
  updatedBy: string;
}

/** One audit row: one field of one update (a progress note is the field `note`). */
export interface ProgressChangeRow {
  measure: number;
  /** The record's version the update produced. */
  version: number;
  at: number;
  /** The calendar day of `at` (YYYY-MM-DD, in the office's time zone). */
  date: string;
  author: string;
  field: string;
  before: string | null;
  after: string | null;
}

export type ProgressWriteResult =
  | { status: 'written' }
  /** The record has moved past the expected version (or exists when none was expected): nothing was written. */
  | { status: 'stale'; current: ProgressRow | undefined };

/**
 * The coordinators' record of each measure: the current row and every change to it. Rows are
 * never deleted or rewritten in place without their audit rows: {@link ProgressStore.write}
 * writes the new row and its changes in one transaction, and only over the version the update
 * was computed from.
 */
export interface ProgressStore {
  get(measure: number): Promise<ProgressRow | undefined>;
  all(): Promise<ProgressRow[]>;
  /** One measure's audit rows, oldest first. */
  history(measure: number): Promise<ProgressChangeRow[]>;
  /** Audit rows dated `from`…`to` (inclusive), oldest first. */
  changesBetween(from: string, to: string): Promise<ProgressChangeRow[]>;
  /** Every audit row, oldest first. */
  allChanges(): Promise<ProgressChangeRow[]>;
  /** The newest `note` row of each measure that has one. */
  latestNotes(): Promise<ProgressChangeRow[]>;
  /** Writes `row` (version `expectedVersion + 1`) and `changes` if the stored version is `expectedVersion` (0: no row yet). */
  write(write: { row: ProgressRow; expectedVersion: number; changes: ProgressChangeRow[] }): Promise<ProgressWriteResult>;
}

export interface StateStore {
  /** Where the state lives, for logs (a file path; never a password). */
  readonly location: string;
  readonly events: EventLedger;
  readonly activity: ActivityStore;
  readonly digest: DigestStore;
  readonly threads: ThreadStore;
  readonly work: WorkLedger;
  readonly replicas: ReplicaRegistry;
  /** Connects and brings the schema up to date (SQLite did both when the file was opened). */
  open(): Promise<void>;
  readonly progress: ProgressStore;
  close(): Promise<void>;
}

/** How often a replica says it is alive. */
export const REPLICA_HEARTBEAT_MS = 5_000;
/** A replica not heard from for this long is gone, and its accepted work is adopted. */
export const REPLICA_GONE_MS = 15_000;

/** A post in progress older than this is presumed abandoned, even if its process still runs. */
export const ATTEMPT_LEASE_MS = 10 * 60 * 1000;
