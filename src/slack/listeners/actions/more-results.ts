import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { askQuestion } from '../../../core/answer/ask-question.js';
import { MAX_RANGE_RESULTS } from '../../../core/answer/answer-context.js';
import { decodeValue, MoreValueSchema } from '../../../render/blocks/action-values.js';
import { renderMoreResults } from '../../../render/blocks/answer-message.js';
import { handleRequest } from '../../request-log.js';
import type { SlackDeps } from '../../slack-deps.js';
import { clickedValue } from './clicked-value.js';

/** 更多结果: every matching measure (up to ten), shown to the clicker. */
export function onMoreResults(deps: SlackDeps) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await handleRequest(deps, 'action.more_results', async () => {
      const value = decodeValue(MoreValueSchema, clickedValue(body));
      if (!value) return { outcome: 'ignored-bad-value' };
      const answer = askQuestion(deps.ctx, value.q, { limit: MAX_RANGE_RESULTS });
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderMoreResults(answer, { plan: deps.ctx.plan, feedback: 'none', shareable: false }) });
      return { outcome: 'shown', measures: answer.results.map((r) => r.number) };
    }, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
  };
}
