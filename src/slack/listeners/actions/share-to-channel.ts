/**
 * 发到频道 on an answer only the asker sees: the same content is posted to the channel for
 * everyone (through the response URL, which works even where the bot is not a member), and the
 * private copy is removed.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Lookups } from '../../../app/answers/lookups.js';
import type { ProgressDesk } from '../../../app/progress/progress-desk.js';
import type { Logger } from '../../../logger.js';
import { decodeValue, ShareValueSchema, type ShareValue } from '../../../render/blocks/action-values.js';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { context } from '../../../render/blocks/block-kit.js';
import type { SlackMessage } from '../../../render/blocks/slack-message.js';
import { MAX_MESSAGE_BLOCKS } from '../../../render/blocks/slack-limits.js';
import { privately } from '../../delivery/private-reply.js';
import { slackErrorCode, userFacingError } from '../../delivery/slack-errors.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readClick } from '../../payloads/block-action.js';
import { cardMessage } from '../../replies/progress-replies.js';

/** What the shared content is made from: the answers and cards behind the button. */
export interface Shareable {
  lookups: Lookups;
  desk: ProgressDesk;
}

/** What everyone in the channel sees: no 更新进展 on a card (it is not one person's view). */
async function sharedContent({ lookups, desk }: Shareable, value: ShareValue): Promise<SlackMessage | undefined> {
  const options = { feedback: 'buttons' as const, shareable: false };
  switch (value.k) {
    case 'question':
      return renderAnswer(await lookups.again(value.q), options);
    case 'measure': {
      const card = await desk.card(value.n, undefined);
      return card ? cardMessage(card, { shareable: false }) : undefined;
    }
    case 'range':
      return renderAnswer(lookups.range(value.from, value.to), options);
    case 'area':
      return renderAnswer(lookups.areaCard(value.n), options);
  }
}

export function shareToChannel(shareable: Shareable, work: AcknowledgedWork, logger: Logger) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.share',
      async () => {
        const click = readClick(body);
        const value = decodeValue(ShareValueSchema, click?.value);
        const content = value && (await sharedContent(shareable, value));
        if (!click || !value || !content) return { outcome: 'ignored-bad-value' };
        // The user id comes from Slack's payload, not from typed text: a mention is safe here.
        const blocks = [...content.blocks, context(`<@${click.userId}> 分享`)].slice(0, MAX_MESSAGE_BLOCKS);
        try {
          await respond({ response_type: 'in_channel', replace_original: false, text: content.text, blocks });
        } catch (error) {
          const code = slackErrorCode(error);
          logger.error({ err: error, error: code }, 'sharing to the channel failed');
          await privately(respond)(userFacingError(code));
          return { outcome: 'share-failed', error: code };
        }
        await respond({ delete_original: true });
        return { outcome: 'shared', share: value.k };
      },
      privately(respond),
    );
  };
}
