/**
 * The portable snapshot of what the office keeps: every plan's implementation record with its
 * full history, and the help desk's escalations (with the office's replies), standard answers
 * (with every version) and answer channels. `progress export --json` writes it and
 * `progress import` reads it back, so its shape is defined once, here: the export is typed by
 * this schema and the import is validated by it.
 *
 * The store restores it through {@link SnapshotRestore}, as rows (the port speaks the store's
 * plain rows, not the people-facing records the file holds).
 */
import { z } from 'zod';
import { ESCALATION_STATES } from '../help-desk/help-desk-records.js';
import type { AnswerChannelSetting, EscalationRecord, EscalationReply, StandardAnswerRecord, StandardAnswerVersion } from '../help-desk/help-desk-records.js';
import type { ProgressChangeRow, ProgressRow } from '../progress/progress-ledger.js';
import { ProgressChangeSchema, ProgressRecordSchema } from '../progress/progress-schema.js';

/** The snapshot's format: 2 keeps every plan's records (1, before plans had ids, had one plan's at the top level). */
export const SNAPSHOT_FORMAT = 2;

const id = z.number().int().positive();
const instant = z.number().int().nonnegative();
const measures = z.array(z.number().int().positive());
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

const EscalationReplySchema = z.object({
  escalation: id,
  messageTs: z.string().min(1),
  author: z.string(),
  text: z.string(),
  at: instant,
  relayTs: z.string().nullable(),
  offeredAt: instant.nullable(),
});

const EscalationSchema = z.object({
  id,
  threadKey: z.string().min(1),
  askerChannel: z.string(),
  askerThreadTs: z.string(),
  asker: z.string(),
  question: z.string(),
  plan: z.string(),
  measures,
  state: z.enum(ESCALATION_STATES),
  createdAt: instant,
  openedBy: z.string(),
  coordinationChannel: z.string(),
  permalink: z.string().nullable(),
  coordinationTs: z.string().nullable(),
  askerToldAt: instant.nullable(),
  answeredAt: instant.nullable(),
  answeredBy: z.string().nullable(),
  closedAt: instant.nullable(),
  closedBy: z.string().nullable(),
  replies: z.array(EscalationReplySchema),
});

const StandardAnswerVersionSchema = z.object({
  id,
  version: id,
  text: z.string(),
  question: z.string(),
  measures,
  reviewBy: IsoDate,
  retired: z.boolean(),
  author: z.string(),
  at: instant,
});

const StandardAnswerSchema = z.object({
  id,
  version: id,
  text: z.string(),
  question: z.string(),
  plan: z.string(),
  measures,
  savedBy: z.string(),
  savedAt: instant,
  updatedBy: z.string(),
  updatedAt: instant,
  reviewBy: IsoDate,
  retired: z.boolean(),
  source: z.string().nullable(),
  history: z.array(StandardAnswerVersionSchema),
});

const AnswerChannelSchema = z.object({ channel: z.string().min(1), enabled: z.boolean(), setBy: z.string(), setAt: instant });

/** The help desk's part of the snapshot. */
export const HelpDeskSnapshotSchema = z.object({
  escalations: z.array(EscalationSchema),
  standardAnswers: z.array(StandardAnswerSchema),
  answerChannels: z.array(AnswerChannelSchema),
});
export type HelpDeskSnapshot = z.infer<typeof HelpDeskSnapshotSchema>;

export const PlanSnapshotSchema = z.object({
  plan: z.string().min(1),
  records: z.array(ProgressRecordSchema),
  changes: z.array(ProgressChangeSchema),
});

export const StateSnapshotSchema = z.object({ format: z.literal(SNAPSHOT_FORMAT), plans: z.array(PlanSnapshotSchema) }).extend(HelpDeskSnapshotSchema.shape);
export type StateSnapshot = z.infer<typeof StateSnapshotSchema>;

/** The snapshot as the store keeps it: plain rows, help-desk rows with their ids. */
export interface StoredSnapshot {
  plans: Array<{ plan: string; rows: ProgressRow[]; changes: ProgressChangeRow[] }>;
  escalations: Array<EscalationRecord & { replies: EscalationReply[] }>;
  standardAnswers: Array<StandardAnswerRecord & { history: StandardAnswerVersion[] }>;
  answerChannels: AnswerChannelSetting[];
}

/** A row the store holds at a newer version than the snapshot's. */
export type RestoreConflict =
  | { kind: 'progress'; plan: string; measure: number; stored: number; snapshot: number }
  | { kind: 'standard-answer'; id: number; stored: number; snapshot: number };

export type RestoreOutcome = { status: 'restored' } | { status: 'newer-in-store'; conflicts: RestoreConflict[] };

/**
 * Restores a snapshot in one transaction: all of it or nothing. A progress record or standard
 * answer whose stored version is newer than the snapshot's is not overwritten unless `force`:
 * nothing is written and the conflicts are returned. Every record in the snapshot replaces the
 * stored one with its whole history; records the snapshot does not hold are left as they are.
 * Help-desk rows keep their ids, and the engine's id counters move past them.
 */
export interface SnapshotRestore {
  restore(snapshot: StoredSnapshot, options: { force: boolean }): Promise<RestoreOutcome>;
}
