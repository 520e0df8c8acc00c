import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { MAX_RANGE_RESULTS } from '../../../core/answer/answer-values.js';
import { decodeValue, MoreValueSchema } from '../../../render/blocks/action-values.js';
import { renderMoreResults } from '../../../render/blocks/answer-message.js';
import type { SlackDeps } from '../../deps.js';
import { privately, readClick } from '../slack-payloads.js';

/** 更多结果: every matching measure (up to ten), shown to the clicker. */
export function moreResults(deps: SlackDeps) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.more_results', async () => {
      const value = decodeValue(MoreValueSchema, readClick(body)?.value);
      if (!value) return { outcome: 'ignored-bad-value' };
      const answer = deps.answering.again(value.q, { limit: MAX_RANGE_RESULTS });
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderMoreResults(answer) });
      return { outcome: 'shown', measures: answer.results.map((r) => r.number) };
    }, privately(respond));
  };
}
