/**
 * A question asked where people talk (a DM, an @mention, a thread, the assistant panel) → the
 * application's reply, rendered and posted in the same thread: one Web API call per answer (the
 * answer is computed first, a millisecond or two, so no 正在检索… status precedes it). When the
 * post fails, the asker is told by DM what to do (an app can always write to a person's DM).
 */
import type { WebClient } from '@slack/web-api';
import { SHOWN_PER_ANSWER, type Surface } from '../../app/answers/activity-log.js';
import type { ConversationReplies, ConversationReply } from '../../app/answers/reply-to-message.js';
import type { Logger } from '../../logger.js';
import { renderAnswer } from '../../render/blocks/answer-message.js';
import type { FeedbackStyle } from '../../render/blocks/feedback-blocks.js';
import { renderHelp } from '../../render/blocks/help-blocks.js';
import { renderProgressAnswer } from '../../render/blocks/progress-blocks.js';
import { withStandardAnswer } from '../../render/blocks/standard-answer-blocks.js';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import { answerMetadata, findAnswer } from '../delivery/answer-metadata.js';
import { deliverOnce, postMessage, type DeliveryOutcome } from '../delivery/post-message.js';
import { userFacingError } from '../delivery/slack-errors.js';
import { INTERNAL_ERROR_TEXT, type Outcome } from '../intake/acknowledged-work.js';

export interface ConversationQuestion {
  question: string;
  /** The message asked: its ts names the answer's delivery (in the answer's metadata). */
  messageTs: string;
  target: { channel: string; threadTs: string };
  /** Who asked: told directly when the answer cannot be posted where they asked. */
  userId?: string;
  surface: Surface;
  feedback: FeedbackStyle;
  /** A reply in a channel thread: answered only where the bot has answered before. */
  followUpOnly?: boolean;
  /** A top-level message in a channel (no @mention): answered only in a help channel. */
  askedInChannel?: boolean;
  /** Replayed from the work ledger after a restart: it may have been answered already. */
  replayed?: boolean;
}

function render(reply: ConversationReply, feedback: FeedbackStyle, target: ConversationQuestion['target']): SlackMessage {
  switch (reply.kind) {
    case 'help':
      return renderHelp(reply.overview);
    case 'progress':
      return renderProgressAnswer(reply.answer);
    case 'answer': {
      const { answer, standard } = reply;
      // 问协调办 carries the thread the office's answer will come back to.
      const escalate = reply.offerEscalation
        ? { escalate: { q: answer.query, m: answer.results.slice(0, SHOWN_PER_ANSWER).map((r) => r.number), c: target.channel, t: target.threadTs } }
        : {};
      const plan = renderAnswer(answer, { feedback, shareable: false, ...escalate });
      return standard ? withStandardAnswer(plan, standard) : plan;
    }
    case 'failed':
      return { text: INTERNAL_ERROR_TEXT, blocks: [] };
  }
}

export async function answerInConversation(conversation: ConversationReplies, client: WebClient, q: ConversationQuestion, logger: Logger): Promise<Outcome> {
  const metadata = answerMetadata(q.target.channel, q.messageTs);
  const deliver = async (reply: ConversationReply): Promise<DeliveryOutcome & { delivered: boolean }> => {
    if (reply.kind === 'failed') logger.error({ err: reply.error, surface: q.surface }, 'answering failed');
    const find = findAnswer(client, q.target.channel, q.target.threadTs, metadata);
    const posted = await deliverOnce(client, { ...q.target, metadata }, render(reply, q.feedback, q.target), logger, {
      find,
      ...(q.replayed ? { lookFirst: true } : {}),
    });
    if (!posted.ok && q.userId && q.userId !== q.target.channel) {
      await postMessage(client, { channel: q.userId }, { text: userFacingError(posted.error), blocks: [] }, logger);
    }
    return { ...posted, delivered: posted.ok && reply.kind !== 'failed' };
  };
  const message = {
    surface: q.surface,
    text: q.question,
    conversation: { ...q.target, direct: q.surface === 'dm' || q.surface === 'assistant' },
    ...(q.followUpOnly ? { followUpOnly: true } : {}),
    ...(q.askedInChannel ? { askedInChannel: true } : {}),
  };
  const result = await conversation.reply(message, deliver);
  if (!result) return { outcome: q.askedInChannel ? 'not-a-help-channel' : 'not-a-follow-up' };
  const { reply, shown, delivery } = result;
  if (reply.kind === 'failed') return { outcome: 'failed' };
  if (!delivery.ok) return { outcome: 'post-failed', error: delivery.error, answerKind: shown.answerKind, measures: shown.measures };
  if (delivery.found) return { outcome: 'found-answered', ...shown };
  if (reply.kind === 'help') return { outcome: 'help' };
  const office =
    reply.kind === 'answer'
      ? { ...(reply.standard ? { standardAnswer: reply.standard.id } : {}), ...(reply.offerEscalation ? { offered: 'escalation' } : {}) }
      : {};
  return { outcome: delivery.fallback ? 'answered-plain-text' : 'answered', ...shown, ...office };
}
