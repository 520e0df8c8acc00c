/**
 * 有帮助 / 没帮助 (Slack's feedback buttons or ours): logged with the question and the measures
 * shown, and counted for the digest. Our own buttons get a short private thank-you; Slack's
 * feedback buttons show their own acknowledgement.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeValue, FeedbackValueSchema } from '../../../render/blocks/action-values.js';
import { handleRequest } from '../../request-log.js';
import type { SlackDeps } from '../../slack-deps.js';
import { clickedValue } from './clicked-value.js';

export const FEEDBACK_THANKS = { up: '谢谢反馈！', down: '谢谢反馈，我们会据此改进。也可以换个说法再问一次。' } as const;

export function onAnswerFeedback(deps: SlackDeps, style: 'native' | 'buttons') {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await handleRequest(deps, 'action.feedback', async () => {
      const value = decodeValue(FeedbackValueSchema, clickedValue(body));
      if (!value) return { outcome: 'ignored-bad-value' };
      deps.activity.recordFeedback({ helpful: value.v === 'up', question: value.q, measures: value.m });
      if (style === 'buttons') await respond({ response_type: 'ephemeral', replace_original: false, text: FEEDBACK_THANKS[value.v] });
      return { outcome: value.v === 'up' ? 'helpful' : 'not-helpful', question: value.q, measures: value.m };
    }, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
  };
}
