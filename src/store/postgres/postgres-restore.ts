/**
 * Restoring a backup on PostgreSQL ({@link SnapshotRestore}): one transaction, under an
 * advisory lock of its own so two restores do not interleave. Help-desk rows are
 * inserted with their ids; afterwards each BIGSERIAL sequence is set past the largest id in its
 * table (`setval`), so later rows do not collide. A sequence is never moved back.
 */
import { z } from 'zod';
import type { RestoreConflict, RestoreOutcome, SnapshotRestore, StoredSnapshot } from '../../core/backup/state-snapshot.js';
import { ESCALATION_COLUMNS, escalationRow, placeholders, STANDARD_ANSWER_COLUMNS, standardAnswerRow } from '../help-desk-columns.js';

type Queryable = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
type InTransaction = <T>(run: (db: Queryable) => Promise<T>) => Promise<T>;

const VersionRow = z.object({ version: z.coerce.number() });

const asArray = (measures: readonly number[]): readonly number[] => measures;

/** The tables whose ids the restore writes, and so whose sequences it moves on. */
const SEQUENCED = ['escalations', 'standard_answers'] as const;

async function versionOf(db: Queryable, sql: string, values: unknown[]): Promise<number> {
  const [row] = (await db.query(sql, values)).rows;
  return row === undefined ? 0 : VersionRow.parse(row).version;
}

async function newerInStore(db: Queryable, s: StoredSnapshot): Promise<RestoreConflict[]> {
  const conflicts: RestoreConflict[] = [];
  for (const { plan, rows } of s.plans) {
    for (const row of rows) {
      const stored = await versionOf(db, 'SELECT version FROM progress WHERE plan = $1 AND measure = $2', [plan, row.measure]);
      if (stored > row.version) conflicts.push({ kind: 'progress', plan, measure: row.measure, stored, snapshot: row.version });
    }
  }
  for (const answer of s.standardAnswers) {
    const stored = await versionOf(db, 'SELECT version FROM standard_answers WHERE id = $1', [answer.id]);
    if (stored > answer.version) conflicts.push({ kind: 'standard-answer', id: answer.id, stored, snapshot: answer.version });
  }
  return conflicts;
}

export function postgresRestore(inTransaction: InTransaction): SnapshotRestore {
  return {
    restore: (s, { force }) =>
      inTransaction(async (db): Promise<RestoreOutcome> => {
        const conflicts = force ? [] : await newerInStore(db, s);
        if (conflicts.length > 0) return { status: 'newer-in-store', conflicts };
        for (const { plan, rows, changes } of s.plans) {
          // Each measure the snapshot holds is replaced whole: its row and its history.
          for (const measure of new Set([...rows.map((r) => r.measure), ...changes.map((c) => c.measure)])) {
            await db.query('DELETE FROM progress_changes WHERE plan = $1 AND measure = $2', [plan, measure]);
            await db.query('DELETE FROM progress WHERE plan = $1 AND measure = $2', [plan, measure]);
          }
          for (const r of rows) {
            await db.query(
              'INSERT INTO progress (plan, measure, status, lead, participants, due, version, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
              [plan, r.measure, r.status, JSON.stringify(r.lead), JSON.stringify(r.participants), r.due, r.version, r.updatedAt, r.updatedBy],
            );
          }
          for (const c of changes) {
            await db.query(
              'INSERT INTO progress_changes (plan, measure, version, at, date, author, field, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
              [plan, c.measure, c.version, c.at, c.date, c.author, c.field, c.before, c.after],
            );
          }
        }
        for (const e of s.escalations) {
          await db.query('DELETE FROM escalation_replies WHERE escalation = $1', [e.id]);
          await db.query('DELETE FROM escalations WHERE id = $1', [e.id]);
          await db.query(`INSERT INTO escalations (${ESCALATION_COLUMNS}) VALUES (${placeholders(ESCALATION_COLUMNS, 'numbered')})`, escalationRow(e, asArray));
          for (const r of e.replies) {
            await db.query(
              'INSERT INTO escalation_replies (escalation, message_ts, author, text, at, relay_ts, offered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
              [e.id, r.messageTs, r.author, r.text, r.at, r.relayTs, r.offeredAt],
            );
          }
        }
        for (const a of s.standardAnswers) {
          await db.query('DELETE FROM standard_answer_versions WHERE answer = $1', [a.id]);
          await db.query('DELETE FROM standard_answers WHERE id = $1', [a.id]);
          await db.query(
            `INSERT INTO standard_answers (${STANDARD_ANSWER_COLUMNS}) VALUES (${placeholders(STANDARD_ANSWER_COLUMNS, 'numbered')})`,
            standardAnswerRow(a, asArray, (retired) => retired),
          );
          for (const v of a.history) {
            await db.query(
              'INSERT INTO standard_answer_versions (answer, version, text, question, measures, review_by, retired, author, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
              [a.id, v.version, v.text, v.question, v.measures, v.reviewBy, v.retired, v.author, v.at],
            );
          }
        }
        for (const c of s.answerChannels) {
          await db.query(
            'INSERT INTO answer_channels (channel, enabled, set_by, set_at) VALUES ($1, $2, $3, $4) ON CONFLICT (channel) DO UPDATE SET enabled = $2, set_by = $3, set_at = $4',
            [c.channel, c.enabled, c.setBy, c.setAt],
          );
        }
        for (const table of SEQUENCED) {
          // Moved only when the id it would hand out next is one the table already holds.
          await db.query(
            `SELECT setval('${table}_id_seq', top) FROM (SELECT MAX(id) AS top FROM ${table}) kept
             WHERE top >= (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM ${table}_id_seq)`,
          );
        }
        return { status: 'restored' };
      }),
  };
}
