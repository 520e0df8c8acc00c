/**
 * 有帮助 / 没帮助 (Slack's feedback buttons or ours): logged with the question and the measures
 * shown, and counted for the digest. Our own buttons get a short private thank-you; Slack's
 * feedback buttons show their own acknowledgement. After 没帮助 on an answer in a thread, when a
 * coordination channel is set, the thank-you offers 问协调办 (on either kind of button).
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Application } from '../../../app/application.js';
import { decodeValue, FeedbackValueSchema } from '../../../render/blocks/action-values.js';
import { renderFeedbackOffer } from '../../../render/blocks/help-desk-blocks.js';
import { privately } from '../../delivery/private-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readClick } from '../../payloads/block-action.js';

export const FEEDBACK_THANKS = { up: '谢谢反馈！', down: '谢谢反馈，我们会据此改进。也可以换个说法再问一次。' } as const;

export function answerFeedback(feedback: Application['feedback'], work: AcknowledgedWork, style: 'native' | 'buttons') {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.feedback',
      async () => {
        const click = readClick(body);
        const value = decodeValue(FeedbackValueSchema, click?.value);
        if (!value) return { outcome: 'ignored-bad-value' };
        const { offerEscalation } = feedback({ helpful: value.v === 'up', question: value.q, measures: value.m });
        const thread = click?.thread;
        const offered = offerEscalation && thread !== undefined && value.q.trim().length > 0;
        if (offered) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            ...renderFeedbackOffer(FEEDBACK_THANKS.down, { q: value.q, m: value.m.slice(0, 20), c: thread.channel, t: thread.threadTs }),
          });
        } else if (style === 'buttons') {
          await privately(respond)(FEEDBACK_THANKS[value.v]);
        }
        return { outcome: value.v === 'up' ? 'helpful' : 'not-helpful', question: value.q, measures: value.m, ...(offered ? { offered: 'escalation' } : {}) };
      },
      privately(respond),
    );
  };
}
