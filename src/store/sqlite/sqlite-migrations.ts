/** Each entry upgrades the SQLite schema by one version (`PRAGMA user_version`); never edit a released one, append. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE questions (
     id INTEGER PRIMARY KEY,
     date TEXT NOT NULL,
     at INTEGER NOT NULL,
     surface TEXT NOT NULL,
     question TEXT NOT NULL,
     kind TEXT NOT NULL,
     measures TEXT NOT NULL,
     found INTEGER NOT NULL
   );
   CREATE INDEX questions_by_date ON questions(date);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     date TEXT NOT NULL,
     at INTEGER NOT NULL,
     helpful INTEGER NOT NULL,
     question TEXT NOT NULL,
     measures TEXT NOT NULL
   );
   CREATE INDEX feedback_by_date ON feedback(date);
   CREATE TABLE processed_events (key TEXT PRIMARY KEY, at INTEGER NOT NULL);`,
  `CREATE TABLE digest_cycle (id INTEGER PRIMARY KEY CHECK (id = 1), start_date TEXT NOT NULL);
   CREATE TABLE digest_posts (
     date TEXT PRIMARY KEY,
     channel TEXT NOT NULL,
     ts TEXT NOT NULL,
     issue INTEGER NOT NULL,
     posted_at INTEGER NOT NULL,
     found_in_history INTEGER NOT NULL
   );
   CREATE TABLE digest_attempts (
     date TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     host TEXT NOT NULL,
     pid INTEGER NOT NULL,
     started_at INTEGER NOT NULL
   );`,
  `CREATE TABLE threads (
     key TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX threads_by_age ON threads(updated_at);`,
  `CREATE TABLE accepted_work (
     key TEXT PRIMARY KEY,
     body TEXT NOT NULL,
     accepted_at INTEGER NOT NULL,
     owner TEXT NOT NULL
   );
   CREATE INDEX accepted_work_by_owner ON accepted_work(owner);
   CREATE TABLE replicas (
     id TEXT PRIMARY KEY,
     host TEXT NOT NULL,
     pid INTEGER NOT NULL,
     settings TEXT NOT NULL,
     seen_at INTEGER NOT NULL
   );`,
  `CREATE TABLE progress (
     measure INTEGER PRIMARY KEY,
     status TEXT,
     lead TEXT NOT NULL,
     participants TEXT NOT NULL,
     due TEXT,
     version INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     updated_by TEXT NOT NULL
   );
   CREATE TABLE progress_changes (
     id INTEGER PRIMARY KEY,
     measure INTEGER NOT NULL,
     version INTEGER NOT NULL,
     at INTEGER NOT NULL,
     date TEXT NOT NULL,
     author TEXT NOT NULL,
     field TEXT NOT NULL,
     before TEXT,
     after TEXT
   );
   CREATE INDEX progress_changes_by_measure ON progress_changes(measure, id);
   CREATE INDEX progress_changes_by_date ON progress_changes(date);`,
  // A measure's latest note is read on every update: found through this index, whatever the history.
  `CREATE INDEX progress_notes_by_measure ON progress_changes(measure, id) WHERE field = 'note';`,
  // The state's upkeep deletes delivery claims by age (the other pruned tables had their index).
  `CREATE INDEX processed_events_by_at ON processed_events(at);`,
  // Records are kept a plan each (a measure is a measure of one year's plan); those made before
  // plans had ids belong to the 2014 plan, the only one there was.
  `CREATE TABLE progress_by_plan (
     plan TEXT NOT NULL,
     measure INTEGER NOT NULL,
     status TEXT,
     lead TEXT NOT NULL,
     participants TEXT NOT NULL,
     due TEXT,
     version INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     updated_by TEXT NOT NULL,
     PRIMARY KEY (plan, measure)
   );
   INSERT INTO progress_by_plan SELECT '2014', measure, status, lead, participants, due, version, updated_at, updated_by FROM progress;
   DROP TABLE progress;
   ALTER TABLE progress_by_plan RENAME TO progress;
   ALTER TABLE progress_changes ADD COLUMN plan TEXT NOT NULL DEFAULT '2014';
   DROP INDEX progress_changes_by_measure;
   DROP INDEX progress_notes_by_measure;
   CREATE INDEX progress_changes_by_plan ON progress_changes(plan, measure, id);
   CREATE INDEX progress_notes_by_plan ON progress_changes(plan, measure, id) WHERE field = 'note';`,
  // Escalations to the coordination office, its standard answers, and the channels answered in.
  `CREATE TABLE escalations (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     thread_key TEXT NOT NULL UNIQUE,
     asker_channel TEXT NOT NULL,
     asker_thread_ts TEXT NOT NULL,
     asker TEXT NOT NULL,
     question TEXT NOT NULL,
     plan TEXT NOT NULL,
     measures TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('open', 'answered', 'closed')),
     created_at INTEGER NOT NULL,
     opened_by TEXT NOT NULL,
     coordination_channel TEXT NOT NULL,
     permalink TEXT,
     coordination_ts TEXT,
     asker_told_at INTEGER,
     answered_at INTEGER,
     answered_by TEXT,
     closed_at INTEGER,
     closed_by TEXT
   );
   CREATE INDEX escalations_by_post ON escalations(coordination_channel, coordination_ts);
   CREATE TABLE escalation_replies (
     escalation INTEGER NOT NULL,
     message_ts TEXT NOT NULL,
     author TEXT NOT NULL,
     text TEXT NOT NULL,
     at INTEGER NOT NULL,
     relay_ts TEXT,
     offered_at INTEGER,
     PRIMARY KEY (escalation, message_ts)
   );
   CREATE TABLE standard_answers (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     version INTEGER NOT NULL,
     text TEXT NOT NULL,
     question TEXT NOT NULL,
     plan TEXT NOT NULL,
     measures TEXT NOT NULL,
     saved_by TEXT NOT NULL,
     saved_at INTEGER NOT NULL,
     updated_by TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     review_by TEXT NOT NULL,
     retired INTEGER NOT NULL,
     source TEXT UNIQUE
   );
   CREATE TABLE standard_answer_versions (
     answer INTEGER NOT NULL,
     version INTEGER NOT NULL,
     text TEXT NOT NULL,
     question TEXT NOT NULL,
     measures TEXT NOT NULL,
     review_by TEXT NOT NULL,
     retired INTEGER NOT NULL,
     author TEXT NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (answer, version)
   );
   CREATE TABLE answer_channels (
     channel TEXT PRIMARY KEY,
     enabled INTEGER NOT NULL,
     set_by TEXT NOT NULL,
     set_at INTEGER NOT NULL
   );`,
];
