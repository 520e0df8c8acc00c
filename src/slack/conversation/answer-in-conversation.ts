/**
 * A question asked where people talk (a DM, an @mention, a thread, the assistant panel) → the
 * answer posted in the same thread. The answer is computed first (a millisecond or two), so no
 * 正在检索… status call precedes it: one Web API call per answer. A follow-up (下一条, 全文,
 * 还有吗) is answered from what the conversation's last answer left; the conversation is
 * remembered so follow-ups need no @mention; a failed post is answered with what to do. A
 * message that says only “help” (帮助, 怎么用 …) gets the help message instead of a search.
 */
import type { WebClient } from '@slack/web-api';
import type { Answer } from '../../core/answer/answer-schema.js';
import { isHelpRequest } from '../../core/answer/command-words.js';
import type { ThreadContext } from '../../core/answer/follow-up.js';
import { renderAnswer } from '../../render/blocks/answer-message.js';
import type { FeedbackStyle } from '../../render/blocks/feedback-blocks.js';
import { renderHelp } from '../../render/blocks/help-blocks.js';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import { INTERNAL_ERROR_TEXT, type Outcome } from '../acknowledged-work.js';
import type { Surface } from '../answering.js';
import { postMessage } from '../delivery/post-message.js';
import { userFacingError } from '../delivery/slack-errors.js';
import type { SlackDeps } from '../deps.js';

export interface ConversationQuestion {
  question: string;
  target: { channel: string; threadTs: string };
  /** Who asked: told directly when the answer cannot be posted where they asked. */
  userId?: string;
  surface: Surface;
  feedback: FeedbackStyle;
}

export async function answerInConversation(client: WebClient, q: ConversationQuestion, deps: SlackDeps): Promise<Outcome> {
  const { answering, threads, logger } = deps;
  const conversation = { ...q.target, direct: q.surface === 'dm' || q.surface === 'assistant' };
  let answer: Answer | undefined;
  let context: ThreadContext | undefined;
  let message: SlackMessage;
  try {
    const previous = await threads.recall(conversation);
    if (isHelpRequest(q.question)) {
      // Help answers nothing to follow up, but the thread is now one the bot answered in.
      context = previous ?? { measures: [], shown: 0 };
      message = renderHelp(answering.overview);
    } else {
      const turn = answering.converse(q.surface, q.question, previous);
      answer = turn.answer;
      context = turn.context;
      message = renderAnswer(answer, { feedback: q.feedback, shareable: false });
    }
  } catch (error) {
    logger.error({ err: error, surface: q.surface }, 'answering failed');
    await postMessage(client, q.target, { text: INTERNAL_ERROR_TEXT, blocks: [] }, logger);
    return { outcome: 'failed' };
  }
  const posted = await postMessage(client, q.target, message, logger);
  const about = answer ? { answerKind: answer.kind, measures: answer.results.map((r) => r.number) } : { answerKind: 'help' };

  if (!posted.ok) {
    // Tell the asker directly (an app can always write to a person's DM with it).
    if (q.userId && q.userId !== q.target.channel) {
      await postMessage(client, { channel: q.userId }, { text: userFacingError(posted.error), blocks: [] }, logger);
    }
    return { outcome: 'post-failed', error: posted.error, ...about };
  }
  if (context) await threads.remember(conversation, context);
  if (!answer) return { outcome: 'help' };
  return { outcome: posted.fallback ? 'answered-plain-text' : 'answered', confidence: answer.confidence, ...about };
}
