import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Lookups } from '../../../app/answers/lookups.js';
import { decodeValue, MoreValueSchema } from '../../../render/blocks/action-values.js';
import { MAX_MORE_RESULTS, renderMoreResults } from '../../../render/blocks/answer-message.js';
import { privately } from '../../delivery/private-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readClick } from '../../payloads/block-action.js';

/** 更多结果: the matching measures (as many as the button said), shown to the clicker. */
export function moreResults(lookups: Lookups, work: AcknowledgedWork) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.more_results',
      async () => {
        const value = decodeValue(MoreValueSchema, readClick(body)?.value);
        if (!value) return { outcome: 'ignored-bad-value' };
        const answer = await lookups.again(value.q, { limit: MAX_MORE_RESULTS });
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderMoreResults(answer) });
        return { outcome: 'shown', measures: answer.results.map((r) => r.number) };
      },
      privately(respond),
    );
  };
}
