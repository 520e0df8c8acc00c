/** One answer context per test process, opened from the committed `index/` (as the app does). */
import type { AnswerContext } from '../../src/core/answer/answer-values.js';
import { openAnswerContext } from '../../src/core/answer/open-answer-context.js';

let context: AnswerContext | undefined;

export function testAnswerContext(): AnswerContext {
  context ??= openAnswerContext({
    onStaleIndex: (reason) => {
      throw new Error(`index/ is stale (${reason}): run npm run build:index`);
    },
    onNearMeaningsOff: (reason) => {
      throw new Error(`index/near-meanings.tsv is not usable (${reason}): run npm run build:index`);
    },
  });
  return context;
}
