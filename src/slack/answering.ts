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
 *
 * With the optional semantic search ({@link QuestionEmbeddings}), a question that is searched is
 * also ranked by meaning: answered first with what is at hand, and if it searched a question
 * whose vector is not, that question is embedded (within its short deadline) and answered again
 * with the fused ranking. Lookups and follow-ups that search nothing never wait on the server;
 * without the semantic search nothing is added.
 */
import type { Answer, MeasureResult, PlanSource } from '../core/answer/answer-schema.js';
import { answerInContext, type Turn } from '../core/answer/answer-in-context.js';
import { askQuestion, type AskOptions } from '../core/answer/ask-question.js';
import type { SemanticRanker } from '../core/search/semantic/semantic-ranking.js';
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
  ask(surface: Surface, question: string, options?: AskOptions): Promise<Answer>;
  /** A message in a conversation (a DM, a mention, a thread): a question, or a follow-up of the last answer. */
  converse(surface: Surface, message: string, context: ThreadContext | undefined): Promise<Turn>;
  /** A question about a measure's progress, answered from the record; undefined for any other question. */
  askProgress(surface: Surface, question: string): Promise<ProgressAnswer | undefined>;
  /** `/measure <N | N-M | 关键词>` */
  measure(text: string): Answer;
  /** `/area <1-7 | 一…七 | 关键词>` */
  area(text: string): Answer;
  /** Answers again for a button (更多结果, 发到频道): not a new question, not recorded. */
  again(question: string, options?: AskOptions): Promise<Answer>;
  range(from: number, to: number): Answer;
  areaCard(number: number): Answer;
  /** One measure, for a card; undefined for a number the plan does not have. */
  measureCard(number: number): MeasureResult | undefined;
  recordFeedback(entry: { helpful: boolean; question: string; measures: readonly number[] }): void;
}

/** What answering needs of the optional semantic search (built in src/embeddings/). */
export interface QuestionEmbeddings {
  /** The ranking of a question whose vector is at hand; never waits. */
  ranking: SemanticRanker;
  /** Fetches a question's vector within its deadline; true when `ranking` now has it. Never rejects. */
  embedQuestion(question: string): Promise<boolean>;
}

export interface AnsweringDeps {
  ctx: AnswerContext;
  /** The semantic search, when EMBEDDINGS_URL is set. */
  semantic?: QuestionEmbeddings;
  activity: ActivityStore;
  progress: ProgressBook;
  /** The calendar the digest counts days in. */
  timeZone: string;
  now: () => Date;
}

export function createAnswering({ ctx, semantic, activity, progress, timeZone, now }: AnsweringDeps): Answering {
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

  /** `answer` with the semantic ranking when there is one (see the opening comment). */
  async function withSemantic<T>(answer: (options: AskOptions) => T): Promise<T> {
    if (!semantic) return answer({});
    let missing: string | undefined;
    const first = answer({
      semantic: (question) => {
        const ranking = semantic.ranking(question);
        if (!ranking) missing = question;
        return ranking;
      },
    });
    if (missing === undefined || !(await semantic.embedQuestion(missing))) return first;
    return answer({ semantic: semantic.ranking });
  }

  return {
    source,
    overview,
    ask: async (surface, question, options) => recorded(surface, question, await withSemantic((extra) => askQuestion(ctx, question, { ...options, ...extra }))),
    async converse(surface, message, context) {
      const turn = await withSemantic((extra) => answerInContext(ctx, message, context, extra));
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
    again: (question, options) => withSemantic((extra) => askQuestion(ctx, question, { ...options, ...extra })),
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
