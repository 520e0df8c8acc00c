/**
 * A message in a conversation, answered from the library of plans: a follow-up (下一条, 全文,
 * 还有吗) continues in the plan of the last answer; anything else is a question for the library
 * (the plan it names, every plan across the years, or the current one).
 */
import { normaliseQuestion } from '../search/query/clean-question.js';
import { answerInContext, type Turn } from './answer-in-context.js';
import { checkInput } from './answer-values.js';
import { askLibrary } from './ask-library.js';
import type { AskOptions } from './ask-question.js';
import { contextAfter, readFollowUp, type ThreadContext } from './follow-up.js';
import type { AnswerLibrary } from './open-answer-library.js';

export function answerInLibrary(library: AnswerLibrary, message: string, context: ThreadContext | undefined, options: AskOptions = {}): Turn {
  const followUp = checkInput(message) ? undefined : readFollowUp(normaliseQuestion(message));
  if (followUp) {
    const planOf = context?.plan === undefined ? undefined : library.find(context.plan);
    return answerInContext(planOf ?? library.current, message, context, options);
  }
  const answer = askLibrary(library, message, options);
  return { answer, context: contextAfter(answer, context) };
}
