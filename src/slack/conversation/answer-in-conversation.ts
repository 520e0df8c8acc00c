/**
 * A question asked where people talk (a DM, an @mention, a thread, the assistant panel) → the
 * answer posted in the same thread (a question about a measure's progress is answered from the
 * coordinators' record). The status line shows 正在检索… while it works (on the AI
 * surfaces, where Slack has one); the thread is remembered so follow-ups need no @mention; a
 * failed post is answered with what to do.
 */
import type { WebClient } from '@slack/web-api';
import { renderAnswer } from '../../render/blocks/answer-message.js';
import { renderProgressAnswer } from '../../render/blocks/progress-blocks.js';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import type { FeedbackStyle } from '../../render/blocks/feedback-blocks.js';
import { INTERNAL_ERROR_TEXT, type Outcome } from '../acknowledged-work.js';
import type { Surface } from '../answering.js';
import { postMessage, type PostOutcome } from '../delivery/post-message.js';
import { userFacingError } from '../delivery/slack-errors.js';
import type { SlackDeps } from '../deps.js';

export const SEARCHING_STATUS = '正在检索…';

export interface ConversationQuestion {
  question: string;
  target: { channel: string; threadTs: string };
  /** Who asked: told directly when the answer cannot be posted where they asked. */
  userId?: string;
  surface: Surface;
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
  const { answering, threads, logger } = deps;
  const setStatus = q.setStatus;
  const clearStatus = () => quietly(setStatus && (() => setStatus('')), deps, 'clearStatus');
  await quietly(setStatus && (() => setStatus(SEARCHING_STATUS)), deps, 'setStatus');
  let posted: PostOutcome;
  let shown: { answerKind: string; measures: number[]; confidence?: string };
  try {
    let message: SlackMessage;
    const progress = await answering.askProgress(q.surface, q.question);
    if (progress) {
      message = renderProgressAnswer(progress);
      shown = { answerKind: 'progress', measures: progress.kind === 'measure' ? [progress.measure.number] : progress.measures.map((m) => m.number) };
    } else {
      const answer = answering.ask(q.surface, q.question);
      message = renderAnswer(answer, { feedback: q.feedback, shareable: false });
      shown = { answerKind: answer.kind, measures: answer.results.map((r) => r.number), confidence: answer.confidence };
    }
    posted = await postMessage(client, q.target, message, logger);
  } catch (error) {
    // Nobody is left looking at 正在检索…: say something went wrong, where they asked.
    logger.error({ err: error, surface: q.surface }, 'answering failed');
    await postMessage(client, q.target, { text: INTERNAL_ERROR_TEXT, blocks: [] }, logger);
    await clearStatus();
    return { outcome: 'failed' };
  }
  const { answerKind, measures } = shown;

  if (!posted.ok) {
    await clearStatus();
    // Tell the asker directly (an app can always write to a person's DM with it).
    if (q.userId && q.userId !== q.target.channel) {
      await postMessage(client, { channel: q.userId }, { text: userFacingError(posted.error), blocks: [] }, logger);
    }
    return { outcome: 'post-failed', error: posted.error, answerKind, measures };
  }
  threads.remember(q.target.channel, q.target.threadTs);
  return { outcome: posted.fallback ? 'answered-plain-text' : 'answered', answerKind, ...(shown.confidence ? { confidence: shown.confidence } : {}), measures };
}
