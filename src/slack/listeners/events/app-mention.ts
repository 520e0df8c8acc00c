import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ConversationReplies } from '../../../app/answers/reply-to-message.js';
import type { Logger } from '../../../logger.js';
import { answerInConversation } from '../../conversation/answer-in-conversation.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { isReplayed, type MessageClaims } from '../../intake/admit-deliveries.js';
import { isPersonWriting, MessageEventSchema, questionFromSlackText } from '../../payloads/message-event.js';

/** `@助手 问题` in a channel: answered in the thread of the mention. */
export function appMention(conversation: ConversationReplies, work: AcknowledgedWork, firstDelivery: MessageClaims, logger: Logger) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = MessageEventSchema.safeParse(event);
    if (!parsed.success) return;
    const mention = parsed.data;
    if (!isPersonWriting(mention)) return;
    if (!(await firstDelivery(context, mention.channel, mention.ts))) return;
    const question = {
      messageTs: mention.ts,
      ...(isReplayed(context) ? { replayed: true } : {}),
      question: questionFromSlackText(mention.text),
      target: { channel: mention.channel, threadTs: mention.thread_ts ?? mention.ts },
      ...(mention.user ? { userId: mention.user } : {}),
      surface: 'mention' as const,
      feedback: 'buttons' as const,
    };
    await work.run('app_mention', () => answerInConversation(conversation, client, question, logger));
  };
}
