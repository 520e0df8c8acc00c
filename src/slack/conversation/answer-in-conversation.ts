/**
 * A question asked where people talk (a DM, an @mention, a thread, the assistant panel) → the
 * answer posted in the same thread. The answer is computed first (a millisecond or two), so no
 * 正在检索… status call precedes it: one Web API call per answer. The thread is remembered so
 * follow-ups need no @mention; a failed post is answered with what to do.
 */
import type { WebClient } from '@slack/web-api';
import type { Answer } from '../../core/answer/answer-schema.js';
import { renderAnswer } from '../../render/blocks/answer-message.js';
import type { FeedbackStyle } from '../../render/blocks/feedback-blocks.js';
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
  let answer: Answer;
  try {
    answer = answering.ask(q.surface, q.question);
  } catch (error) {
    logger.error({ err: error, surface: q.surface }, 'answering failed');
    await postMessage(client, q.target, { text: INTERNAL_ERROR_TEXT, blocks: [] }, logger);
    return { outcome: 'failed' };
  }
  const posted = await postMessage(client, q.target, renderAnswer(answer, { feedback: q.feedback, shareable: false }), logger);
  const measures = answer.results.map((r) => r.number);

  if (!posted.ok) {
    // Tell the asker directly (an app can always write to a person's DM with it).
    if (q.userId && q.userId !== q.target.channel) {
      await postMessage(client, { channel: q.userId }, { text: userFacingError(posted.error), blocks: [] }, logger);
    }
    return { outcome: 'post-failed', error: posted.error, answerKind: answer.kind, measures };
  }
  threads.remember(q.target.channel, q.target.threadTs);
  return { outcome: posted.fallback ? 'answered-plain-text' : 'answered', answerKind: answer.kind, confidence: answer.confidence, measures };
}
