/**
 * The help desk's records on SQLite: escalations and replies, standard answers with their
 * versions, and answer channels. Opening an escalation and saving a standard answer each run in
 * an IMMEDIATE transaction (insert or find the one there, under one write lock across processes);
 * an edit checks its version and writes the row and its history row together.
 */
import type {
  AnswerChannelSetting,
  EscalationRecord,
  EscalationReply,
  NewEscalation,
  NewEscalationReply,
  NewStandardAnswer,
  StandardAnswerFields,
  StandardAnswerRecord,
  StandardAnswerVersion,
} from '../../core/help-desk/help-desk-records.js';
import { ESCALATION_STATES, type EscalationState } from '../../core/help-desk/help-desk-records.js';
import type { HelpDeskState, StandardAnswerWrite } from '../../app/help-desk/help-desk-store.js';
import { escalationColumns, replyColumns } from '../help-desk-columns.js';
import type { SqliteDatabase } from './open-sqlite.js';

interface EscalationTableRow {
  id: number;
  thread_key: string;
  asker_channel: string;
  asker_thread_ts: string;
  asker: string;
  question: string;
  plan: string;
  measures: string;
  state: string;
  created_at: number;
  opened_by: string;
  coordination_channel: string;
  permalink: string | null;
  coordination_ts: string | null;
  asker_told_at: number | null;
  answered_at: number | null;
  answered_by: string | null;
  closed_at: number | null;
  closed_by: string | null;
}

interface ReplyTableRow {
  escalation: number;
  message_ts: string;
  author: string;
  text: string;
  at: number;
  relay_ts: string | null;
  offered_at: number | null;
}

interface AnswerTableRow {
  id: number;
  version: number;
  text: string;
  question: string;
  plan: string;
  measures: string;
  saved_by: string;
  saved_at: number;
  updated_by: string;
  updated_at: number;
  review_by: string;
  retired: number;
  source: string | null;
}

interface VersionTableRow {
  answer: number;
  version: number;
  text: string;
  question: string;
  measures: string;
  review_by: string;
  retired: number;
  author: string;
  at: number;
}

function numbers(json: string): number[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((n): n is number => Number.isInteger(n)) : [];
}

const stateOf = (text: string): EscalationState => ESCALATION_STATES.find((s) => s === text) ?? 'open';

function escalationRecord(r: EscalationTableRow): EscalationRecord {
  return {
    id: r.id,
    threadKey: r.thread_key,
    askerChannel: r.asker_channel,
    askerThreadTs: r.asker_thread_ts,
    asker: r.asker,
    question: r.question,
    plan: r.plan,
    measures: numbers(r.measures),
    state: stateOf(r.state),
    createdAt: r.created_at,
    openedBy: r.opened_by,
    coordinationChannel: r.coordination_channel,
    permalink: r.permalink,
    coordinationTs: r.coordination_ts,
    askerToldAt: r.asker_told_at,
    answeredAt: r.answered_at,
    answeredBy: r.answered_by,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
  };
}

const replyRecord = (r: ReplyTableRow): EscalationReply => ({
  escalation: r.escalation,
  messageTs: r.message_ts,
  author: r.author,
  text: r.text,
  at: r.at,
  relayTs: r.relay_ts,
  offeredAt: r.offered_at,
});

function answerRecord(r: AnswerTableRow): StandardAnswerRecord {
  return {
    id: r.id,
    version: r.version,
    text: r.text,
    question: r.question,
    plan: r.plan,
    measures: numbers(r.measures),
    savedBy: r.saved_by,
    savedAt: r.saved_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    reviewBy: r.review_by,
    retired: r.retired === 1,
    source: r.source,
  };
}

const versionRecord = (r: VersionTableRow): StandardAnswerVersion => ({
  id: r.answer,
  version: r.version,
  text: r.text,
  question: r.question,
  measures: numbers(r.measures),
  reviewBy: r.review_by,
  retired: r.retired === 1,
  author: r.author,
  at: r.at,
});

/**
 * `durable`: runs a write someone will be told was saved only while the state file is the one at
 * its path (sqlite-store.ts), so a saved escalation or standard answer is never confirmed into a
 * file that was deleted or replaced.
 */
