/**
 * A question asked where people talk (a DM, an @mention, a thread, the assistant panel) → the
 * answer posted in the same thread. The answer is computed first (a millisecond or two; with the
 * semantic search, at most its 1.5-second deadline more), so no 正在检索… status call precedes
 * it: one Web API call per answer.
 *
 * - A question about a measure's progress is answered from the coordinators' record.
 * - A follow-up (下一条, 全文, 还有吗) is answered from what the conversation's last answer left;
 *   the conversation is remembered so follow-ups need no @mention.
 * - A message that says only “help” (帮助, 怎么用 …) gets the help message instead of a search.
 * - A failed post is answered with what to do.
 */
import type { WebClient } from '@slack/web-api';
import { isHelpRequest } from '../../core/answer/command-words.js';
import type { ThreadContext } from '../../core/answer/follow-up.js';
import { renderAnswer } from '../../render/blocks/answer-message.js';
import type { FeedbackStyle } from '../../render/blocks/feedback-blocks.js';
import { renderHelp } from '../../render/blocks/help-blocks.js';
import { renderProgressAnswer } from '../../render/blocks/progress-blocks.js';
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

/** The message for one turn, what the conversation keeps after it, and what the log says it showed. */
interface Reply {
  message: SlackMessage;
  context: ThreadContext | undefined;
  shown: { answerKind: string; measures: number[]; confidence?: string };
}

async function replyTo(q: ConversationQuestion, previous: ThreadContext | undefined, deps: SlackDeps): Promise<Reply> {
  const { answering } = deps;
  if (isHelpRequest(q.question)) {
    // Help answers nothing to follow up, but the thread is now one the bot answered in.
    return { message: renderHelp(answering.overview), context: previous ?? { measures: [], shown: 0 }, shown: { answerKind: 'help', measures: [] } };
  }
  const progress = await answering.askProgress(q.surface, q.question);
  if (progress) {
    const measures = progress.kind === 'measure' ? [progress.measure.number] : progress.measures.map((m) => m.number);
    const focus = measures[0];
    const context: ThreadContext = { measures, shown: 0, ...(focus !== undefined ? { focus } : {}) };
    return { message: renderProgressAnswer(progress), context, shown: { answerKind: 'progress', measures } };
  }
  const { answer, context } = await answering.converse(q.surface, q.question, previous);
  return {
    message: renderAnswer(answer, { feedback: q.feedback, shareable: false }),
    context,
    shown: { answerKind: answer.kind, measures: answer.results.map((r) => r.number), confidence: answer.confidence },
  };
}

export async function answerInConversation(client: WebClient, q: ConversationQuestion, deps: SlackDeps): Promise<Outcome> {
  const { threads, logger } = deps;
  const conversation = { ...q.target, direct: q.surface === 'dm' || q.surface === 'assistant' };
  let reply: Reply;
  try {
    reply = await replyTo(q, await threads.recall(conversation), deps);
  } catch (error) {
    logger.error({ err: error, surface: q.surface }, 'answering failed');
    await postMessage(client, q.target, { text: INTERNAL_ERROR_TEXT, blocks: [] }, logger);
    return { outcome: 'failed' };
  }
  const posted = await postMessage(client, q.target, reply.message, logger);
  const { answerKind, measures, confidence } = reply.shown;

  if (!posted.ok) {
    // Tell the asker directly (an app can always write to a person's DM with it).
    if (q.userId && q.userId !== q.target.channel) {
      await postMessage(client, { channel: q.userId }, { text: userFacingError(posted.error), blocks: [] }, logger);
    }
    return { outcome: 'post-failed', error: posted.error, answerKind, measures };
  }
  if (reply.context) await threads.remember(conversation, reply.context);
  if (answerKind === 'help') return { outcome: 'help' };
  return { outcome: posted.fallback ? 'answered-plain-text' : 'answered', answerKind, ...(confidence ? { confidence } : {}), measures };
}
