/**
 * What Slack's surfaces ask of the core, and the one place their activity is recorded for the
 * digest. Every question, command and lookup that produces an answer goes through
 * {@link Answering}, which computes it (pure core) and records it (the state store) with the
 * surface it came from; every 有帮助/没帮助 click is recorded here too. Recording never delays
 * or fails an answer: the resilient store keeps a write it could not make and retries it.
 *
 * Questions about how a measure is being carried out (who leads it, how far it has got, what is
 * overdue or blocked) take their own path, {@link Answering.askProgress}: they are answered from
 * the coordinators' record, never from a search of the plan's text, which does not say.
 */
import type { Answer, MeasureResult, PlanSource } from '../core/answer/answer-schema.js';
import { answerInContext, type Turn } from '../core/answer/answer-in-context.js';
import { askQuestion, type AskOptions } from '../core/answer/ask-question.js';
import type { ThreadContext } from '../core/answer/follow-up.js';
import { measureResult, planSource, type AnswerContext } from '../core/answer/answer-values.js';
import { lookupArea } from '../core/answer/lookup-area.js';
import { lookupMeasure } from '../core/answer/lookup-measure.js';
import { planOverview, type PlanOverview } from '../core/answer/plan-overview.js';
import { areaAnswer, rangeAnswer } from '../core/answer/reference-answer.js';
import { findMeasure } from '../core/plan/find-in-plan.js';
import { localDate } from '../core/time/local-date.js';
import type { ProgressBook } from '../core/progress/progress-book.js';
import { progressAnswer, readProgressQuestion, type ProgressAnswer } from '../core/progress/progress-question.js';
import type { ActivityStore } from '../store/state-store.js';

export type Surface = 'dm' | 'mention' | 'thread' | 'assistant' | '/plan' | '/measure' | '/area';

/** Measures an answer shows (the top one and the related ones): what the digest counts. */
const SHOWN_PER_ANSWER = 5;
/** Longest question text kept. */
const MAX_STORED_QUESTION = 500;

export interface Answering {
  readonly source: PlanSource;
  readonly overview: PlanOverview;
  /** A question in words (/plan). */
  ask(surface: Surface, question: string, options?: AskOptions): Answer;
  /** A message in a conversation (a DM, a mention, a thread): a question, or a follow-up of the last answer. */
  converse(surface: Surface, message: string, context: ThreadContext | undefined): Turn;
  /** A question about a measure's progress, answered from the record; undefined for any other question. */
  askProgress(surface: Surface, question: string): Promise<ProgressAnswer | undefined>;
  /** `/measure <N | N-M | 关键词>` */
  measure(text: string): Answer;
  /** `/area <1-7 | 一…七 | 关键词>` */
  area(text: string): Answer;
  /** Answers again for a button (更多结果, 发到频道): not a new question, not recorded. */
  again(question: string, options?: AskOptions): Answer;
  range(from: number, to: number): Answer;
  areaCard(number: number): Answer;
  /** One measure, for a card; undefined for a number the plan does not have. */
  measureCard(number: number): MeasureResult | undefined;
  recordFeedback(entry: { helpful: boolean; question: string; measures: readonly number[] }): void;
}

export interface AnsweringDeps {
  ctx: AnswerContext;
  activity: ActivityStore;
  progress: ProgressBook;
  /** The calendar the digest counts days in. */
  timeZone: string;
  now: () => Date;
}

export function createAnswering({ ctx, activity, progress, timeZone, now }: AnsweringDeps): Answering {
  const source = planSource(ctx.plan);
  const overview = planOverview(ctx.plan);
  const stamp = () => {
    const at = now();
    return { date: localDate(at, timeZone), at: at.getTime() };
  };

  /** The one recording of a question, for every surface. */
  function recorded(surface: Surface, question: string, answer: Answer): Answer {
    void activity.recordQuestion({
      ...stamp(),
      surface,
      question: question.slice(0, MAX_STORED_QUESTION),
      kind: answer.kind,
      measures: answer.results.slice(0, SHOWN_PER_ANSWER).map((r) => r.number),
      found: answer.kind !== 'none',
    });
    return answer;
  }

  return {
    source,
    overview,
    ask: (surface, question, options) => recorded(surface, question, askQuestion(ctx, question, options)),
    converse(surface, message, context) {
      const turn = answerInContext(ctx, message, context);
      recorded(surface, message, turn.answer);
      return turn;
    },
    async askProgress(surface, question) {
      const read = readProgressQuestion(ctx, question);
      if (!read) return undefined;
      const answer = progressAnswer(ctx.plan, read, await progress.records(), progress.today());
      const measures = answer.kind === 'measure' ? [answer.measure.number] : answer.measures.slice(0, SHOWN_PER_ANSWER).map((m) => m.number);
      void activity.recordQuestion({ ...stamp(), surface, question: question.slice(0, MAX_STORED_QUESTION), kind: 'progress', measures, found: true });
      return answer;
    },
    measure: (text) => recorded('/measure', text, lookupMeasure(ctx, text)),
    area: (text) => recorded('/area', text, lookupArea(ctx, text)),
    again: (question, options) => askQuestion(ctx, question, options),
    range: (from, to) => rangeAnswer(ctx, `${from}-${to}`, from, to),
    areaCard: (number) => areaAnswer(ctx, String(number), number),
    measureCard(number) {
      const measure = findMeasure(ctx.plan, number);
      return measure ? measureResult(ctx.plan, measure, undefined, 1) : undefined;
    },
    recordFeedback({ helpful, question, measures }) {
      void activity.recordFeedback({ ...stamp(), helpful, question: question.slice(0, MAX_STORED_QUESTION), measures: [...measures] });
    },
  };
}
