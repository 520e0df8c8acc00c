/**
 * The help desk's columns, the same for every engine: the columns an escalation's or a reply's
 * patch sets (only the fields the patch carries, each with its value; null clears it), and a whole
 * escalation or standard answer as a row, in its columns' order, as a restore inserts it.
 */
import type { EscalationPatch, EscalationRecord, EscalationReplyPatch, StandardAnswerRecord } from '../core/help-desk/help-desk-records.js';

export type ColumnValue = string | number | null;

export function escalationColumns(patch: EscalationPatch): Array<[string, ColumnValue]> {
  const sets: Array<[string, ColumnValue]> = [];
  if (patch.state !== undefined) sets.push(['state', patch.state]);
  if (patch.permalink !== undefined) sets.push(['permalink', patch.permalink]);
  if (patch.coordinationTs !== undefined) sets.push(['coordination_ts', patch.coordinationTs]);
  if (patch.askerToldAt !== undefined) sets.push(['asker_told_at', patch.askerToldAt]);
  if (patch.answeredAt !== undefined) sets.push(['answered_at', patch.answeredAt]);
  if (patch.answeredBy !== undefined) sets.push(['answered_by', patch.answeredBy]);
  if (patch.closedAt !== undefined) sets.push(['closed_at', patch.closedAt]);
  if (patch.closedBy !== undefined) sets.push(['closed_by', patch.closedBy]);
  return sets;
}

export function replyColumns(patch: EscalationReplyPatch): Array<[string, ColumnValue]> {
  const sets: Array<[string, ColumnValue]> = [];
  if (patch.relayTs !== undefined) sets.push(['relay_ts', patch.relayTs]);
  if (patch.offeredAt !== undefined) sets.push(['offered_at', patch.offeredAt]);
  return sets;
}

/** How an engine stores a list of measure numbers (SQLite: JSON text; PostgreSQL: an integer array). */
type EncodeMeasures = (measures: readonly number[]) => unknown;

export const ESCALATION_COLUMNS =
  'id, thread_key, asker_channel, asker_thread_ts, asker, question, plan, measures, state, created_at, opened_by, coordination_channel, permalink, coordination_ts, asker_told_at, answered_at, answered_by, closed_at, closed_by';

/** An escalation's values in {@link ESCALATION_COLUMNS}' order. */
export function escalationRow(e: EscalationRecord, measures: EncodeMeasures): unknown[] {
  return [
    e.id,
    e.threadKey,
    e.askerChannel,
    e.askerThreadTs,
    e.asker,
    e.question,
    e.plan,
    measures(e.measures),
    e.state,
    e.createdAt,
    e.openedBy,
    e.coordinationChannel,
    e.permalink,
    e.coordinationTs,
    e.askerToldAt,
    e.answeredAt,
    e.answeredBy,
    e.closedAt,
    e.closedBy,
  ];
}

export const STANDARD_ANSWER_COLUMNS = 'id, version, text, question, plan, measures, saved_by, saved_at, updated_by, updated_at, review_by, retired, source';

/** A standard answer's values in {@link STANDARD_ANSWER_COLUMNS}' order; `retired` as the engine stores a boolean. */
export function standardAnswerRow(a: StandardAnswerRecord, measures: EncodeMeasures, retired: (value: boolean) => unknown): unknown[] {
  return [
    a.id,
    a.version,
    a.text,
    a.question,
    a.plan,
    measures(a.measures),
    a.savedBy,
    a.savedAt,
    a.updatedBy,
    a.updatedAt,
    a.reviewBy,
    retired(a.retired),
    a.source,
  ];
}

/** Placeholders for `columns`: `?, ?, …` (SQLite) or `$1, $2, …` (PostgreSQL). */
export function placeholders(columns: string, style: 'question' | 'numbered'): string {
  return columns
    .split(',')
    .map((_, i) => (style === 'question' ? '?' : `$${i + 1}`))
    .join(', ');
}
