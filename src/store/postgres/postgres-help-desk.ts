/**
 * The help desk's records on PostgreSQL, with the same rules as SQLite's: an escalation is opened
 * and a reply recorded by `INSERT … ON CONFLICT DO NOTHING` (one per thread, one per reply, from
 * any replica); a standard answer is saved, and each edit written, together with its history row
 * in one transaction, an edit only over the version it was made from. Rows are parsed with zod
 * (PostgreSQL returns BIGINT as text).
 */
import type pg from 'pg';
import { z } from 'zod';
import type { HelpDeskState, StandardAnswerWrite } from '../../app/help-desk/help-desk-store.js';
import {
  ESCALATION_STATES,
  type EscalationRecord,
  type EscalationReply,
  type StandardAnswerRecord,
  type StandardAnswerVersion,
} from '../../core/help-desk/help-desk-records.js';
import { escalationColumns, replyColumns, type ColumnValue } from '../help-desk-columns.js';

type Queryable = Pick<pg.PoolClient, 'query'>;
/** Runs `work` in one transaction. */
export type InTransaction = <T>(work: (db: Queryable) => Promise<T>) => Promise<T>;

const num = z.coerce.number();
const optionalNum = num.nullable();

const EscalationSchema = z.object({
  id: num,
  thread_key: z.string(),
  asker_channel: z.string(),
  asker_thread_ts: z.string(),
  asker: z.string(),
  question: z.string(),
  plan: z.string(),
  measures: z.array(num),
  state: z.enum(ESCALATION_STATES),
  created_at: num,
  opened_by: z.string(),
  coordination_channel: z.string(),
  permalink: z.string().nullable(),
  coordination_ts: z.string().nullable(),
  asker_told_at: optionalNum,
  answered_at: optionalNum,
  answered_by: z.string().nullable(),
  closed_at: optionalNum,
  closed_by: z.string().nullable(),
});
const ReplySchema = z.object({
  escalation: num,
  message_ts: z.string(),
  author: z.string(),
  text: z.string(),
  at: num,
  relay_ts: z.string().nullable(),
  offered_at: optionalNum,
});
const AnswerSchema = z.object({
  id: num,
  version: num,
  text: z.string(),
  question: z.string(),
  plan: z.string(),
  measures: z.array(num),
  saved_by: z.string(),
  saved_at: num,
  updated_by: z.string(),
  updated_at: num,
  review_by: z.string(),
  retired: z.boolean(),
  source: z.string().nullable(),
});
const VersionSchema = z.object({
  answer: num,
  version: num,
  text: z.string(),
  question: z.string(),
  measures: z.array(num),
  review_by: z.string(),
  retired: z.boolean(),
  author: z.string(),
  at: num,
});
const ChannelSchema = z.object({ channel: z.string(), enabled: z.boolean(), set_by: z.string(), set_at: num });

