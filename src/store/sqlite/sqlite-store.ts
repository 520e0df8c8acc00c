/**
 * {@link StateStore} on SQLite (better-sqlite3). The calls are synchronous underneath and
 * answered as promises, so callers are written once for every engine. The digest claim runs in
 * an IMMEDIATE transaction, which SQLite serialises across the processes sharing the file. The
 * writes someone is told were saved (progress updates, the digest's record) are refused once the
 * file or its WAL is gone from under the connection (state-file-watch.ts).
 */
import { ATTEMPT_LEASE_MS, type ClaimResult } from '../../app/digest/digest-store.js';
import type { Replica } from '../../app/process/replica.js';
import type { ProgressChangeRow, ProgressLedger, ProgressRow, ProgressWriteResult } from '../../core/progress/progress-ledger.js';
import type { AcceptedWork, ReplicaRow, StateStore } from '../state-store.js';
import { replicaGone } from '../replica-liveness.js';
import { PRUNED_ROWS, pruneTables } from '../retention.js';
import { isProcessAlive } from '../process-alive.js';
import { sqliteHelpDesk } from './sqlite-help-desk.js';
import { sqliteRestore } from './sqlite-restore.js';
import { StoreError } from '../store-error.js';
import { hasStateFile, openDatabase, openMemoryDatabase, stateFile, type SqliteDatabase } from './open-sqlite.js';
import { watchStateFiles, type StateFileWatch } from './state-file-watch.js';

interface AttemptRow {
  owner: string;
  host: string;
  pid: number;
  started_at: number;
}

export interface SqliteStoreOptions {
  /** Whether a pid on this host still runs (injected by tests). */
  isAlive?: (pid: number) => boolean;
}

interface StoreInternals extends SqliteStoreOptions {
  /** The state file's watch (none for a database in memory). */
  files?: StateFileWatch;
}

function measuresOf(json: string): number[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((n): n is number => Number.isInteger(n)) : [];
}

function stringsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
}

interface ProgressTableRow {
  measure: number;
  status: string | null;
  lead: string;
  participants: string;
  due: string | null;
  version: number;
  updated_at: number;
  updated_by: string;
}

