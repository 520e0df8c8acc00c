import { answerInContext } from '../answer/answer-in-context.js';
import type { AnswerContext } from '../answer/answer-values.js';
import type { ThreadContext } from '../answer/follow-up.js';
import { overviewListsAreas } from '../answer/plan-overview.js';
import type { EvalQuestion } from './eval-questions.js';
import type { EvalAnswer } from './score-eval.js';

/** Answers an evaluation question as a conversation would: its thread first, then the question. */
export function evalAnswer(ctx: AnswerContext, question: EvalQuestion): EvalAnswer {
  let context: ThreadContext | undefined;
  for (const earlier of question.thread ?? []) context = answerInContext(ctx, earlier, context, { limit: 10 }).context;
  const { answer } = answerInContext(ctx, question.q, context, { limit: 10 });
  return {
    kind: answer.kind,
    numbers: answer.results.map((r) => r.number),
    ...(answer.results[0] ? { topSnippet: answer.results[0].snippet } : {}),
    ...(answer.area ? { area: answer.area.number } : {}),
    ...(answer.overview?.named ? { namedAreas: answer.overview.named } : {}),
    ...(answer.overview ? { listsEveryArea: overviewListsAreas(answer.overview.facet) && answer.overview.areas.length === ctx.plan.areas.length } : {}),
  };
}