function escalation(row: unknown): EscalationRecord {
  const r = EscalationSchema.parse(row);
  return {
    id: r.id,
    threadKey: r.thread_key,
    askerChannel: r.asker_channel,
    askerThreadTs: r.asker_thread_ts,
    asker: r.asker,
    question: r.question,
    plan: r.plan,
    measures: r.measures,
    state: r.state,
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

function reply(row: unknown): EscalationReply {
  const r = ReplySchema.parse(row);
  return { escalation: r.escalation, messageTs: r.message_ts, author: r.author, text: r.text, at: r.at, relayTs: r.relay_ts, offeredAt: r.offered_at };
}

function answer(row: unknown): StandardAnswerRecord {
  const r = AnswerSchema.parse(row);
  return {
    id: r.id,
    version: r.version,
    text: r.text,
    question: r.question,
    plan: r.plan,
    measures: r.measures,
    savedBy: r.saved_by,
    savedAt: r.saved_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    reviewBy: r.review_by,
    retired: r.retired,
    source: r.source,
  };
}

function version(row: unknown): StandardAnswerVersion {
  const r = VersionSchema.parse(row);
  return {
    id: r.answer,
    version: r.version,
    text: r.text,
    question: r.question,
    measures: r.measures,
    reviewBy: r.review_by,
    retired: r.retired,
    author: r.author,
    at: r.at,
  };
}

/** `SET a = $1, b = $2` for `sets`, numbered from 1, and their values. */
function setClause(sets: Array<[string, ColumnValue]>): { sql: string; values: ColumnValue[] } {
  return { sql: sets.map(([column], i) => `${column} = $${i + 1}`).join(', '), values: sets.map(([, value]) => value) };
}

const VERSION_COLUMNS = 'answer, version, text, question, measures, review_by, retired, author, at';

export function postgresHelpDesk(pool: pg.Pool, inTransaction: InTransaction): HelpDeskState {
  const query = (text: string, values: unknown[] = []) => pool.query(text, values);
  const first = <T>(rows: unknown[], parse: (row: unknown) => T): T | undefined => (rows[0] === undefined ? undefined : parse(rows[0]));

  return {
    escalations: {
      async open(e) {
        const inserted = await query(
          `INSERT INTO escalations (thread_key, asker_channel, asker_thread_ts, asker, question, plan, measures, state, created_at, opened_by, coordination_channel)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10) ON CONFLICT (thread_key) DO NOTHING RETURNING *`,
          [e.threadKey, e.askerChannel, e.askerThreadTs, e.asker, e.question, e.plan, e.measures, e.createdAt, e.openedBy, e.coordinationChannel],
        );
        const created = first(inserted.rows, escalation);
        if (created) return { created: true, escalation: created };
        const there = first((await query('SELECT * FROM escalations WHERE thread_key = $1', [e.threadKey])).rows, escalation);
        if (!there) throw new Error(`escalation of ${e.threadKey} neither inserted nor found`);
        return { created: false, escalation: there };
      },
      get: async (id) => first((await query('SELECT * FROM escalations WHERE id = $1', [id])).rows, escalation),
      byCoordinationPost: async (channel, ts) =>
        first((await query('SELECT * FROM escalations WHERE coordination_channel = $1 AND coordination_ts = $2', [channel, ts])).rows, escalation),
      async update(id, patch) {
        const sets = escalationColumns(patch);
        if (sets.length === 0) return;
        const { sql, values } = setClause(sets);
        await query(`UPDATE escalations SET ${sql} WHERE id = $${values.length + 1}`, [...values, id]);
      },
      remove: (id) =>
        inTransaction(async (db) => {
          await db.query('DELETE FROM escalation_replies WHERE escalation = $1', [id]);
          await db.query('DELETE FROM escalations WHERE id = $1', [id]);
        }),
      all: async () => (await query('SELECT * FROM escalations ORDER BY created_at, id')).rows.map(escalation),
      async recordReply(r) {
        const inserted = await query(
          'INSERT INTO escalation_replies (escalation, message_ts, author, text, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING *',
          [r.escalation, r.messageTs, r.author, r.text, r.at],
        );
        const created = first(inserted.rows, reply);
        if (created) return { created: true, reply: created };
        const there = first(
          (await query('SELECT * FROM escalation_replies WHERE escalation = $1 AND message_ts = $2', [r.escalation, r.messageTs])).rows,
          reply,
        );
        if (!there) throw new Error(`reply ${r.escalation}:${r.messageTs} neither inserted nor found`);
        return { created: false, reply: there };
      },
      reply: async (id, messageTs) =>
        first((await query('SELECT * FROM escalation_replies WHERE escalation = $1 AND message_ts = $2', [id, messageTs])).rows, reply),
      async updateReply(id, messageTs, patch) {
        const sets = replyColumns(patch);
        if (sets.length === 0) return;
        const { sql, values } = setClause(sets);
        await query(`UPDATE escalation_replies SET ${sql} WHERE escalation = $${values.length + 1} AND message_ts = $${values.length + 2}`, [
          ...values,
          id,
          messageTs,
        ]);
      },
      allReplies: async () => (await query('SELECT * FROM escalation_replies ORDER BY seq')).rows.map(reply),
    },
    standardAnswers: {
      create: (a) =>
        inTransaction(async (db) => {
          const inserted = await db.query(
            `INSERT INTO standard_answers (version, text, question, plan, measures, saved_by, saved_at, updated_by, updated_at, review_by, retired, source)
             VALUES (1, $1, $2, $3, $4, $5, $6, $5, $6, $7, false, $8) ON CONFLICT (source) DO NOTHING RETURNING *`,
            [a.text, a.question, a.plan, a.measures, a.savedBy, a.savedAt, a.reviewBy, a.source],
          );
          const created = first(inserted.rows, answer);
          if (created) {
            await db.query(`INSERT INTO standard_answer_versions (${VERSION_COLUMNS}) VALUES ($1, 1, $2, $3, $4, $5, false, $6, $7)`, [
              created.id,
              a.text,
              a.question,
              a.measures,
              a.reviewBy,
              a.savedBy,
              a.savedAt,
            ]);
            return { created: true, answer: created };
          }
          const there = first((await db.query('SELECT * FROM standard_answers WHERE source = $1', [a.source])).rows, answer);
          if (!there) throw new Error(`standard answer from ${a.source ?? 'nowhere'} neither inserted nor found`);
          return { created: false, answer: there };
        }),
      get: async (id) => first((await query('SELECT * FROM standard_answers WHERE id = $1', [id])).rows, answer),
      all: async () => (await query('SELECT * FROM standard_answers ORDER BY id')).rows.map(answer),
      write: (id, expected, f, author, at) =>
        inTransaction(async (db): Promise<StandardAnswerWrite> => {
          const updated = await db.query(
            'UPDATE standard_answers SET version = $1, text = $2, question = $3, measures = $4, review_by = $5, retired = $6, updated_by = $7, updated_at = $8 WHERE id = $9 AND version = $10 RETURNING *',
            [expected + 1, f.text, f.question, f.measures, f.reviewBy, f.retired, author, at, id, expected],
          );
          const written = first(updated.rows, answer);
          if (!written) return { status: 'stale', current: first((await db.query('SELECT * FROM standard_answers WHERE id = $1', [id])).rows, answer) };
          await db.query(`INSERT INTO standard_answer_versions (${VERSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
            id,
            expected + 1,
            f.text,
            f.question,
            f.measures,
            f.reviewBy,
            f.retired,
            author,
            at,
          ]);
          return { status: 'written', answer: written };
        }),
      history: async (id) =>
        (await query(`SELECT ${VERSION_COLUMNS} FROM standard_answer_versions WHERE answer = $1 ORDER BY version`, [id])).rows.map(version),
      allVersions: async () => (await query(`SELECT ${VERSION_COLUMNS} FROM standard_answer_versions ORDER BY answer, version`)).rows.map(version),
    },
    answerChannels: {
      async get(channel) {
        const row = first((await query('SELECT * FROM answer_channels WHERE channel = $1', [channel])).rows, (r) => ChannelSchema.parse(r));
        return row ? { channel: row.channel, enabled: row.enabled, setBy: row.set_by, setAt: row.set_at } : undefined;
      },
      set: async (s) =>
        void (await query(
          'INSERT INTO answer_channels (channel, enabled, set_by, set_at) VALUES ($1, $2, $3, $4) ON CONFLICT (channel) DO UPDATE SET enabled = $2, set_by = $3, set_at = $4',
          [s.channel, s.enabled, s.setBy, s.setAt],
        )),
      all: async () =>
        (await query('SELECT * FROM answer_channels ORDER BY channel')).rows.map((r) => {
          const row = ChannelSchema.parse(r);
          return { channel: row.channel, enabled: row.enabled, setBy: row.set_by, setAt: row.set_at };
        }),
    },
  };
}
