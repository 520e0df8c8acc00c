/**
 * The columns an escalation's or a reply's patch sets, the same for every engine: only the fields
 * the patch carries, each with its value (null clears it).
 */
import type { EscalationPatch, EscalationReplyPatch } from '../core/help-desk/help-desk-records.js';

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
