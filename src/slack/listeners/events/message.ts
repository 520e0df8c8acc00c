/**
 * Plain messages: a direct message to the bot (the agent's Messages tab, or a classic DM); a
 * reply in a channel thread the bot has already answered in; a coordinator's reply in the thread
 * of an escalation (relayed to the asker); and a top-level question in a help channel (answered in
 * its thread). Whether a message is a person asking is the one rule in payloads/message-event.ts;
 * a message that @mentions the bot in a channel is left to the app_mention listener, so it is
 * answered once.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Application } from '../../../app/application.js';
import type { Logger } from '../../../logger.js';
import { answerInConversation, type ConversationQuestion } from '../../conversation/answer-in-conversation.js';
import { relayOrFollowUp } from '../../help-desk/relay-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { isReplayed, type MessageClaims } from '../../intake/admit-deliveries.js';
import { answerableAs, mentions, MessageEventSchema, questionFromSlackText } from '../../payloads/message-event.js';

const WORK_KIND = { direct: 'message.im', thread: 'thread_reply', channel: 'channel_question' } as const;
const SURFACE = { direct: 'dm', thread: 'thread', channel: 'channel' } as const;

export function directOrThreadMessage(
  application: Pick<Application, 'conversation' | 'helpDesk'>,
  work: AcknowledgedWork,
  firstDelivery: MessageClaims,
  logger: Logger,
) {
  return async ({ message, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = MessageEventSchema.safeParse(message);
    if (!parsed.success) return;
    const m = parsed.data;
    const as = answerableAs(m);
    if (!as || !m.user || m.user === context.botUserId) return;
    if (as !== 'direct' && mentions(m.text, context.botUserId)) return; // app_mention answers it
    if (!(await firstDelivery(context, m.channel, m.ts))) return;
    const replayed = isReplayed(context);
    const question: ConversationQuestion = {
      messageTs: m.ts,
      ...(replayed ? { replayed: true } : {}),
      question: questionFromSlackText(m.text),
      target: { channel: m.channel, threadTs: m.thread_ts ?? m.ts },
      userId: m.user,
      surface: SURFACE[as],
      feedback: as === 'direct' ? 'native' : 'buttons',
      ...(as === 'thread' ? { followUpOnly: true } : {}),
      ...(as === 'channel' ? { askedInChannel: true } : {}),
    };
    if (as === 'thread' && m.thread_ts && m.channel === application.helpDesk.escalations.channel) {
      const reply = { channel: m.channel, threadTs: m.thread_ts, messageTs: m.ts, user: m.user, text: m.text, replayed };
      await work.run('coordination_reply', () => relayOrFollowUp(application, client, reply, question, logger));
      return;
    }
    await work.run(WORK_KIND[as], () => answerInConversation(application.conversation, client, question, logger));
  };
}
