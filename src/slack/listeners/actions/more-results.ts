import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeValue, MoreValueSchema } from '../../../render/blocks/action-values.js';
import { MAX_MORE_RESULTS, renderMoreResults } from '../../../render/blocks/answer-message.js';
import type { SlackDeps } from '../../deps.js';
import { privately, readClick } from '../slack-payloads.js';

/** 更多结果: the matching measures (as many as the button said), shown to the clicker. */
export function moreResults(deps: SlackDeps) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.more_results', async () => {
      const value = decodeValue(MoreValueSchema, readClick(body)?.value);
      if (!value) return { outcome: 'ignored-bad-value' };
      const answer = await deps.answering.again(value.q, { limit: MAX_MORE_RESULTS });
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderMoreResults(answer) });
      return { outcome: 'shown', measures: answer.results.map((r) => r.number) };
    }, privately(respond));
  };
}
