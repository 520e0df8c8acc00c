/**
 * Looking a plan up by number, range, area or keyword (`/measure`, `/area`, the cards behind
 * buttons), in the plan the command names (`/measure 42 2015`, `/measure 2015-42`, `/area 3 2015`)
 * or the current one, with what the coordinators' record shows beside each for the viewer.
 * Lookups asked by a person are recorded for the digest; the cards behind buttons are not new
 * questions. A lookup made in a conversation (a DM, the console) becomes what that conversation's
 * next follow-up (下一条, 全文) follows, as an answer there would.
 */
import type { Answer, PlanSource } from '../../core/answer/answer-schema.js';
import { emptyAnswer, planRef, planSource, type AnswerContext } from '../../core/answer/answer-values.js';
import type { AskOptions } from '../../core/answer/ask-question.js';
import { lookupArea } from '../../core/answer/lookup-area.js';
import { lookupMeasure } from '../../core/answer/lookup-measure.js';
import { notices } from '../../core/answer/notices.js';
import { planArgument } from '../../core/answer/plan-argument.js';
import { planOverview, type PlanOverview } from '../../core/answer/plan-overview.js';
import { areaAnswer, rangeAnswer } from '../../core/answer/reference-answer.js';
import type { AnswerProgress } from '../../core/progress/record-view.js';
import type { ActivityRecorder } from './activity-log.js';
import type { Answerer } from './answerer.js';
import type { ProgressDesk } from '../progress/progress-desk.js';
import { contextAfter } from '../../core/answer/follow-up.js';
import type { Conversation, ThreadMemory } from './thread-memory.js';

/** An answer with what the record shows beside it for the viewer. */
export interface ShownAnswer {
  answer: Answer;
  progress?: AnswerProgress;
}

export interface Lookups {
  /** The current plan: what is cited when nothing else is named. */
  readonly source: PlanSource;
  /** The current plan's areas and size (`/area` alone, help). */
  readonly overview: PlanOverview;
  /** `/measure <N | N-M | 关键词> [年份]` */
  measure(text: string, viewer: string, conversation?: Conversation): Promise<ShownAnswer>;
  /** `/area <1-7 | 一…七 | 关键词> [年份]` */
  area(text: string, viewer: string, conversation?: Conversation): Promise<ShownAnswer>;
  /** A question answered again for a button (更多结果, 发到频道): not a new question. */
  again(question: string, options?: AskOptions): Promise<Answer>;
  range(from: number, to: number, plan?: string): Answer;
  areaCard(number: number, plan?: string): Answer;
}

export interface LookupsDeps {
  answerer: Answerer;
  desk: ProgressDesk;
  activity: ActivityRecorder;
  threads: ThreadMemory;
}

export function createLookups({ answerer, desk, activity, threads }: LookupsDeps): Lookups {
  const { library } = answerer;
  const contextOf = (plan: string | undefined): AnswerContext => (plan === undefined ? undefined : library.find(plan)) ?? library.current;

  /** The plan the text names and what it looks up there; an answer saying so when the plan is not held. */
  function lookUp(text: string, look: (ctx: AnswerContext, rest: string) => Answer): Answer {
    const argument = planArgument(text, library.plans);
    if ('missing' in argument)
      return emptyAnswer(
        library.current.plan,
        text,
        notices.noSuchPlan(
          argument.missing,
          library.contexts.map((c) => planRef(c.plan).year),
        ),
      );
    return look(contextOf(argument.plan?.id), argument.rest);
  }

  async function shown(
    surface: '/measure' | '/area',
    text: string,
    answer: Answer,
    viewer: string,
    conversation: Conversation | undefined,
  ): Promise<ShownAnswer> {
    activity.answered(surface, text, answer);
    if (conversation && answer.kind !== 'none') await threads.remember(conversation, contextAfter(answer, await threads.recall(conversation)));
    const progress = await desk.forAnswer(answer, viewer);
    return { answer, ...(progress ? { progress } : {}) };
  }

  return {
    source: planSource(library.current.plan),
    overview: planOverview(library.current.plan),
    measure: (text, viewer, conversation) => shown('/measure', text, lookUp(text, lookupMeasure), viewer, conversation),
    area: (text, viewer, conversation) => shown('/area', text, lookUp(text, lookupArea), viewer, conversation),
    again: (question, options) => answerer.ask(question, options),
    range: (from, to, plan) => rangeAnswer(contextOf(plan), `${from}-${to}`, from, to),
    areaCard: (number, plan) => areaAnswer(contextOf(plan), String(number), number),
  };
}
