/**
 * Each entry upgrades the PostgreSQL schema by one version (recorded in `schema_migrations`);
 * never edit a released one, append. The same tables as SQLite's, in PostgreSQL's types.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE questions (
     id BIGSERIAL PRIMARY KEY,
     date TEXT NOT NULL,
     at BIGINT NOT NULL,
     surface TEXT NOT NULL,
     question TEXT NOT NULL,
     kind TEXT NOT NULL,
     measures INTEGER[] NOT NULL,
     found BOOLEAN NOT NULL
   );
   CREATE INDEX questions_by_date ON questions(date);
   CREATE TABLE feedback (
     id BIGSERIAL PRIMARY KEY,
     date TEXT NOT NULL,
     at BIGINT NOT NULL,
     helpful BOOLEAN NOT NULL,
     question TEXT NOT NULL,
     measures INTEGER[] NOT NULL
   );
   CREATE INDEX feedback_by_date ON feedback(date);
   CREATE TABLE processed_events (key TEXT PRIMARY KEY, at BIGINT NOT NULL);
   CREATE INDEX processed_events_by_at ON processed_events(at);`,
  `CREATE TABLE digest_cycle (id INTEGER PRIMARY KEY CHECK (id = 1), start_date TEXT NOT NULL);
   CREATE TABLE digest_posts (
     date TEXT PRIMARY KEY,
     channel TEXT NOT NULL,
     ts TEXT NOT NULL,
     issue INTEGER NOT NULL,
     posted_at BIGINT NOT NULL,
     found_in_history BOOLEAN NOT NULL
   );
   CREATE TABLE digest_attempts (
     date TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     host TEXT NOT NULL,
     pid INTEGER NOT NULL,
     started_at BIGINT NOT NULL
   );`,
  `CREATE TABLE accepted_work (
     key TEXT PRIMARY KEY,
     body TEXT NOT NULL,
     accepted_at BIGINT NOT NULL,
     owner TEXT NOT NULL
   );
   CREATE INDEX accepted_work_by_owner ON accepted_work(owner);
   CREATE TABLE replicas (
     id TEXT PRIMARY KEY,
     host TEXT NOT NULL,
     pid INTEGER NOT NULL,
     settings TEXT NOT NULL,
     seen_at BIGINT NOT NULL
   );`,
  `CREATE TABLE threads (
     key TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     updated_at BIGINT NOT NULL
   );
   CREATE INDEX threads_by_age ON threads(updated_at);`,
  `CREATE TABLE progress (
     measure INTEGER PRIMARY KEY,
     status TEXT,
     lead JSONB NOT NULL,
     participants JSONB NOT NULL,
     due TEXT,
     version INTEGER NOT NULL,
     updated_at BIGINT NOT NULL,
     updated_by TEXT NOT NULL
   );
   CREATE TABLE progress_changes (
     id BIGSERIAL PRIMARY KEY,
     measure INTEGER NOT NULL,
     version INTEGER NOT NULL,
     at BIGINT NOT NULL,
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
  // Records are kept a plan each; those made before plans had ids belong to the 2014 plan.
  `ALTER TABLE progress ADD COLUMN plan TEXT NOT NULL DEFAULT '2014';
   ALTER TABLE progress DROP CONSTRAINT progress_pkey;
   ALTER TABLE progress ADD PRIMARY KEY (plan, measure);
   ALTER TABLE progress_changes ADD COLUMN plan TEXT NOT NULL DEFAULT '2014';
   DROP INDEX progress_changes_by_measure;
   DROP INDEX progress_notes_by_measure;
   CREATE INDEX progress_changes_by_plan ON progress_changes(plan, measure, id);
   CREATE INDEX progress_notes_by_plan ON progress_changes(plan, measure, id) WHERE field = 'note';`,
  // Escalations to the coordination office, its standard answers, and the channels answered in.
  `CREATE TABLE escalations (
     id BIGSERIAL PRIMARY KEY,
     thread_key TEXT NOT NULL UNIQUE,
     asker_channel TEXT NOT NULL,
     asker_thread_ts TEXT NOT NULL,
     asker TEXT NOT NULL,
     question TEXT NOT NULL,
     plan TEXT NOT NULL,
     measures INTEGER[] NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('open', 'answered', 'closed')),
     created_at BIGINT NOT NULL,
     opened_by TEXT NOT NULL,
     coordination_channel TEXT NOT NULL,
     permalink TEXT,
     coordination_ts TEXT,
     asker_told_at BIGINT,
     answered_at BIGINT,
     answered_by TEXT,
     closed_at BIGINT,
     closed_by TEXT
   );
   CREATE INDEX escalations_by_post ON escalations(coordination_channel, coordination_ts);
   CREATE TABLE escalation_replies (
     escalation BIGINT NOT NULL,
     message_ts TEXT NOT NULL,
     author TEXT NOT NULL,
     text TEXT NOT NULL,
     at BIGINT NOT NULL,
     relay_ts TEXT,
     offered_at BIGINT,
     seq BIGSERIAL,
     PRIMARY KEY (escalation, message_ts)
   );
   CREATE TABLE standard_answers (
     id BIGSERIAL PRIMARY KEY,
     version INTEGER NOT NULL,
     text TEXT NOT NULL,
     question TEXT NOT NULL,
     plan TEXT NOT NULL,
     measures INTEGER[] NOT NULL,
     saved_by TEXT NOT NULL,
     saved_at BIGINT NOT NULL,
     updated_by TEXT NOT NULL,
     updated_at BIGINT NOT NULL,
     review_by TEXT NOT NULL,
     retired BOOLEAN NOT NULL,
     source TEXT UNIQUE
   );
   CREATE TABLE standard_answer_versions (
     answer BIGINT NOT NULL,
     version INTEGER NOT NULL,
     text TEXT NOT NULL,
     question TEXT NOT NULL,
     measures INTEGER[] NOT NULL,
     review_by TEXT NOT NULL,
     retired BOOLEAN NOT NULL,
     author TEXT NOT NULL,
     at BIGINT NOT NULL,
     PRIMARY KEY (answer, version)
   );
   CREATE TABLE answer_channels (
     channel TEXT PRIMARY KEY,
     enabled BOOLEAN NOT NULL,
     set_by TEXT NOT NULL,
     set_at BIGINT NOT NULL
   );`,
];
