/**
 * The digest for a date as it would be posted now, from the state it reports on: when the walk
 * started, which dates have a digest, what was asked on the days it covers, and the coordinators'
 * record (昨日进展, 逾期/受阻), and the help desk's waiting list as it stands now. The poster, `/plan digest`, the console and the CLI all compute it
 * here, so they show the same thing.
 */
import type { Plan } from '../../core/plan/plan-schema.js';
import { previewDigest, type DigestHistory, type DigestSettings } from '../../core/digest/digest-preview.js';
import type { DigestContent } from '../../core/digest/digest-content.js';
import type { ProgressBook } from '../../core/progress/progress-book.js';
import type { ActivityLog } from '../answers/activity-log.js';
import type { OfficeClock } from '../process/office-clock.js';
import type { DigestStore } from './digest-store.js';
import type { HelpDesk } from '../help-desk/help-desk.js';

/** A history with nothing in it: what a digest counts from when the state cannot be read. */
const NOTHING_KNOWN: DigestHistory = {
  cycleStart: async () => undefined,
  postedDates: async () => new Set(),
  activityOn: async () => ({ questions: [], feedback: { helpful: 0, notHelpful: 0 } }),
};

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
  /** The help desk, whose waiting list the digest carries. */
  helpDesk?: Pick<HelpDesk, 'board'>;
}

/** The digest with the help desk's waiting list, when it has anything waiting (and can be read). */
async function withHelpDesk(content: DigestContent, helpDesk: Pick<HelpDesk, 'board'> | undefined): Promise<DigestContent> {
  const board = await helpDesk?.board();
  if (!board || board.openCount + board.dueCount === 0) return content;
  const open = board.open.map(({ id, question, state, ageMs }) => ({ id, question, state, ageMs }));
  return { ...content, helpDesk: { open, openCount: board.openCount, dueForReview: board.dueForReview, dueCount: board.dueCount } };
}

export function createDigests({ plan, store, activity, book, settings, clock, helpDesk }: DigestsDeps): Digests {
  const history: DigestHistory = {
    cycleStart: () => store.cycleStart(),
    postedDates: () => store.postedDates(),
    activityOn: (date) => activity.activityOn(date),
    progress: book,
  };
  const forDate = async (date: string) => withHelpDesk(await previewDigest(plan, history, settings, date, clock.today()), helpDesk);
  return {
    forDate,
    // Shown to a reader (/plan digest): without the state, the plan's text counted from today, saying so.
    async today() {
      const today = clock.today();
      try {
        return await forDate(today);
      } catch {
        return { ...(await previewDigest(plan, NOTHING_KNOWN, settings, today, today)), unavailable: true };
      }
    },
    toPost: async (date) => withHelpDesk(await previewDigest(plan, history, settings, date, date), helpDesk),
  };
}
