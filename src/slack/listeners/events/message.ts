/**
 * Plain messages: a direct message to the bot (the agent's Messages tab, or a classic DM), and a
 * reply in a channel thread the bot has already answered in. Whether a message is a person asking
 * is the one rule in payloads/message-event.ts; a message that @mentions the bot in a channel is
 * left to the app_mention listener, so it is answered once.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ConversationReplies } from '../../../app/answers/reply-to-message.js';
import type { Logger } from '../../../logger.js';
import { answerInConversation } from '../../conversation/answer-in-conversation.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { isReplayed, type MessageClaims } from '../../intake/admit-deliveries.js';
import { answerableAs, mentions, MessageEventSchema, questionFromSlackText } from '../../payloads/message-event.js';

export function directOrThreadMessage(conversation: ConversationReplies, work: AcknowledgedWork, firstDelivery: MessageClaims, logger: Logger) {
  return async ({ message, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = MessageEventSchema.safeParse(message);
    if (!parsed.success) return;
    const m = parsed.data;
    const as = answerableAs(m);
    if (!as || !m.user || m.user === context.botUserId) return;
    if (as === 'thread' && mentions(m.text, context.botUserId)) return; // app_mention answers it
    if (!(await firstDelivery(context, m.channel, m.ts))) return;
    const question = {
      messageTs: m.ts,
      ...(isReplayed(context) ? { replayed: true } : {}),
      question: questionFromSlackText(m.text),
      target: { channel: m.channel, threadTs: m.thread_ts ?? m.ts },
      userId: m.user,
      surface: as === 'direct' ? ('dm' as const) : ('thread' as const),
      feedback: as === 'direct' ? ('native' as const) : ('buttons' as const),
      ...(as === 'thread' ? { followUpOnly: true } : {}),
    };
    await work.run(as === 'direct' ? 'message.im' : 'thread_reply', () => answerInConversation(conversation, client, question, logger));
  };
}
