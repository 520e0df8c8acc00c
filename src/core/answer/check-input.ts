import { cleanQuestion, MAX_QUESTION_LENGTH } from '../search/query/clean-question.js';
import type { Notice } from './answer-schema.js';
import { notices } from './notices.js';

/** The problem with a question or argument before any search, if it has one. */
export function checkInput(raw: string): Notice | undefined {
  const cleaned = cleanQuestion(raw);
  if (cleaned.length === 0) return notices.empty();
  const length = [...cleaned].length;
  if (length > MAX_QUESTION_LENGTH) return notices.tooLong(length);
  return undefined;
}
