/**
 * The port through which the coordinators' record is kept: plain rows, as any engine stores them,
 * one record a plan (a measure is a measure of one year's plan). The core declares it (a book a
 * plan reads and writes through it); the state store implements it.
 */

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
  /** The calendar day of `at` (YYYY-MM-DD, in the office's time zone): what the digest asks by. */
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

/** The records of every plan: each plan's ledger, and which plans have any record. */
export interface ProgressLedgers {
  forPlan(plan: string): ProgressLedger;
  /** The plans with at least one record or change, in id order. */
  plans(): Promise<string[]>;
}

/**
 * The record of each measure of one plan: the current row and every change to it. Rows are never rewritten
 * without their audit rows: {@link ProgressLedger.write} writes the new row and its changes in
 * one transaction, and only over the version the update was computed from.
 */
export interface ProgressLedger {
  get(measure: number): Promise<ProgressRow | undefined>;
  all(): Promise<ProgressRow[]>;
  /** One measure's audit rows, oldest first. */
  history(measure: number): Promise<ProgressChangeRow[]>;
  /** Audit rows dated `from`…`to` (inclusive), oldest first. */
  changesBetween(from: string, to: string): Promise<ProgressChangeRow[]>;
  /** Every audit row, oldest first (exports). */
  allChanges(): Promise<ProgressChangeRow[]>;
  /** The newest `note` row of each measure that has one. */
  latestNotes(): Promise<ProgressChangeRow[]>;
  /**
   * The newest `note` row of one measure, if it has one. Every update reads it (the record it
   * returns shows the latest note), so it is one indexed lookup: its cost does not grow with the
   * measure's history.
   */
  latestNote(measure: number): Promise<ProgressChangeRow | undefined>;
  /** Writes `row` (version `expectedVersion + 1`) and `changes` if the stored version is `expectedVersion` (0: no row yet). */
  write(write: { row: ProgressRow; expectedVersion: number; changes: ProgressChangeRow[] }): Promise<ProgressWriteResult>;
}