function progressRow(r: ProgressTableRow): ProgressRow {
  return {
    measure: r.measure,
    status: r.status,
    lead: stringsOf(r.lead),
    participants: stringsOf(r.participants),
    due: r.due,
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

const CHANGE_COLUMNS = 'measure, version, at, date, author, field, before, after';

export function sqliteStore(
  db: SqliteDatabase,
  location: string,
  { isAlive = isProcessAlive, files }: StoreInternals = {},
): StateStore & { db: SqliteDatabase } {
  /**
   * Runs a write someone will be told was saved, only while the state file is the one at its path,
   * and confirms it only if it still is afterwards (state-file-watch.ts says why and what else).
   */
  function durable<T>(write: () => T): T {
    const refuse = () => {
      const fault = files?.check();
      if (fault)
        throw new StoreError(
          location,
          `the state in ${location} can no longer be written safely: ${fault.reason}. ${fault.rescue}. Nothing is confirmed any more: restart the service (it opens the file at its path again).`,
        );
    };
    refuse();
    const result = write();
    refuse();
    return result;
  }

  const insertEvent = db.prepare('INSERT OR IGNORE INTO processed_events (key, at) VALUES (?, ?)');
  const pruneStatements = new Map(
    PRUNED_ROWS.map(({ table, column }) => [
      table,
      db.prepare<[number | string, number]>(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE ${column} < ? LIMIT ?)`),
    ]),
  );

  const insertQuestion = db.prepare('INSERT INTO questions (date, at, surface, question, kind, measures, found) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertFeedback = db.prepare('INSERT INTO feedback (date, at, helpful, question, measures) VALUES (?, ?, ?, ?, ?)');
  const questionsOn = db.prepare<[string], { question: string; measures: string; found: number }>(
    'SELECT question, measures, found FROM questions WHERE date = ? ORDER BY id',
  );
  const feedbackOn = db.prepare<[string], { helpful: number; count: number }>(
    'SELECT helpful, COUNT(*) AS count FROM feedback WHERE date = ? GROUP BY helpful',
  );

  const getStart = db.prepare<[], { start_date: string }>('SELECT start_date FROM digest_cycle WHERE id = 1');
  const setStart = db.prepare('INSERT OR IGNORE INTO digest_cycle (id, start_date) VALUES (1, ?)');
  const getPost = db.prepare<[string], { channel: string; ts: string }>('SELECT channel, ts FROM digest_posts WHERE date = ?');
  const allPosts = db.prepare<[], { date: string }>('SELECT date FROM digest_posts');
  const getAttempt = db.prepare<[string], AttemptRow>('SELECT owner, host, pid, started_at FROM digest_attempts WHERE date = ?');
  const putAttempt = db.prepare('INSERT OR REPLACE INTO digest_attempts (date, owner, host, pid, started_at) VALUES (?, ?, ?, ?, ?)');
  const dropAttempt = db.prepare('DELETE FROM digest_attempts WHERE date = ? AND owner = ?');
  const dropAnyAttempt = db.prepare('DELETE FROM digest_attempts WHERE date = ?');
  const getThread = db.prepare<[string], { state: string }>('SELECT state FROM threads WHERE key = ?');
  const putThread = db.prepare(
    'INSERT INTO threads (key, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
  );
  const putPost = db.prepare('INSERT OR IGNORE INTO digest_posts (date, channel, ts, issue, posted_at, found_in_history) VALUES (?, ?, ?, ?, ?, ?)');

  const insertWork = db.prepare('INSERT INTO accepted_work (key, body, accepted_at, owner) VALUES (?, ?, ?, ?)');
  const deleteWork = db.prepare('DELETE FROM accepted_work WHERE key = ?');
  const expireWork = db.prepare('DELETE FROM accepted_work WHERE accepted_at < ?');
  const workOf = db.prepare<[string, number], { key: string; body: string; accepted_at: number; owner: string }>(
    'SELECT key, body, accepted_at, owner FROM accepted_work WHERE owner <> ? AND accepted_at >= ? ORDER BY accepted_at',
  );
  const moveWork = db.prepare('UPDATE accepted_work SET owner = ? WHERE key = ?');
  const allReplicas = db.prepare<[], { id: string; host: string; pid: number; settings: string; seen_at: number }>(
    'SELECT id, host, pid, settings, seen_at FROM replicas',
  );
  const putReplica = db.prepare('INSERT OR REPLACE INTO replicas (id, host, pid, settings, seen_at) VALUES (?, ?, ?, ?, ?)');
  const touchReplica = db.prepare('UPDATE replicas SET seen_at = ? WHERE id = ?');
  const dropReplica = db.prepare('DELETE FROM replicas WHERE id = ?');

  const replicaRows = (): ReplicaRow[] => allReplicas.all().map((r) => ({ id: r.id, host: r.host, pid: r.pid, settings: r.settings, seenAt: r.seen_at }));

  const acceptTx = db.transaction((work: AcceptedWork): boolean => {
    if (insertEvent.run(work.key, work.acceptedAt).changes !== 1) return false;
    insertWork.run(work.key, work.body, work.acceptedAt, work.owner);
    return true;
  });
  const adoptTx = db.transaction((adopter: Replica, nowMs: number, freshSinceMs: number) => {
    const expired = expireWork.run(freshSinceMs).changes;
    const live = new Set(
      replicaRows()
        .filter((r) => !replicaGone(r, adopter, nowMs, isAlive))
        .map((r) => r.id),
    );
    const adopted: AcceptedWork[] = [];
    for (const row of workOf.all(adopter.id, freshSinceMs)) {
      if (live.has(row.owner)) continue;
      moveWork.run(adopter.id, row.key);
      adopted.push({ key: row.key, body: row.body, acceptedAt: row.accepted_at, owner: adopter.id });
    }
    return { adopted, expired };
  });
  const joinTx = db.transaction((me: Replica, settings: string, nowMs: number): ReplicaRow[] => {
    const conflicting = replicaRows().filter((r) => !replicaGone(r, me, nowMs, isAlive) && r.settings !== settings);
    if (conflicting.length === 0) putReplica.run(me.id, me.host, me.pid, settings, nowMs);
    return conflicting;
  });
  const getProgress = db.prepare<[string, number], ProgressTableRow>('SELECT * FROM progress WHERE plan = ? AND measure = ?');
  const allProgress = db.prepare<[string], ProgressTableRow>('SELECT * FROM progress WHERE plan = ? ORDER BY measure');
  const insertProgress = db.prepare(
    'INSERT INTO progress (plan, measure, status, lead, participants, due, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const updateProgress = db.prepare(
    'UPDATE progress SET status = ?, lead = ?, participants = ?, due = ?, version = ?, updated_at = ?, updated_by = ? WHERE plan = ? AND measure = ? AND version = ?',
  );
  const insertChange = db.prepare(`INSERT INTO progress_changes (plan, ${CHANGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const historyOf = db.prepare<[string, number], ProgressChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE plan = ? AND measure = ? ORDER BY id`,
  );
  const changesBetween = db.prepare<[string, string, string], ProgressChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE plan = ? AND date >= ? AND date <= ? ORDER BY id`,
  );
  const allChanges = db.prepare<[string], ProgressChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE plan = ? ORDER BY id`);
  const latestNoteOf = db.prepare<[string, number], ProgressChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE plan = ? AND measure = ? AND field = 'note' ORDER BY id DESC LIMIT 1`,
  );
  const latestNotes = db.prepare<[string, string], ProgressChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM progress_changes WHERE id IN (SELECT MAX(id) FROM progress_changes WHERE plan = ? AND field = 'note' GROUP BY measure) AND plan = ? ORDER BY measure`,
  );
  const plansWithRecords = db.prepare<[], { plan: string }>('SELECT plan FROM progress UNION SELECT plan FROM progress_changes ORDER BY plan');

  // IMMEDIATE: the version is read and the row written under one write lock, across processes.
  const writeProgressTx = db.transaction((plan: string, row: ProgressRow, expectedVersion: number, changes: ProgressChangeRow[]): ProgressWriteResult => {
    const current = getProgress.get(plan, row.measure);
    if ((current?.version ?? 0) !== expectedVersion) return { status: 'stale', current: current ? progressRow(current) : undefined };
    const values = [
      row.status,
      JSON.stringify(row.lead),
      JSON.stringify(row.participants),
      row.due,
      expectedVersion + 1,
      row.updatedAt,
      row.updatedBy,
    ] as const;
    if (current) updateProgress.run(...values, plan, row.measure, expectedVersion);
    else insertProgress.run(plan, row.measure, ...values);
    for (const c of changes) insertChange.run(plan, row.measure, expectedVersion + 1, c.at, c.date, c.author, c.field, c.before, c.after);
    return { status: 'written' };
  });

  const ledgerOf = (plan: string): ProgressLedger => ({
    get: async (measure) => {
      const row = getProgress.get(plan, measure);
      return row ? progressRow(row) : undefined;
    },
    all: async () => allProgress.all(plan).map(progressRow),
    history: async (measure) => historyOf.all(plan, measure),
    changesBetween: async (from, to) => changesBetween.all(plan, from, to),
    allChanges: async () => allChanges.all(plan),
    latestNotes: async () => latestNotes.all(plan, plan),
    latestNote: async (measure) => latestNoteOf.get(plan, measure),
    write: async ({ row, expectedVersion, changes }) => durable(() => writeProgressTx.immediate(plan, row, expectedVersion, changes)),
  });

  /** Whether the attempt's process may still be posting. */
  function stillRunning(attempt: AttemptRow, owner: Replica, nowMs: number): boolean {
    if (nowMs - attempt.started_at >= ATTEMPT_LEASE_MS) return false;
    if (attempt.host !== owner.host) return true; // another machine: only the lease can tell
    if (attempt.pid === owner.pid) return false; // an earlier life of this pid
    return isAlive(attempt.pid);
  }

  const claimTx = db.transaction((date: string, owner: Replica, nowMs: number): ClaimResult => {
    const post = getPost.get(date);
    if (post) return { status: 'already-posted', channel: post.channel, ts: post.ts };
    const attempt = getAttempt.get(date);
    // This process's own leftover claim (an attempt whose outcome stayed unknown) is retaken: the
    // poster runs one attempt per date at a time.
    if (attempt && attempt.owner !== owner.id && stillRunning(attempt, owner, nowMs)) return { status: 'busy', owner: attempt.owner };
    putAttempt.run(date, owner.id, owner.host, owner.pid, nowMs);
    return attempt ? { status: 'claimed-after-interruption', previousOwner: attempt.owner, startedAt: attempt.started_at } : { status: 'claimed' };
  });
  const recordPostTx = db.transaction((date: string, post: { channel: string; ts: string; issue: number; foundInHistory: boolean }, nowMs: number) => {
    putPost.run(date, post.channel, post.ts, post.issue, nowMs, post.foundInHistory ? 1 : 0);
    dropAnyAttempt.run(date);
  });

  return {
    db,
    location,
    events: {
      claim: async (key, atMs) => insertEvent.run(key, atMs).changes === 1,
    },
    activity: {
      recordQuestion: async (r) => void insertQuestion.run(r.date, r.at, r.surface, r.question, r.kind, JSON.stringify(r.measures), r.found ? 1 : 0),
      recordFeedback: async (r) => void insertFeedback.run(r.date, r.at, r.helpful ? 1 : 0, r.question, JSON.stringify(r.measures)),
      async activityOn(date) {
        const feedback = { helpful: 0, notHelpful: 0 };
        for (const f of feedbackOn.all(date)) {
          if (f.helpful) feedback.helpful = f.count;
          else feedback.notHelpful = f.count;
        }
        const questions = questionsOn.all(date).map((q) => ({ question: q.question, measures: measuresOf(q.measures), found: q.found === 1 }));
        return { questions, feedback };
      },
    },
    digest: {
      cycleStart: async () => getStart.get()?.start_date,
      async ensureCycleStart(date) {
        durable(() => setStart.run(date));
        return getStart.get()?.start_date ?? date;
      },
      postedDates: async () => new Set(allPosts.all().map((r) => r.date)),
      claim: async (date, owner, nowMs) => durable(() => claimTx.immediate(date, owner, nowMs)),
      recordPost: async (date, post, nowMs) => durable(() => recordPostTx.immediate(date, post, nowMs)),
      release: async (date, owner) => void dropAttempt.run(date, owner.id),
    },
    threads: {
      get: async (key) => getThread.get(key)?.state,
      put: async (key, state, atMs) => void putThread.run(key, state, atMs),
    },
    work: {
      accept: async (work) => acceptTx.immediate(work),
      finish: async (key) => void deleteWork.run(key),
      adopt: async (adopter, nowMs, freshSinceMs) => adoptTx.immediate(adopter, nowMs, freshSinceMs),
    },
    replicas: {
      join: async (me, settings, nowMs) => joinTx.immediate(me, settings, nowMs),
      heartbeat: async (me, nowMs) => void touchReplica.run(nowMs, me.id),
      leave: async (me) => void dropReplica.run(me.id),
    },
    open: async () => undefined,
    progress: {
      forPlan: ledgerOf,
      plans: async () => plansWithRecords.all().map((r) => r.plan),
    },
    helpDesk: sqliteHelpDesk(db, durable),
    backup: sqliteRestore(db, durable),
    prune: (before) => pruneTables(before, ({ table }, cutoff, limit) => pruneStatements.get(table)?.run(cutoff, limit).changes ?? 0),
    fault: () => files?.check(),
    close: async () => void db.close(),
  };
}

/** The state under `dataDir`, created if need be. */
export function openSqliteStore(dataDir: string, options?: SqliteStoreOptions): StateStore & { db: SqliteDatabase } {
  const db = openDatabase(dataDir);
  const file = stateFile(dataDir);
  return sqliteStore(db, file, { ...options, files: watchStateFiles(db, file) });
}

/** Empty state that lives only in memory. */
export function memorySqliteStore(options?: SqliteStoreOptions): StateStore & { db: SqliteDatabase } {
  return sqliteStore(openMemoryDatabase(), ':memory:', options);
}

/** The state in `dataDir` if it has any, without creating anything; otherwise empty state in memory (previews). */
export function openExistingSqliteStore(dataDir: string): StateStore & { db: SqliteDatabase } {
  return hasStateFile(dataDir) ? openSqliteStore(dataDir) : memorySqliteStore();
}