export function sqliteHelpDesk(db: SqliteDatabase, durable: <T>(write: () => T) => T = (write) => write()): HelpDeskState {
  const escalationById = db.prepare<[number], EscalationTableRow>('SELECT * FROM escalations WHERE id = ?');
  const escalationByThread = db.prepare<[string], EscalationTableRow>('SELECT * FROM escalations WHERE thread_key = ?');
  const escalationByPost = db.prepare<[string, string], EscalationTableRow>('SELECT * FROM escalations WHERE coordination_channel = ? AND coordination_ts = ?');
  const allEscalations = db.prepare<[], EscalationTableRow>('SELECT * FROM escalations ORDER BY created_at, id');
  const insertEscalation = db.prepare(
    `INSERT INTO escalations (thread_key, asker_channel, asker_thread_ts, asker, question, plan, measures, state, created_at, opened_by, coordination_channel)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
  );
  const deleteEscalation = db.prepare('DELETE FROM escalations WHERE id = ?');
  const deleteReplies = db.prepare('DELETE FROM escalation_replies WHERE escalation = ?');
  const replyOf = db.prepare<[number, string], ReplyTableRow>('SELECT * FROM escalation_replies WHERE escalation = ? AND message_ts = ?');
  const insertReply = db.prepare('INSERT OR IGNORE INTO escalation_replies (escalation, message_ts, author, text, at) VALUES (?, ?, ?, ?, ?)');
  const allReplies = db.prepare<[], ReplyTableRow>('SELECT * FROM escalation_replies ORDER BY rowid');

  const answerById = db.prepare<[number], AnswerTableRow>('SELECT * FROM standard_answers WHERE id = ?');
  const answerBySource = db.prepare<[string], AnswerTableRow>('SELECT * FROM standard_answers WHERE source = ?');
  const allAnswers = db.prepare<[], AnswerTableRow>('SELECT * FROM standard_answers ORDER BY id');
  const insertAnswer = db.prepare(
    `INSERT INTO standard_answers (version, text, question, plan, measures, saved_by, saved_at, updated_by, updated_at, review_by, retired, source)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  );
  const updateAnswer = db.prepare(
    'UPDATE standard_answers SET version = ?, text = ?, question = ?, measures = ?, review_by = ?, retired = ?, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?',
  );
  const insertVersion = db.prepare(
    'INSERT INTO standard_answer_versions (answer, version, text, question, measures, review_by, retired, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const historyOf = db.prepare<[number], VersionTableRow>('SELECT * FROM standard_answer_versions WHERE answer = ? ORDER BY version');
  const allVersions = db.prepare<[], VersionTableRow>('SELECT * FROM standard_answer_versions ORDER BY answer, version');

  const channelOf = db.prepare<[string], { channel: string; enabled: number; set_by: string; set_at: number }>(
    'SELECT * FROM answer_channels WHERE channel = ?',
  );
  const allChannels = db.prepare<[], { channel: string; enabled: number; set_by: string; set_at: number }>('SELECT * FROM answer_channels ORDER BY channel');
  const putChannel = db.prepare(
    'INSERT INTO answer_channels (channel, enabled, set_by, set_at) VALUES (?, ?, ?, ?) ON CONFLICT(channel) DO UPDATE SET enabled = excluded.enabled, set_by = excluded.set_by, set_at = excluded.set_at',
  );

  const openTx = db.transaction((e: NewEscalation): { created: boolean; escalation: EscalationRecord } => {
    const there = escalationByThread.get(e.threadKey);
    if (there) return { created: false, escalation: escalationRecord(there) };
    const { lastInsertRowid } = insertEscalation.run(
      e.threadKey,
      e.askerChannel,
      e.askerThreadTs,
      e.asker,
      e.question,
      e.plan,
      JSON.stringify(e.measures),
      e.createdAt,
      e.openedBy,
      e.coordinationChannel,
    );
    const row = escalationById.get(Number(lastInsertRowid));
    if (!row) throw new Error('escalation vanished after insert');
    return { created: true, escalation: escalationRecord(row) };
  });
  const removeTx = db.transaction((id: number) => {
    deleteReplies.run(id);
    deleteEscalation.run(id);
  });
  const replyTx = db.transaction((r: NewEscalationReply): { created: boolean; reply: EscalationReply } => {
    const created = insertReply.run(r.escalation, r.messageTs, r.author, r.text, r.at).changes === 1;
    const row = replyOf.get(r.escalation, r.messageTs);
    if (!row) throw new Error('reply vanished after insert');
    return { created, reply: replyRecord(row) };
  });
  const createTx = db.transaction((a: NewStandardAnswer): { created: boolean; answer: StandardAnswerRecord } => {
    const there = a.source === null ? undefined : answerBySource.get(a.source);
    if (there) return { created: false, answer: answerRecord(there) };
    const measures = JSON.stringify(a.measures);
    const { lastInsertRowid } = insertAnswer.run(a.text, a.question, a.plan, measures, a.savedBy, a.savedAt, a.savedBy, a.savedAt, a.reviewBy, a.source);
    const id = Number(lastInsertRowid);
    insertVersion.run(id, 1, a.text, a.question, measures, a.reviewBy, 0, a.savedBy, a.savedAt);
    const row = answerById.get(id);
    if (!row) throw new Error('standard answer vanished after insert');
    return { created: true, answer: answerRecord(row) };
  });
  const writeTx = db.transaction((id: number, expected: number, f: StandardAnswerFields, author: string, at: number): StandardAnswerWrite => {
    const current = answerById.get(id);
    if (!current || current.version !== expected) return { status: 'stale', current: current ? answerRecord(current) : undefined };
    const measures = JSON.stringify(f.measures);
    const retired = f.retired ? 1 : 0;
    updateAnswer.run(expected + 1, f.text, f.question, measures, f.reviewBy, retired, author, at, id, expected);
    insertVersion.run(id, expected + 1, f.text, f.question, measures, f.reviewBy, retired, author, at);
    const row = answerById.get(id);
    if (!row) throw new Error('standard answer vanished after update');
    return { status: 'written', answer: answerRecord(row) };
  });

  return {
    escalations: {
      open: async (e) => durable(() => openTx.immediate(e)),
      get: async (id) => {
        const row = escalationById.get(id);
        return row ? escalationRecord(row) : undefined;
      },
      byCoordinationPost: async (channel, ts) => {
        const row = escalationByPost.get(channel, ts);
        return row ? escalationRecord(row) : undefined;
      },
      async update(id, patch) {
        const sets = escalationColumns(patch);
        if (sets.length > 0)
          durable(() => db.prepare(`UPDATE escalations SET ${sets.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...sets.map(([, v]) => v), id));
      },
      remove: async (id) => void durable(() => removeTx.immediate(id)),
      all: async () => allEscalations.all().map(escalationRecord),
      recordReply: async (r) => durable(() => replyTx.immediate(r)),
      reply: async (escalation, messageTs) => {
        const row = replyOf.get(escalation, messageTs);
        return row ? replyRecord(row) : undefined;
      },
      async updateReply(escalation, messageTs, patch) {
        const sets = replyColumns(patch);
        if (sets.length > 0)
          durable(() =>
            db
              .prepare(`UPDATE escalation_replies SET ${sets.map(([c]) => `${c} = ?`).join(', ')} WHERE escalation = ? AND message_ts = ?`)
              .run(...sets.map(([, v]) => v), escalation, messageTs),
          );
      },
      allReplies: async () => allReplies.all().map(replyRecord),
    },
    standardAnswers: {
      create: async (a) => durable(() => createTx.immediate(a)),
      get: async (id) => {
        const row = answerById.get(id);
        return row ? answerRecord(row) : undefined;
      },
      all: async () => allAnswers.all().map(answerRecord),
      write: async (id, expected, fields, author, at) => durable(() => writeTx.immediate(id, expected, fields, author, at)),
      history: async (id) => historyOf.all(id).map(versionRecord),
      allVersions: async () => allVersions.all().map(versionRecord),
    },
    answerChannels: {
      get: async (channel) => {
        const row = channelOf.get(channel);
        return row ? { channel: row.channel, enabled: row.enabled === 1, setBy: row.set_by, setAt: row.set_at } : undefined;
      },
      set: async (s: AnswerChannelSetting) => void durable(() => putChannel.run(s.channel, s.enabled ? 1 : 0, s.setBy, s.setAt)),
      all: async () => allChannels.all().map((row) => ({ channel: row.channel, enabled: row.enabled === 1, setBy: row.set_by, setAt: row.set_at })),
    },
  };
}
