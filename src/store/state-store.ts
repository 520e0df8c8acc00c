/**
 * The app's durable state, behind one interface whatever the engine (SQLite under DATA_DIR by
 * default). It implements the ports the application declares (activity, conversations, the
 * digest's record) and the core's (the implementation record), and offers the intake its own
 * ledgers (deliveries handled, work owed, the replicas). It keeps plain rows (strings, numbers,
 * lists of measure numbers): it knows nothing of answers or plans. Every method is asynchronous
 * so that an engine across the network fits the same shape as the embedded one.
 */
import type { ActivityLog } from '../app/answers/activity-log.js';
import type { ThreadStore } from '../app/answers/thread-memory.js';
import type { DigestStore } from '../app/digest/digest-store.js';
import type { SnapshotRestore } from '../core/backup/state-snapshot.js';
import type { HelpDeskState } from '../app/help-desk/help-desk-store.js';
import type { Replica } from '../app/process/replica.js';
import type { ProgressLedgers } from '../core/progress/progress-ledger.js';

/** Which Slack deliveries have been handled, so a retried or redelivered one is answered once. */
export interface EventLedger {
  /** True the first time `key` is claimed, false for every repeat. */
  claim(key: string, atMs: number): Promise<boolean>;
}

/** One delivery acknowledged to Slack that still owes an answer. */
export interface AcceptedWork {
  /** The delivery's key (`event:<event_id>`), also claimed in the {@link EventLedger}. */
  key: string;
  /** The delivery as Slack sent it (JSON text), enough to answer it again. */
  body: string;
  acceptedAt: number;
  /** The replica that owes the answer ({@link Replica.id}). */
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
  adopt(adopter: Replica, nowMs: number, freshSinceMs: number): Promise<AdoptResult>;
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
  join(me: Replica, settings: string, nowMs: number): Promise<ReplicaRow[]>;
  heartbeat(me: Replica, nowMs: number): Promise<void>;
  leave(me: Replica): Promise<void>;
}

export interface StateStore {
  /** Where the state lives, for logs (a file path; never a password). */
  readonly location: string;
  readonly events: EventLedger;
  readonly activity: ActivityLog;
  readonly digest: DigestStore;
  readonly threads: ThreadStore;
  readonly work: WorkLedger;
  readonly replicas: ReplicaRegistry;
  /** Connects and brings the schema up to date (SQLite did both when the file was opened). */
  open(): Promise<void>;
  readonly progress: ProgressLedgers;
  /** Escalations, standard answers and answer channels. */
  readonly helpDesk: HelpDeskState;
  /** Restores a backup (`progress import`) in one transaction. */
  readonly backup: SnapshotRestore;
  /**
   * Deletes the rows older than the cut-offs (retention.ts says how old, and why), a batch of
   * {@link PRUNE_BATCH} rows at a time so other work goes on between batches; returns how many
   * went. The digest's posts and the progress record are never pruned.
   */
  prune(before: PruneBefore): Promise<PruneCounts>;
  /**
   * Why the state can no longer be written durably by this process, looked at anew on each call;
   * undefined while all is well. SQLite: its file or write-ahead log deleted or replaced under
   * the open connection (sqlite/state-file-watch.ts); the store then refuses the writes it would
   * confirm (progress updates, the digest's record) until the process restarts. PostgreSQL keeps
   * its own files: never.
   */
  fault(): StoreFault | undefined;
  close(): Promise<void>;
}

/** The state cannot be written durably any more, and what was done to save what it held. */
export interface StoreFault {
  reason: string;
  rescue: string;
}

/** Rows older than these go: instants in ms, and for activity a calendar day (YYYY-MM-DD). */
export interface PruneBefore {
  /** Delivery claims ({@link EventLedger}) made before this. */
  deliveries: number;
  /** Accepted work ({@link WorkLedger}) accepted before this, answered or not. */
  acceptedWork: number;
  /** Conversations last touched before this. */
  conversations: number;
  /** Questions and feedback of days before this one. */
  activity: string;
  /** Digest attempts (claims without a recorded post) started before this. */
  digestAttempts: number;
  /** Replicas last heard from before this. */
  replicas: number;
}

/** How many rows a prune deleted, by kind. */
export interface PruneCounts {
  deliveries: number;
  acceptedWork: number;
  conversations: number;
  questions: number;
  feedback: number;
  digestAttempts: number;
  replicas: number;
}

/** Rows deleted per statement when pruning: a few milliseconds of work between chances for answers to run. */
export const PRUNE_BATCH = 1000;

/** How often a replica says it is alive. */
export const REPLICA_HEARTBEAT_MS = 5_000;
/** A replica not heard from for this long is gone, and its accepted work is adopted. */
export const REPLICA_GONE_MS = 15_000;
