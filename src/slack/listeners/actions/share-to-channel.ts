/**
 * 发到频道 on an answer only the asker sees: the same content is posted to the channel for
 * everyone (through the response URL, which works even where the bot is not a member), and the
 * private copy is removed.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { askQuestion } from '../../../core/answer/ask-question.js';
import type { AnswerContext } from '../../../core/answer/answer-context.js';
import { areaAnswer, rangeAnswer } from '../../../core/answer/reference-answer.js';
import { decodeValue, ShareValueSchema, type ShareValue } from '../../../render/blocks/action-values.js';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { context } from '../../../render/blocks/block-kit.js';
import { renderMeasureCard } from '../../../render/blocks/measure-card.js';
import type { SlackMessage } from '../../../render/blocks/slack-message.js';
import { MAX_MESSAGE_BLOCKS } from '../../../render/blocks/slack-limits.js';
import { userFacingError, slackErrorCode } from '../../delivery/slack-errors.js';
import { handleRequest } from '../../request-log.js';
import type { SlackDeps } from '../../slack-deps.js';
import { clickedValue } from './clicked-value.js';

function sharedContent(ctx: AnswerContext, value: ShareValue): SlackMessage {
  const options = { plan: ctx.plan, feedback: 'buttons' as const, shareable: false };
  switch (value.k) {
    case 'question':
      return renderAnswer(askQuestion(ctx, value.q), options);
    case 'measure':
      return renderMeasureCard(ctx.plan, value.n, { shareable: false });
    case 'range':
      return renderAnswer(rangeAnswer(ctx, `${value.from}-${value.to}`, value.from, value.to), options);
    case 'area':
      return renderAnswer(areaAnswer(ctx, String(value.n), value.n), options);
  }
}

export function onShareToChannel(deps: SlackDeps) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await handleRequest(deps, 'action.share', async () => {
      const value = decodeValue(ShareValueSchema, clickedValue(body));
      if (!value) return { outcome: 'ignored-bad-value' };
      const content = sharedContent(deps.ctx, value);
      // The user id comes from Slack's payload, not from typed text: a mention is safe here.
      const sharedBy = context(`<@${body.user.id}> 分享`);
      const blocks = [...content.blocks, sharedBy].slice(0, MAX_MESSAGE_BLOCKS);
      try {
        await respond({ response_type: 'in_channel', replace_original: false, text: content.text, blocks });
      } catch (error) {
        const code = slackErrorCode(error);
        deps.logger.error({ err: error, error: code }, 'sharing to the channel failed');
        await respond({ response_type: 'ephemeral', replace_original: false, text: userFacingError(code) });
        return { outcome: 'share-failed', error: code };
      }
      await respond({ delete_original: true });
      return { outcome: 'shared', share: value.k };
    }, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
  };
}
