/**
 * A question asked where people talk (a DM, an @mention, a thread, the assistant panel) → the
 * answer posted in the same thread. The status line shows 正在检索… while it works (on the AI
 * surfaces, where Slack has one); the answer is recorded for the digest; the thread is
 * remembered so follow-ups need no @mention; a failed post is answered with what to do.
 */
import type { WebClient } from '@slack/web-api';
import { askQuestion } from '../../core/answer/ask-question.js';
import type { QuestionSurface } from '../../store/activity-log.js';
import { renderAnswer } from '../../render/blocks/answer-message.js';
import type { FeedbackStyle } from '../../render/blocks/feedback-blocks.js';
import type { Answer } from '../../core/answer/answer-schema.js';
import { postReply, type PostOutcome, type ReplyTarget } from '../delivery/post-reply.js';
import { userFacingError } from '../delivery/slack-errors.js';
import { INTERNAL_ERROR_TEXT, type Outcome } from '../request-log.js';
import type { SlackDeps } from '../slack-deps.js';

export const SEARCHING_STATUS = '正在检索…';

export interface ConversationQuestion {
  question: string;
  target: ReplyTarget & { threadTs: string };
  /** Who asked: told directly when the answer cannot be posted where they asked. */
  userId?: string;
  surface: QuestionSurface;
  feedback: FeedbackStyle;
  /** Sets the AI surface's status line; absent elsewhere. */
  setStatus?: (status: string) => Promise<unknown>;
}

async function quietly(work: (() => Promise<unknown>) | undefined, deps: SlackDeps, what: string): Promise<void> {
  if (!work) return;
  try {
    await work();
  } catch (error) {
    deps.logger.debug({ err: error, what }, 'optional Slack call failed');
  }
}

export async function answerInConversation(client: WebClient, q: ConversationQuestion, deps: SlackDeps): Promise<Outcome> {
  const { ctx, activity, threads, logger } = deps;
  await quietly(q.setStatus && (() => q.setStatus!(SEARCHING_STATUS)), deps, 'setStatus');
  let posted: PostOutcome;
  let answer: Answer;
  try {
    answer = askQuestion(ctx, q.question);
    activity.recordQuestion({ question: q.question, answer, surface: q.surface });
    posted = await postReply(client, q.target, renderAnswer(answer, { plan: ctx.plan, feedback: q.feedback, shareable: false }), logger);
  } catch (error) {
    // Nobody is left looking at 正在检索…: say something went wrong, where they asked.
    logger.error({ err: error, surface: q.surface }, 'answering failed');
    await postReply(client, q.target, { text: INTERNAL_ERROR_TEXT, blocks: [] }, logger);
    await quietly(q.setStatus && (() => q.setStatus!('')), deps, 'clearStatus');
    return { outcome: 'failed' };
  }
  const measures = answer.results.map((r) => r.number);

  if (!posted.ok) {
    await quietly(q.setStatus && (() => q.setStatus!('')), deps, 'clearStatus');
    // Tell the asker directly (an app can always write to a person's DM with it).
    if (q.userId && q.userId !== q.target.channel) {
      await postReply(client, { channel: q.userId }, { text: userFacingError(posted.error), blocks: [] }, logger);
    }
    return { outcome: 'post-failed', error: posted.error, answerKind: answer.kind, measures };
  }
  threads.remember(q.target.channel, q.target.threadTs);
  return { outcome: posted.fallback ? 'answered-plain-text' : 'answered', answerKind: answer.kind, confidence: answer.confidence, measures };
}
