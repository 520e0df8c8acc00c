/**
 * The digest for a date as it would be posted now, from the state it reports on: when the walk
 * started, which dates have a digest, what was asked on the days it covers, and the coordinators'
 * record (昨日进展, 逾期/受阻). The poster, `/plan digest`, the console and the CLI all compute it
 * here, so they show the same thing.
 */
import type { Plan } from '../../core/plan/plan-schema.js';
import { previewDigest, type DigestHistory, type DigestSettings } from '../../core/digest/digest-preview.js';
import type { DigestContent } from '../../core/digest/digest-content.js';
import type { ProgressBook } from '../../core/progress/progress-book.js';
import type { ActivityLog } from '../answers/activity-log.js';
import type { OfficeClock } from '../process/office-clock.js';
import type { DigestStore } from './digest-store.js';

export interface Digests {
  /** The digest for `date` as it would be posted now. */
  forDate(date: string): Promise<DigestContent>;
  /** Today's digest (`/plan digest`). */
  today(): Promise<DigestContent>;
  /** The digest to post for `date`, counted as if `date` were today. */
  toPost(date: string): Promise<DigestContent>;
}

export interface DigestsDeps {
  plan: Plan;
  store: Pick<DigestStore, 'cycleStart' | 'postedDates'>;
  activity: Pick<ActivityLog, 'activityOn'>;
  book: ProgressBook;
  settings: DigestSettings;
  clock: OfficeClock;
}

export function createDigests({ plan, store, activity, book, settings, clock }: DigestsDeps): Digests {
  const history: DigestHistory = {
    cycleStart: () => store.cycleStart(),
    postedDates: () => store.postedDates(),
    activityOn: (date) => activity.activityOn(date),
    progress: book,
  };
  const forDate = (date: string) => previewDigest(plan, history, settings, date, clock.today());
  return { forDate, today: () => forDate(clock.today()), toPost: (date) => previewDigest(plan, history, settings, date, date) };
}
