/**
 * A reply in a thread of the coordination channel: a coordinator's answer in an escalation's
 * thread is relayed to the asker; any other reply there is a follow-up like in any channel
 * (answered only where the bot has answered before).
 */
import type { WebClient } from '@slack/web-api';
import type { Application } from '../../app/application.js';
import type { Logger } from '../../logger.js';
import { answerInConversation, type ConversationQuestion } from '../conversation/answer-in-conversation.js';
import type { Outcome } from '../intake/acknowledged-work.js';
import { replyFromSlackText } from '../payloads/message-event.js';
import { slackEscalations } from './slack-escalations.js';

export interface ThreadReply {
  channel: string;
  threadTs: string;
  messageTs: string;
  user: string;
  /** As Slack sent it (mrkdwn, escaped). */
  text: string | undefined;
  replayed: boolean;
}

export async function relayOrFollowUp(
  application: Pick<Application, 'conversation' | 'helpDesk'>,
  client: WebClient,
  reply: ThreadReply,
  followUp: ConversationQuestion,
  logger: Logger,
): Promise<Outcome> {
  const relayed = await application.helpDesk.escalations.relay({ ...reply, text: replyFromSlackText(reply.text) }, slackEscalations(client, logger));
  if (relayed) return { ...relayed, outcome: `escalation-${relayed.outcome}` };
  return answerInConversation(application.conversation, client, followUp, logger);
}
