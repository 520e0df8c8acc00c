/**
 * The application: one entry per use case, between the edges (Slack listeners, the CLI, the
 * console) and the pure core. An edge parses its input, calls one entry, renders what comes back
 * and responds. Everything the use cases need from outside comes in through the ports declared
 * in their own files: the state (activity, conversations, the implementation record, the digest's
 * record, the help desk's), who the coordinators are, the optional semantic search, and the
 * office's clock.
 */
import type { AnswerLibrary } from '../core/answer/open-answer-library.js';
import type { DigestSettings } from '../core/digest/digest-preview.js';
import { createProgressBook, type ProgressBook } from '../core/progress/progress-book.js';
import type { ProgressLedgers } from '../core/progress/progress-ledger.js';
import type { Logger } from '../logger.js';
import { activityRecorder, type ActivityLog, type ActivityRecorder } from './answers/activity-log.js';
import { createAnswerer, type QuestionEmbeddings } from './answers/answerer.js';
import type { OfficeClock } from './process/office-clock.js';
import { createPlanRequests, type PlanRequests } from './answers/plan-request.js';
import { createConversationReplies, type ConversationReplies } from './answers/reply-to-message.js';
import { createThreadMemory, type ThreadStore } from './answers/thread-memory.js';
import { createDigests, type Digests } from './digest/digests.js';
import type { DigestStore } from './digest/digest-store.js';
import type { HelpDeskState } from './help-desk/help-desk-store.js';
import { createLookups, type Lookups } from './answers/lookups.js';
import type { Coordinators } from './progress/coordinators.js';
import { createHelpDesk, HELP_DESK_OFF, type HelpDesk, type HelpDeskSettings } from './help-desk/help-desk.js';
import { createHomePages, type HomePages } from './home/home-page.js';
import { createProgressDesk, type ProgressDesk } from './progress/progress-desk.js';
import { createBackups, type Backups } from './backup/backups.js';
import type { SnapshotRestore } from '../core/backup/state-snapshot.js';

/** The state the use cases keep (the state store implements every part). */
export interface ApplicationState {
  activity: ActivityLog;
  threads: ThreadStore;
  progress: ProgressLedgers;
  digest: Pick<DigestStore, 'cycleStart' | 'postedDates'>;
  helpDesk: HelpDeskState;
  /** Restores a backup in one transaction (`progress import`). */
  backup: SnapshotRestore;
}

export interface ApplicationPorts {
  /** Every plan and its search; answers use the current one unless a question names another. */
  library: AnswerLibrary;
  state: ApplicationState;
  coordinators: Coordinators;
  digest: DigestSettings;
  clock: OfficeClock;
  logger: Logger;
  /** The semantic search, when EMBEDDINGS_URL is set. */
  semantic?: QuestionEmbeddings;
  /** The help desk's settings; off (no 问协调办, no help channels) when not given. */
  helpDesk?: HelpDeskSettings;
}

/** After 有帮助 / 没帮助: whether to offer 问协调办 (没帮助, with a coordination channel set). */
export interface FeedbackOutcome {
  offerEscalation: boolean;
}

export interface Application {
  /** A message in a conversation (DM, mention, thread, assistant panel, console). */
  conversation: ConversationReplies;
  /** `/plan <text>`. */
  planRequests: PlanRequests;
  /** `/measure`, `/area` and the cards behind buttons. */
  lookups: Lookups;
  /** The implementation record: cards, history, updates, the dashboard. */
  progress: ProgressDesk;
  /** The digest for a date, as it would be posted. */
  digests: Digests;
  /** 有帮助 / 没帮助: recorded for the digest. */
  feedback: (entry: Parameters<ActivityRecorder['feedback']>[0]) => FeedbackOutcome;
  /** The coordination office's help desk: escalations, standard answers, help channels. */
  helpDesk: HelpDesk;
  /** The App Home tab for a viewer. */
  home: HomePages;
  /** A plan's record as kept (the current plan's by default), for the digest poster, exports and the administrator's tools. */
  book(planId?: string): ProgressBook;
  /** The plans with any record kept, in id order (exports). */
  recordedPlans(): Promise<string[]>;
  /** Everything kept as one portable snapshot, and a snapshot restored (`progress export --json`, `progress import`). */
  backups: Backups;
}

export function createApplication({
  library,
  state,
  coordinators,
  digest,
  clock,
  logger,
  semantic,
  helpDesk: settings = HELP_DESK_OFF,
}: ApplicationPorts): Application {
  const books = new Map<string, ProgressBook>();
  /** Each plan's record, kept under its id. */
  const book = (planId = library.current.plan.id): ProgressBook => {
    const plan = (library.find(planId) ?? library.current).plan;
    let kept = books.get(plan.id);
    if (!kept) {
      kept = createProgressBook({ ledger: state.progress.forPlan(plan.id), measureCount: plan.measures.length, timeZone: clock.timeZone, now: clock.now });
      books.set(plan.id, kept);
    }
    return kept;
  };
  /** A plan's record as kept, also of a plan outside the library (a backup restored with --force): read out, never updated (no measures). */
  const keptBook = (planId: string): ProgressBook =>
    library.find(planId)
      ? book(planId)
      : createProgressBook({ ledger: state.progress.forPlan(planId), measureCount: 0, timeZone: clock.timeZone, now: clock.now });
  const activity = activityRecorder(state.activity, clock);
  const answerer = createAnswerer(library, semantic);
  const threads = createThreadMemory(state.threads, clock.now);
  const desk = createProgressDesk({ library, book, coordinators, logger });
  const lookups = createLookups({ answerer, desk, activity, threads });
  const helpDesk = createHelpDesk({ plan: library.current.plan, reader: library.current.search, state: state.helpDesk, coordinators, clock, logger, settings });
  // The digest walks the current plan.
  const digests = createDigests({ plan: library.current.plan, store: state.digest, activity: state.activity, book: book(), settings: digest, clock, helpDesk });
  return {
    conversation: createConversationReplies({ answerer, desk, threads, activity, overview: lookups.overview, helpDesk }),
    planRequests: createPlanRequests({ answerer, desk, todaysDigest: digests.today, activity, overview: lookups.overview, helpDesk }),
    lookups,
    progress: desk,
    digests,
    feedback(entry) {
      activity.feedback(entry);
      return { offerEscalation: !entry.helpful && helpDesk.escalations.channel !== undefined };
    },
    helpDesk,
    home: createHomePages({ desk, helpDesk, coordinators, clock }),
    book,
    recordedPlans: () => state.progress.plans(),
    backups: createBackups({ library, progress: state.progress, book: keptBook, helpDesk: state.helpDesk, store: state.backup }),
  };
}
