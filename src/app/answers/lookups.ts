/**
 * Looking the plan up by number, range, area or keyword (`/measure`, `/area`, the cards behind
 * buttons), with what the coordinators' record shows beside each for the viewer. Lookups asked by
 * a person are recorded for the digest; the cards behind buttons are not new questions.
 */
import type { Answer, PlanSource } from '../../core/answer/answer-schema.js';
import { planSource } from '../../core/answer/answer-values.js';
import type { AskOptions } from '../../core/answer/ask-question.js';
import { lookupArea } from '../../core/answer/lookup-area.js';
import { lookupMeasure } from '../../core/answer/lookup-measure.js';
import { planOverview, type PlanOverview } from '../../core/answer/plan-overview.js';
import { areaAnswer, rangeAnswer } from '../../core/answer/reference-answer.js';
import type { AnswerProgress } from '../../core/progress/record-view.js';
import type { ActivityRecorder } from './activity-log.js';
import type { Answerer } from './answerer.js';
import type { ProgressDesk } from '../progress/progress-desk.js';

/** An answer with what the record shows beside it for the viewer. */
export interface ShownAnswer {
  answer: Answer;
  progress?: AnswerProgress;
}

export interface Lookups {
  readonly source: PlanSource;
  readonly overview: PlanOverview;
  /** `/measure <N | N-M | 关键词>` */
  measure(text: string, viewer: string): Promise<ShownAnswer>;
  /** `/area <1-7 | 一…七 | 关键词>` */
  area(text: string, viewer: string): Promise<ShownAnswer>;
  /** A question answered again for a button (更多结果, 发到频道): not a new question. */
  again(question: string, options?: AskOptions): Promise<Answer>;
  range(from: number, to: number): Answer;
  areaCard(number: number): Answer;
}

export interface LookupsDeps {
  answerer: Answerer;
  desk: ProgressDesk;
  activity: ActivityRecorder;
}

export function createLookups({ answerer, desk, activity }: LookupsDeps): Lookups {
  const { ctx } = answerer;
  async function shown(surface: '/measure' | '/area', text: string, answer: Answer, viewer: string): Promise<ShownAnswer> {
    activity.answered(surface, text, answer);
    const progress = await desk.forAnswer(answer, viewer);
    return { answer, ...(progress ? { progress } : {}) };
  }
  return {
    source: planSource(ctx.plan),
    overview: planOverview(ctx.plan),
    measure: (text, viewer) => shown('/measure', text, lookupMeasure(ctx, text), viewer),
    area: (text, viewer) => shown('/area', text, lookupArea(ctx, text), viewer),
    again: (question, options) => answerer.ask(question, options),
    range: (from, to) => rangeAnswer(ctx, `${from}-${to}`, from, to),
    areaCard: (number) => areaAnswer(ctx, String(number), number),
  };
}
