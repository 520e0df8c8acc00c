import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInConversation } from '../../conversation/answer-in-conversation.js';
import { questionFromSlackText } from '../../conversation/inbound-text.js';
import type { SlackDeps } from '../../deps.js';
import { firstDelivery } from '../first-delivery.js';
import { MessageEventSchema } from '../slack-payloads.js';

/** `@助手 问题` in a channel: answered in the thread of the mention. */
export function appMention(deps: SlackDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success) return;
    const mention = parsed.data;
    if (mention.bot_id || mention.subtype) return;
    if (!(await firstDelivery(deps, context, `message:${mention.channel}:${mention.ts}`))) return;
    await deps.work.run('app_mention', () =>
      answerInConversation(
        client,
        {
          question: questionFromSlackText(mention.text),
          target: { channel: mention.channel, threadTs: mention.thread_ts ?? mention.ts },
          ...(mention.user ? { userId: mention.user } : {}),
          surface: 'mention',
          feedback: 'buttons',
        },
        deps,
      ),
    );
  };
}
