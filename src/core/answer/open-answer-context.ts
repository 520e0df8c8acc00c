/**
 * The current plan's answer context, for callers that answer from one plan only (the CLI's
 * tools, tests): the library's current plan.
 */
import type { AnswerContext } from './answer-values.js';
import { openAnswerLibrary, type OpenAnswerLibraryOptions } from './open-answer-library.js';

export function openAnswerContext(options: OpenAnswerLibraryOptions = {}): AnswerContext {
  return openAnswerLibrary(options).current;
}
