/**
 * 发到频道 on an answer only the asker sees: the same content is posted to the channel for
 * everyone (through the response URL, which works even where the bot is not a member), and the
 * private copy is removed.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeValue, ShareValueSchema, type ShareValue } from '../../../render/blocks/action-values.js';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { context } from '../../../render/blocks/block-kit.js';
import type { SlackMessage } from '../../../render/blocks/slack-message.js';
import { MAX_MESSAGE_BLOCKS } from '../../../render/blocks/slack-limits.js';
import type { Answering } from '../../answering.js';
import { userFacingError, slackErrorCode } from '../../delivery/slack-errors.js';
import type { SlackDeps } from '../../deps.js';
import { measureCardMessage } from '../../progress/progress-replies.js';
import { privately, readClick } from '../slack-payloads.js';

/** What everyone in the channel sees: no 更新进展 on a card (it is not one person's view). */
async function sharedContent(deps: SlackDeps, value: ShareValue): Promise<SlackMessage | undefined> {
  const answering: Answering = deps.answering;
  const options = { feedback: 'buttons' as const, shareable: false };
  switch (value.k) {
    case 'question':
      return renderAnswer(await answering.again(value.q), options);
    case 'measure':
      return measureCardMessage(deps, value.n, undefined, { shareable: false });
    case 'range':
      return renderAnswer(answering.range(value.from, value.to), options);
    case 'area':
      return renderAnswer(answering.areaCard(value.n), options);
  }
}

export function shareToChannel(deps: SlackDeps) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.share', async () => {
      const click = readClick(body);
      const value = decodeValue(ShareValueSchema, click?.value);
      const content = value && (await sharedContent(deps, value));
      if (!click || !value || !content) return { outcome: 'ignored-bad-value' };
      // The user id comes from Slack's payload, not from typed text: a mention is safe here.
      const blocks = [...content.blocks, context(`<@${click.userId}> 分享`)].slice(0, MAX_MESSAGE_BLOCKS);
      try {
        await respond({ response_type: 'in_channel', replace_original: false, text: content.text, blocks });
      } catch (error) {
        const code = slackErrorCode(error);
        deps.logger.error({ err: error, error: code }, 'sharing to the channel failed');
        await privately(respond)(userFacingError(code));
        return { outcome: 'share-failed', error: code };
      }
      await respond({ delete_original: true });
      return { outcome: 'shared', share: value.k };
    }, privately(respond));
  };
}
