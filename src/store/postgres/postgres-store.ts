/**
 * {@link StateStore} on PostgreSQL (`pg`), for several replicas on several hosts sharing one
 * state. Where SQLite serialises writers with its file lock, this engine uses PostgreSQL's:
 *
 * - migrations run in one transaction holding an advisory lock, and read the schema version
 *   inside it, so replicas starting at once migrate once;
 * - a Slack delivery is claimed by `INSERT … ON CONFLICT DO NOTHING`: exactly one replica gets it;
 * - the digest claim of a date, a measure's progress update, the adoption of accepted work and
 *   the registry of replicas each run in a transaction holding an advisory lock (per date, per
 *   measure, or for the whole group), with the same rules as SQLite (shared in
 *   replica-liveness.ts and state-store.ts).
 *
 * Connections time out quickly ({@link CONNECT_TIMEOUT_MS}, {@link QUERY_TIMEOUT_MS}): when the
 * database is gone, calls fail fast and the resilient wrapper answers from memory instead.
 * Rows are parsed with zod (PostgreSQL returns BIGINT as text).
 */
import pg from 'pg';
import { z } from 'zod';
import { ATTEMPT_LEASE_MS, type ClaimResult } from '../../app/digest/digest-store.js';
import type { Replica } from '../../app/process/replica.js';
import type { ProgressChangeRow, ProgressLedger, ProgressRow, ProgressWriteResult } from '../../core/progress/progress-ledger.js';
import { isProcessAlive } from '../process-alive.js';
import { replicaGone } from '../replica-liveness.js';
import { pruneTables } from '../retention.js';
import { StoreError } from '../store-error.js';
import type { AcceptedWork, ReplicaRow, StateStore } from '../state-store.js';
import { postgresHelpDesk } from './postgres-help-desk.js';
import { postgresRestore } from './postgres-restore.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';

const CONNECT_TIMEOUT_MS = 2000;
const QUERY_TIMEOUT_MS = 5000;
const MAX_CONNECTIONS = 5;
/** The first key of every advisory lock this app takes; the second says which. */
const LOCK_SPACE = 0x1b9a;
const LOCK = { migrations: 1, adopt: 2, replicas: 3, restore: 4 } as const;

