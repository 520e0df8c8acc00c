/**
 * What people asked and how they found the answers, for the digest (its 昨日问答 section), kept
 * through the {@link ActivityLog} port the state store implements. No user ids are kept.
 *
 * {@link recordAnswer} is the one recording of an answer, whatever the surface; recording never
 * delays or fails an answer (the store keeps a write it could not make and retries it).
 */
import type { Answer } from '../../core/answer/answer-schema.js';
import type { OfficeClock } from '../process/office-clock.js';

/** One question someone asked, with what its answer showed. */
export interface QuestionRow {
  /** The calendar day (YYYY-MM-DD, in the office's time zone) and the instant. */
  date: string;
  at: number;
  surface: string;
  question: string;
  /** The answer's kind (search, lookup, area, none, progress …). */
  kind: string;
  measures: number[];
  /** Whether the plan had an answer. */
  found: boolean;
}

export interface FeedbackRow {
  date: string;
  at: number;
  helpful: boolean;
  question: string;
  measures: number[];
}

export interface DayActivityRows {
  questions: Array<{ question: string; measures: number[]; found: boolean }>;
  feedback: { helpful: number; notHelpful: number };
}

export interface ActivityLog {
  recordQuestion(row: QuestionRow): Promise<void>;
  recordFeedback(row: FeedbackRow): Promise<void>;
  /** Questions in the order asked, and the feedback counts, of one calendar day. */
  activityOn(date: string): Promise<DayActivityRows>;
}

/** Where a question came from, as the digest and the logs name it. */
export type Surface = 'dm' | 'mention' | 'thread' | 'channel' | 'assistant' | 'console' | '/plan' | '/measure' | '/area';

/** Measures an answer shows (the top one and the related ones): what the digest counts. */
export const SHOWN_PER_ANSWER = 5;
/** Longest question text kept. */
export const MAX_STORED_QUESTION = 500;

export interface ActivityRecorder {
  /** Records an answer to `question` asked on `surface`; returns at once. */
  answered(surface: Surface, question: string, answer: Pick<Answer, 'kind' | 'results'>): void;
  /** Records a progress question and the measures its answer named. */
  askedProgress(surface: Surface, question: string, measures: readonly number[]): void;
  feedback(entry: { helpful: boolean; question: string; measures: readonly number[] }): void;
}

export function activityRecorder(log: ActivityLog, clock: OfficeClock): ActivityRecorder {
  const stamp = () => {
    const at = clock.now();
    return { date: clock.dayOf(at), at: at.getTime() };
  };
  const question = (text: string) => text.slice(0, MAX_STORED_QUESTION);
  return {
    answered(surface, text, answer) {
      const measures = answer.results.slice(0, SHOWN_PER_ANSWER).map((r) => r.number);
      void log.recordQuestion({ ...stamp(), surface, question: question(text), kind: answer.kind, measures, found: answer.kind !== 'none' });
    },
    askedProgress(surface, text, measures) {
      void log.recordQuestion({ ...stamp(), surface, question: question(text), kind: 'progress', measures: measures.slice(0, SHOWN_PER_ANSWER), found: true });
    },
    feedback({ helpful, question: text, measures }) {
      void log.recordFeedback({ ...stamp(), helpful, question: question(text), measures: [...measures] });
    },
  };
}
