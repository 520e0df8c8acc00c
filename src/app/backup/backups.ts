/**
 * Backups in the portable format (state-snapshot.ts): everything the office keeps, read out as
 * one snapshot, and a snapshot restored into the state in one transaction.
 *
 * Before anything is written the snapshot is checked against the library: records of a plan the
 * library does not hold (PLANS_DIR), or of a measure past the end of its plan, are refused
 * unless `force` (a backup taken with a plan since removed can still be brought back, on purpose).
 */
import type { AnswerLibrary } from '../../core/answer/open-answer-library.js';
import type { ProgressLedgers } from '../../core/progress/progress-ledger.js';
import type { ProgressChange, ProgressRecord } from '../../core/progress/progress-schema.js';
import type { ProgressBook } from '../../core/progress/progress-book.js';
import { helpDeskSnapshot } from '../help-desk/help-desk-snapshot.js';
import type { HelpDeskState } from '../help-desk/help-desk-store.js';
import { SNAPSHOT_FORMAT, type RestoreConflict, type SnapshotRestore, type StateSnapshot, type StoredSnapshot } from '../../core/backup/state-snapshot.js';

export type ImportOutcome =
  | { outcome: 'restored'; plans: number; records: number; escalations: number; standardAnswers: number; answerChannels: number }
  | { outcome: 'unknown-plan'; plan: string; known: string[] }
  | { outcome: 'unknown-measure'; plan: string; measure: number; measureCount: number }
  | { outcome: 'newer-in-store'; conflicts: RestoreConflict[] };

export interface Backups {
  /** Everything kept, as `progress export --json` writes it. */
  snapshot(): Promise<StateSnapshot>;
  /** Restores a snapshot (already validated by its schema): all of it, or nothing and why. */
  restore(snapshot: StateSnapshot, options: { force: boolean }): Promise<ImportOutcome>;
}

export interface BackupDeps {
  library: AnswerLibrary;
  progress: ProgressLedgers;
  /** A plan's book as kept, also of a plan the library no longer holds (restored with --force), never the current plan's instead. */
  book: (planId: string) => ProgressBook;
  helpDesk: HelpDeskState;
  store: SnapshotRestore;
}

const rowOf = (r: ProgressRecord) => ({
  measure: r.measure,
  status: r.status ?? null,
  lead: r.lead,
  participants: r.participants,
  due: r.due ?? null,
  version: r.version,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});
const changeRowOf = (c: ProgressChange) => ({
  measure: c.measure,
  version: c.version,
  at: c.at,
  date: c.date,
  author: c.author,
  field: c.field,
  before: c.before,
  after: c.after,
});

/** The first record or change of the snapshot the library cannot place, if any. */
function misplaced(library: AnswerLibrary, snapshot: StateSnapshot): ImportOutcome | undefined {
  for (const { plan, records, changes } of snapshot.plans) {
    const context = library.find(plan);
    if (!context) return { outcome: 'unknown-plan', plan, known: library.contexts.map((c) => c.plan.id) };
    const measureCount = context.plan.measures.length;
    const beyond = [...records, ...changes].find((r) => r.measure > measureCount);
    if (beyond) return { outcome: 'unknown-measure', plan, measure: beyond.measure, measureCount };
  }
  return undefined;
}

export function createBackups({ library, progress, book, helpDesk, store }: BackupDeps): Backups {
  return {
    async snapshot() {
      const plans = [];
      for (const plan of await progress.plans()) plans.push({ plan, ...(await book(plan).everything()) });
      return { format: SNAPSHOT_FORMAT, plans, ...(await helpDeskSnapshot(helpDesk)) };
    },
    async restore(snapshot, { force }) {
      const refused = force ? undefined : misplaced(library, snapshot);
      if (refused) return refused;
      const stored: StoredSnapshot = {
        plans: snapshot.plans.map(({ plan, records, changes }) => ({ plan, rows: records.map(rowOf), changes: changes.map(changeRowOf) })),
        escalations: snapshot.escalations,
        standardAnswers: snapshot.standardAnswers,
        answerChannels: snapshot.answerChannels,
      };
      const result = await store.restore(stored, { force });
      if (result.status === 'newer-in-store') return { outcome: 'newer-in-store', conflicts: result.conflicts };
      return {
        outcome: 'restored',
        plans: snapshot.plans.length,
        records: snapshot.plans.reduce((n, p) => n + p.records.length, 0),
        escalations: snapshot.escalations.length,
        standardAnswers: snapshot.standardAnswers.length,
        answerChannels: snapshot.answerChannels.length,
      };
    },
  };
}