const num = z.coerce.number();
const AttemptSchema = z.object({ owner: z.string(), host: z.string(), pid: num, started_at: num });
const PostSchema = z.object({ channel: z.string(), ts: z.string() });
const WorkSchema = z.object({ key: z.string(), body: z.string(), accepted_at: num, owner: z.string() });
const ReplicaSchema = z.object({ id: z.string(), host: z.string(), pid: num, settings: z.string(), seen_at: num });
const QuestionSchema = z.object({ question: z.string(), measures: z.array(num), found: z.boolean() });
const FeedbackCountSchema = z.object({ helpful: z.boolean(), count: num });
const VersionSchema = z.object({ version: num.nullable() });
const StartSchema = z.object({ start_date: z.string() });
const DateSchema = z.object({ date: z.string() });
const ThreadSchema = z.object({ state: z.string() });
const ProgressSchema = z.object({
  measure: num,
  status: z.string().nullable(),
  lead: z.array(z.string()),
  participants: z.array(z.string()),
  due: z.string().nullable(),
  version: num,
  updated_at: num,
  updated_by: z.string(),
});
const ChangeSchema = z.object({
  measure: num,
  version: num,
  at: num,
  date: z.string(),
  author: z.string(),
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
const CHANGE_COLUMNS = 'measure, version, at, date, author, field, before, after';
const PlanIdSchema = z.object({ plan: z.string() });

function progressRow(r: unknown): ProgressRow {
  const row = ProgressSchema.parse(r);
  return {
    measure: row.measure,
    status: row.status,
    lead: row.lead,
    participants: row.participants,
    due: row.due,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}
const changeRows = (rows: unknown[]): ProgressChangeRow[] => rows.map((r) => ChangeSchema.parse(r));

export interface PostgresStoreOptions {
  /** Whether a pid on this host still runs (injected by tests). */
  isAlive?: (pid: number) => boolean;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

/** The URL without its password, for logs. */
export function postgresLocation(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}

async function inTransaction<T>(pool: pg.Pool, lock: number | { name: string } | undefined, run: (client: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (typeof lock === 'number') await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, lock]);
    else if (lock) await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SPACE, lock.name]);
    const result = await run(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, LOCK.migrations, async (db) => {
    await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await db.query('SELECT max(version) AS version FROM schema_migrations');
    const version = VersionSchema.parse(rows[0] ?? { version: null }).version ?? 0;
    if (version > POSTGRES_MIGRATIONS.length) {
      throw new StoreError(
        'DATABASE_URL',
        `the database schema is from a newer version of this app (schema ${version}, this app knows ${POSTGRES_MIGRATIONS.length}): run the newer version.`,
      );
    }
    for (let v = version; v < POSTGRES_MIGRATIONS.length; v++) {
      await db.query(POSTGRES_MIGRATIONS[v] ?? '');
      await db.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
  });
}

export function openPostgresStore(url: string, { isAlive = isProcessAlive }: PostgresStoreOptions = {}): StateStore & { pool: pg.Pool } {
  const location = postgresLocation(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: MAX_CONNECTIONS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: 'ipplan-assistant',
  });
  // A connection the server dropped (idle in the pool, or checked out for a transaction) must not
  // take the process down: the query on it fails, the resilient store handles that, and the next
  // query opens a new connection.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const query = (text: string, values: unknown[] = []) => pool.query(text, values);

  const replicaRows = async (db: Queryable): Promise<ReplicaRow[]> =>
    (await db.query('SELECT id, host, pid, settings, seen_at FROM replicas')).rows.map((r) => {
      const row = ReplicaSchema.parse(r);
      return { id: row.id, host: row.host, pid: row.pid, settings: row.settings, seenAt: row.seen_at };
    });

  /** Whether the attempt's process may still be posting (the same rule as SQLite's). */
  function stillRunning(attempt: z.infer<typeof AttemptSchema>, owner: Replica, nowMs: number): boolean {
    if (nowMs - attempt.started_at >= ATTEMPT_LEASE_MS) return false;
    if (attempt.host !== owner.host) return true;
    if (attempt.pid === owner.pid) return false;
    return isAlive(attempt.pid);
  }

  return {
    pool,
    location,
    async open() {
      try {
        await migrate(pool);
      } catch (error) {
        if (error instanceof StoreError) throw error;
        const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
        throw new StoreError(
          'DATABASE_URL',
          `the PostgreSQL database at ${location} cannot be used (${code}: ${error instanceof Error ? error.message : String(error)}): check DATABASE_URL, that the server runs and accepts this user.`,
          { cause: error },
        );
      }
    },
    events: {
      claim: async (key, atMs) =>
        ((await query('INSERT INTO processed_events (key, at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key, atMs])).rowCount ?? 0) === 1,
    },
    activity: {
      recordQuestion: async (r) =>
        void (await query('INSERT INTO questions (date, at, surface, question, kind, measures, found) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          r.date,
          r.at,
          r.surface,
          r.question,
          r.kind,
          r.measures,
          r.found,
        ])),
      recordFeedback: async (r) =>
        void (await query('INSERT INTO feedback (date, at, helpful, question, measures) VALUES ($1, $2, $3, $4, $5)', [
          r.date,
          r.at,
          r.helpful,
          r.question,
          r.measures,
        ])),
      async activityOn(date) {
        const feedback = { helpful: 0, notHelpful: 0 };
        for (const f of (await query('SELECT helpful, COUNT(*) AS count FROM feedback WHERE date = $1 GROUP BY helpful', [date])).rows.map((r) =>
          FeedbackCountSchema.parse(r),
        )) {
          if (f.helpful) feedback.helpful = f.count;
          else feedback.notHelpful = f.count;
        }
        const questions = (await query('SELECT question, measures, found FROM questions WHERE date = $1 ORDER BY id', [date])).rows.map((r) =>
          QuestionSchema.parse(r),
        );
        return { questions, feedback };
      },
    },
    digest: {
      cycleStart: async () => StartSchema.optional().parse((await query('SELECT start_date FROM digest_cycle WHERE id = 1')).rows[0])?.start_date,
      async ensureCycleStart(date) {
        await query('INSERT INTO digest_cycle (id, start_date) VALUES (1, $1) ON CONFLICT DO NOTHING', [date]);
        return StartSchema.optional().parse((await query('SELECT start_date FROM digest_cycle WHERE id = 1')).rows[0])?.start_date ?? date;
      },
      postedDates: async () => new Set((await query('SELECT date FROM digest_posts')).rows.map((r) => DateSchema.parse(r).date)),
      claim: (date, owner, nowMs) =>
        inTransaction(pool, { name: `digest:${date}` }, async (db): Promise<ClaimResult> => {
          const post = PostSchema.optional().parse((await db.query('SELECT channel, ts FROM digest_posts WHERE date = $1', [date])).rows[0]);
          if (post) return { status: 'already-posted', channel: post.channel, ts: post.ts };
          const attempt = AttemptSchema.optional().parse(
            (await db.query('SELECT owner, host, pid, started_at FROM digest_attempts WHERE date = $1', [date])).rows[0],
          );
          if (attempt && attempt.owner !== owner.id && stillRunning(attempt, owner, nowMs)) return { status: 'busy', owner: attempt.owner };
          await db.query(
            'INSERT INTO digest_attempts (date, owner, host, pid, started_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (date) DO UPDATE SET owner = $2, host = $3, pid = $4, started_at = $5',
            [date, owner.id, owner.host, owner.pid, nowMs],
          );
          return attempt ? { status: 'claimed-after-interruption', previousOwner: attempt.owner, startedAt: attempt.started_at } : { status: 'claimed' };
        }),
      recordPost: (date, post, nowMs) =>
        inTransaction(pool, { name: `digest:${date}` }, async (db) => {
          await db.query(
            'INSERT INTO digest_posts (date, channel, ts, issue, posted_at, found_in_history) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
            [date, post.channel, post.ts, post.issue, nowMs, post.foundInHistory],
          );
          await db.query('DELETE FROM digest_attempts WHERE date = $1', [date]);
        }),
      release: async (date, owner) => void (await query('DELETE FROM digest_attempts WHERE date = $1 AND owner = $2', [date, owner.id])),
    },
    progress: {
      forPlan: (plan): ProgressLedger => ({
        get: async (measure) => {
          const [row] = (await query('SELECT * FROM progress WHERE plan = $1 AND measure = $2', [plan, measure])).rows;
          return row === undefined ? undefined : progressRow(row);
        },
        all: async () => (await query('SELECT * FROM progress WHERE plan = $1 ORDER BY measure', [plan])).rows.map(progressRow),
        history: async (measure) =>
          changeRows((await query(`SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE plan = $1 AND measure = $2 ORDER BY id`, [plan, measure])).rows),
        changesBetween: async (from, to) =>
          changeRows(
            (await query(`SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE plan = $1 AND date >= $2 AND date <= $3 ORDER BY id`, [plan, from, to])).rows,
          ),
        allChanges: async () => changeRows((await query(`SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE plan = $1 ORDER BY id`, [plan])).rows),
        latestNotes: async () =>
          changeRows(
            (
              await query(
                `SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE id IN (SELECT MAX(id) FROM progress_changes WHERE plan = $1 AND field = 'note' GROUP BY measure) ORDER BY measure`,
                [plan],
              )
            ).rows,
          ),
        latestNote: async (measure) =>
          changeRows(
            (
              await query(`SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE plan = $1 AND measure = $2 AND field = 'note' ORDER BY id DESC LIMIT 1`, [
                plan,
                measure,
              ])
            ).rows,
          )[0],
        // The version is read and the row written under the measure's lock: two replicas updating
        // the same measure at once are serialised, and the second finds its version stale.
        write: ({ row, expectedVersion, changes }) =>
          inTransaction(pool, { name: `progress:${plan}:${row.measure}` }, async (db): Promise<ProgressWriteResult> => {
            const [found] = (await db.query('SELECT * FROM progress WHERE plan = $1 AND measure = $2', [plan, row.measure])).rows;
            const current = found === undefined ? undefined : progressRow(found);
            if ((current?.version ?? 0) !== expectedVersion) return { status: 'stale', current };
            const values = [
              plan,
              row.measure,
              row.status,
              JSON.stringify(row.lead),
              JSON.stringify(row.participants),
              row.due,
              expectedVersion + 1,
              row.updatedAt,
              row.updatedBy,
            ];
            await db.query(
              `INSERT INTO progress (plan, measure, status, lead, participants, due, version, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
               ON CONFLICT (plan, measure) DO UPDATE SET status = $3, lead = $4, participants = $5, due = $6, version = $7, updated_at = $8, updated_by = $9`,
              values,
            );
            for (const c of changes) {
              await db.query(`INSERT INTO progress_changes (plan, ${CHANGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
                plan,
                row.measure,
                expectedVersion + 1,
                c.at,
                c.date,
                c.author,
                c.field,
                c.before,
                c.after,
              ]);
            }
            return { status: 'written' };
          }),
      }),
      plans: async () =>
        (await query('SELECT plan FROM progress UNION SELECT plan FROM progress_changes ORDER BY plan')).rows.map((r) => PlanIdSchema.parse(r).plan),
    },
    threads: {
      get: async (key) => ThreadSchema.optional().parse((await query('SELECT state FROM threads WHERE key = $1', [key])).rows[0])?.state,
      put: async (key, state, atMs) =>
        void (await query('INSERT INTO threads (key, state, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET state = $2, updated_at = $3', [
          key,
          state,
          atMs,
        ])),
    },
    work: {
      accept: (work: AcceptedWork) =>
        inTransaction(pool, undefined, async (db) => {
          const claimed = await db.query('INSERT INTO processed_events (key, at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [work.key, work.acceptedAt]);
          if ((claimed.rowCount ?? 0) !== 1) return false;
          await db.query('INSERT INTO accepted_work (key, body, accepted_at, owner) VALUES ($1, $2, $3, $4)', [
            work.key,
            work.body,
            work.acceptedAt,
            work.owner,
          ]);
          return true;
        }),
      finish: async (key) => void (await query('DELETE FROM accepted_work WHERE key = $1', [key])),
      adopt: (adopter, nowMs, freshSinceMs) =>
        inTransaction(pool, LOCK.adopt, async (db) => {
          const expired = (await db.query('DELETE FROM accepted_work WHERE accepted_at < $1', [freshSinceMs])).rowCount ?? 0;
          const live = (await replicaRows(db)).filter((r) => !replicaGone(r, adopter, nowMs, isAlive)).map((r) => r.id);
          const { rows } = await db.query(
            'UPDATE accepted_work SET owner = $1 WHERE owner <> $1 AND NOT (owner = ANY($2::text[])) AND accepted_at >= $3 RETURNING key, body, accepted_at, owner',
            [adopter.id, live, freshSinceMs],
          );
          const adopted = rows.map((r) => WorkSchema.parse(r)).map((w) => ({ key: w.key, body: w.body, acceptedAt: w.accepted_at, owner: w.owner }));
          return { adopted: adopted.sort((a, b) => a.acceptedAt - b.acceptedAt), expired };
        }),
    },
    replicas: {
      join: (me, settings, nowMs) =>
        inTransaction(pool, LOCK.replicas, async (db) => {
          const conflicting = (await replicaRows(db)).filter((r) => !replicaGone(r, me, nowMs, isAlive) && r.settings !== settings);
          if (conflicting.length === 0) {
            await db.query(
              'INSERT INTO replicas (id, host, pid, settings, seen_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET settings = $4, seen_at = $5',
              [me.id, me.host, me.pid, settings, nowMs],
            );
          }
          return conflicting;
        }),
      heartbeat: async (me, nowMs) => void (await query('UPDATE replicas SET seen_at = $1 WHERE id = $2', [nowMs, me.id])),
      leave: async (me) => void (await query('DELETE FROM replicas WHERE id = $1', [me.id])),
    },
    helpDesk: postgresHelpDesk(pool, (work) => inTransaction(pool, undefined, work)),
    backup: postgresRestore((work) => inTransaction(pool, LOCK.restore, work)),
    prune: (before) =>
      pruneTables(
        before,
        async ({ table, column }, cutoff, limit) =>
          (await query(`DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${column} < $1 LIMIT $2))`, [cutoff, limit])).rowCount ?? 0,
      ),
    fault: () => undefined,
    close: () => pool.end(),
  };
}
