/**
 * 有帮助 / 没帮助 (Slack's feedback buttons or ours): logged with the question and the measures
 * shown, and counted for the digest. Our own buttons get a short private thank-you; Slack's
 * feedback buttons show their own acknowledgement.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ActivityRecorder } from '../../../app/answers/activity-log.js';
import { decodeValue, FeedbackValueSchema } from '../../../render/blocks/action-values.js';
import { privately } from '../../delivery/private-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readClick } from '../../payloads/block-action.js';

export const FEEDBACK_THANKS = { up: '谢谢反馈！', down: '谢谢反馈，我们会据此改进。也可以换个说法再问一次。' } as const;

export function answerFeedback(feedback: ActivityRecorder['feedback'], work: AcknowledgedWork, style: 'native' | 'buttons') {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await work.run('action.feedback', async () => {
      const value = decodeValue(FeedbackValueSchema, readClick(body)?.value);
      if (!value) return { outcome: 'ignored-bad-value' };
      feedback({ helpful: value.v === 'up', question: value.q, measures: value.m });
      if (style === 'buttons') await privately(respond)(FEEDBACK_THANKS[value.v]);
      return { outcome: value.v === 'up' ? 'helpful' : 'not-helpful', question: value.q, measures: value.m };
    }, privately(respond));
  };
}
