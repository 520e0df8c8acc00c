/**
 * What the help desk has waiting, for the digest and App Home: escalations the office has not
 * closed, oldest first with their age, and standard answers due for review. A pure function of
 * the records and the time.
 */
import type { Answer } from '../answer/answer-schema.js';
import type { EscalationRecord, EscalationState, StandardAnswerRecord } from './help-desk-records.js';
import { pastReview } from './standard-answer-input.js';

/** Escalations and standard answers listed at most; the rest are counted. */
export const MAX_BOARD_ITEMS = 10;

export interface BoardEscalation {
  id: number;
  question: string;
  asker: string;
  state: Exclude<EscalationState, 'closed'>;
  /** How long it has waited, in milliseconds. */
  ageMs: number;
  permalink: string | null;
}

export interface BoardStandardAnswer {
  id: number;
  question: string;
  reviewBy: string;
}

export interface HelpDeskBoard {
  /** Not closed, oldest first, at most {@link MAX_BOARD_ITEMS}. */
  open: BoardEscalation[];
  /** How many are not closed in all. */
  openCount: number;
  /** Active standard answers past their review date, the longest overdue first. */
  dueForReview: BoardStandardAnswer[];
  dueCount: number;
  /** Active standard answers in all. */
  activeCount: number;
}

export function helpDeskBoard(escalations: readonly EscalationRecord[], answers: readonly StandardAnswerRecord[], nowMs: number, today: string): HelpDeskBoard {
  const open = escalations
    .filter((e): e is EscalationRecord & { state: BoardEscalation['state'] } => e.state !== 'closed')
    .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  const active = answers.filter((a) => !a.retired);
  const due = active.filter((a) => pastReview(a, today)).sort((a, b) => a.reviewBy.localeCompare(b.reviewBy) || a.id - b.id);
  return {
    open: open
      .slice(0, MAX_BOARD_ITEMS)
      .map((e) => ({ id: e.id, question: e.question, asker: e.asker, state: e.state, ageMs: Math.max(0, nowMs - e.createdAt), permalink: e.permalink })),
    openCount: open.length,
    dueForReview: due.slice(0, MAX_BOARD_ITEMS).map((a) => ({ id: a.id, question: a.question, reviewBy: a.reviewBy })),
    dueCount: due.length,
    activeCount: active.length,
  };
}

/**
 * Whether an answer says the plan is silent on what was asked (it does not state it, or nothing in
 * it matched): the answers after which the office can be asked. Lookups, overviews and answers that
 * quote the plan are not; nor is a question refused before any search (empty, too long, a measure
 * number the plan does not have).
 */
export function planIsSilent(answer: Pick<Answer, 'kind' | 'notice'>): boolean {
  return answer.kind === 'not-covered' || (answer.kind === 'none' && answer.notice?.code === 'no-match');
}
