/**
 * Restoring a backup on SQLite ({@link SnapshotRestore}): one IMMEDIATE transaction, so the
 * snapshot is written whole or not at all, under the write lock other processes wait on.
 * Help-desk rows are inserted with their ids; an explicit id above a table's AUTOINCREMENT
 * counter moves `sqlite_sequence` past it (SQLite does this itself), so later rows do not
 * collide. The counter is never moved back.
 */
import type { RestoreConflict, RestoreOutcome, SnapshotRestore, StoredSnapshot } from '../../core/backup/state-snapshot.js';
import { ESCALATION_COLUMNS, escalationRow, placeholders, STANDARD_ANSWER_COLUMNS, standardAnswerRow } from '../help-desk-columns.js';
import type { SqliteDatabase } from './open-sqlite.js';

const asJson = (measures: readonly number[]): string => JSON.stringify(measures);

/** `durable`: the store's guard for writes someone is told were saved (sqlite-store.ts). */
export function sqliteRestore(db: SqliteDatabase, durable: <T>(write: () => T) => T): SnapshotRestore {
  const progressVersion = db.prepare<[string, number], { version: number }>('SELECT version FROM progress WHERE plan = ? AND measure = ?');
  const answerVersion = db.prepare<[number], { version: number }>('SELECT version FROM standard_answers WHERE id = ?');
  const deleteProgress = db.prepare('DELETE FROM progress WHERE plan = ? AND measure = ?');
  const deleteChanges = db.prepare('DELETE FROM progress_changes WHERE plan = ? AND measure = ?');
  const insertProgress = db.prepare(
    'INSERT INTO progress (plan, measure, status, lead, participants, due, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertChange = db.prepare(
    'INSERT INTO progress_changes (plan, measure, version, at, date, author, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const deleteReplies = db.prepare('DELETE FROM escalation_replies WHERE escalation = ?');
  const deleteEscalation = db.prepare('DELETE FROM escalations WHERE id = ?');
  const insertEscalation = db.prepare(`INSERT INTO escalations (${ESCALATION_COLUMNS}) VALUES (${placeholders(ESCALATION_COLUMNS, 'question')})`);
  const insertReply = db.prepare(
    'INSERT INTO escalation_replies (escalation, message_ts, author, text, at, relay_ts, offered_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const deleteVersions = db.prepare('DELETE FROM standard_answer_versions WHERE answer = ?');
  const deleteAnswer = db.prepare('DELETE FROM standard_answers WHERE id = ?');
  const insertAnswer = db.prepare(`INSERT INTO standard_answers (${STANDARD_ANSWER_COLUMNS}) VALUES (${placeholders(STANDARD_ANSWER_COLUMNS, 'question')})`);
  const insertVersion = db.prepare(
    'INSERT INTO standard_answer_versions (answer, version, text, question, measures, review_by, retired, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const putChannel = db.prepare(
    'INSERT INTO answer_channels (channel, enabled, set_by, set_at) VALUES (?, ?, ?, ?) ON CONFLICT(channel) DO UPDATE SET enabled = excluded.enabled, set_by = excluded.set_by, set_at = excluded.set_at',
  );

  function newerInStore(s: StoredSnapshot): RestoreConflict[] {
    const conflicts: RestoreConflict[] = [];
    for (const { plan, rows } of s.plans) {
      for (const row of rows) {
        const stored = progressVersion.get(plan, row.measure)?.version ?? 0;
        if (stored > row.version) conflicts.push({ kind: 'progress', plan, measure: row.measure, stored, snapshot: row.version });
      }
    }
    for (const answer of s.standardAnswers) {
      const stored = answerVersion.get(answer.id)?.version ?? 0;
      if (stored > answer.version) conflicts.push({ kind: 'standard-answer', id: answer.id, stored, snapshot: answer.version });
    }
    return conflicts;
  }

  const restoreTx = db.transaction((s: StoredSnapshot, force: boolean): RestoreOutcome => {
    const conflicts = force ? [] : newerInStore(s);
    if (conflicts.length > 0) return { status: 'newer-in-store', conflicts };
    for (const { plan, rows, changes } of s.plans) {
      // Each measure the snapshot holds is replaced whole: its row and its history.
      for (const measure of new Set([...rows.map((r) => r.measure), ...changes.map((c) => c.measure)])) {
        deleteChanges.run(plan, measure);
        deleteProgress.run(plan, measure);
      }
      for (const r of rows)
        insertProgress.run(plan, r.measure, r.status, JSON.stringify(r.lead), JSON.stringify(r.participants), r.due, r.version, r.updatedAt, r.updatedBy);
      for (const c of changes) insertChange.run(plan, c.measure, c.version, c.at, c.date, c.author, c.field, c.before, c.after);
    }
    for (const e of s.escalations) {
      deleteReplies.run(e.id);
      deleteEscalation.run(e.id);
      insertEscalation.run(...escalationRow(e, asJson));
      for (const r of e.replies) insertReply.run(e.id, r.messageTs, r.author, r.text, r.at, r.relayTs, r.offeredAt);
    }
    for (const a of s.standardAnswers) {
      deleteVersions.run(a.id);
      deleteAnswer.run(a.id);
      insertAnswer.run(...standardAnswerRow(a, asJson, (retired) => (retired ? 1 : 0)));
      for (const v of a.history)
        insertVersion.run(a.id, v.version, v.text, v.question, JSON.stringify(v.measures), v.reviewBy, v.retired ? 1 : 0, v.author, v.at);
    }
    for (const c of s.answerChannels) putChannel.run(c.channel, c.enabled ? 1 : 0, c.setBy, c.setAt);
    return { status: 'restored' };
  });

  return { restore: async (snapshot, { force }) => durable(() => restoreTx.immediate(snapshot, force)) };
}
