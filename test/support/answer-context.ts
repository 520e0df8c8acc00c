/** One library of plans per test process (the plan this project ships), opened from the committed `index/` as the app does. */
import type { AnswerContext } from '../../src/core/answer/answer-values.js';
import { openAnswerLibrary, type AnswerLibrary } from '../../src/core/answer/open-answer-library.js';

let library: AnswerLibrary | undefined;

export function testAnswerLibrary(): AnswerLibrary {
  library ??= openAnswerLibrary({
    onStaleIndex: (reason) => {
      throw new Error(`index/ is stale (${reason}): run npm run build:index`);
    },
    onNearMeaningsOff: (reason) => {
      throw new Error(`index/near-meanings.tsv is not usable (${reason}): run npm run build:index`);
    },
  });
  return library;
}

/** The shipped plan and its search. */
export function testAnswerContext(): AnswerContext {
  return testAnswerLibrary().current;
}
