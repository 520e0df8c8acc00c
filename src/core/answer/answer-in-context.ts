/**
 * A message in a conversation → its answer and what it leaves for the next message. A follow-up
 * (下一条, 上一条, 全文, 还有吗) is answered from the conversation's {@link ThreadContext}; any
 * other message is asked as a question on its own. The surfaces keep the context (the Slack app in
 * its state store, the console in memory) and hand it back with the next message.
 */
import { normaliseQuestion } from '../search/query/clean-question.js';
import type { Answer } from './answer-schema.js';
import { checkInput, DEFAULT_RESULT_LIMIT, emptyAnswer, MAX_RESULT_LIMIT, type AnswerContext } from './answer-values.js';
import { askQuestion, type AskOptions } from './ask-question.js';
import { contextAfter, readFollowUp, type ThreadContext } from './follow-up.js';
import { notices } from './notices.js';
import { measuresAnswer } from './reference-answer.js';

export interface Turn {
  answer: Answer;
  /** What to keep for the next message; undefined when there is nothing to follow up on. */
  context?: ThreadContext;
}

function withContext(answer: Answer, context: ThreadContext | undefined): Turn {
  return context ? { answer, context } : { answer };
}

export function answerInContext(ctx: AnswerContext, message: string, context?: ThreadContext, options: AskOptions = {}): Turn {
  const followUp = checkInput(message) ? undefined : readFollowUp(normaliseQuestion(message));
  if (!followUp) {
    const answer = askQuestion(ctx, message, options);
    return withContext(answer, contextAfter(answer, context));
  }
  const focus = context?.focus ?? context?.measures[0];
  if (!context || (followUp.type !== 'more' && focus === undefined)) return withContext(emptyAnswer(ctx.plan, message, notices.noContext()), context);

  switch (followUp.type) {
    case 'step':
    case 'full': {
      const number = (focus ?? 0) + (followUp.type === 'step' ? followUp.by : 0);
      const answer = measuresAnswer(ctx, message, [number]);
      return withContext(answer, answer.kind === 'lookup' ? { ...context, measures: [number], focus: number } : context);
    }
    case 'more': {
      if (!context.question) return withContext(emptyAnswer(ctx.plan, message, notices.noContext()), context);
      const limit = Math.min(MAX_RESULT_LIMIT, context.shown + DEFAULT_RESULT_LIMIT);
      const again = askQuestion(ctx, context.question, { ...options, limit });
      const more = again.results.slice(context.shown);
      // Nothing beyond what was shown: say so, and show again what there is.
      if (more.length === 0) {
        if (again.results.length === 0) return withContext(emptyAnswer(ctx.plan, message, notices.noMore(context.question, 0)), context);
        return withContext({ ...again, query: message, notice: notices.noMore(context.question, again.results.length) }, context);
      }
      const answer: Answer = { ...again, query: message, results: more, total: Math.max(0, again.total - context.shown) };
      return withContext(answer, { ...context, measures: more.map((r) => r.number), focus: more[0]?.number ?? focus, shown: context.shown + more.length });
    }
  }
}
