/**
 * A message where people talk (a DM, an @mention, a thread, the assistant panel, the console) →
 * the reply, delivered, and the conversation remembered for its next message. The one entry for
 * a message: the edge hands it the message and a way to deliver the reply, and learns what was
 * shown. In order:
 *
 * 1. A message that says only “help” (帮助, 怎么用 …) gets the help message.
 * 2. A question about a measure's progress is answered from the coordinators' record.
 * 3. Anything else is a question, or a follow-up (下一条, 全文, 还有吗) of the conversation's
 *    last answer, answered from the plan; a question the office has a standard answer for gets
 *    that answer first (the plan's text still beneath), and one the plan is silent on gets 问协调办
 *    when a coordination channel is set.
 *
 * A top-level message in a channel (no @mention) is answered only in a help channel; a reply in a
 * channel thread only where the bot has answered before.
 *
 * The conversation is remembered only once the reply was delivered, so a failed post leaves the
 * thread as it was. Questions are recorded for the digest; help is not.
 */
import type { Answer } from '../../core/answer/answer-schema.js';
import { isHelpRequest } from '../../core/answer/command-words.js';
import type { ThreadContext } from '../../core/answer/follow-up.js';
import type { PlanOverview } from '../../core/answer/plan-overview.js';
import { progressMeasures, type ProgressAnswer } from '../../core/progress/progress-question.js';
import { planIsSilent } from '../../core/help-desk/help-desk-board.js';
import type { HelpDesk } from '../help-desk/help-desk.js';
import type { ShownStandardAnswer } from '../../core/help-desk/help-desk-records.js';
import type { ActivityRecorder, Surface } from './activity-log.js';
import type { Answerer } from './answerer.js';
import type { ProgressDesk } from '../progress/progress-desk.js';
import type { Conversation, ThreadMemory } from './thread-memory.js';

/** What a message in a conversation is answered with. */
export type ConversationReply =
  | { kind: 'help'; overview: PlanOverview }
  | { kind: 'progress'; answer: ProgressAnswer }
  /** `standard`: the office's standard answer, shown first; `offerEscalation`: offer 问协调办 (the plan is silent). */
  | { kind: 'answer'; answer: Answer; standard?: ShownStandardAnswer; offerEscalation?: boolean }
  /** Answering failed unexpectedly: the asker is told, in Chinese, to try again. */
  | { kind: 'failed'; error: unknown };

export interface ConversationMessage {
  surface: Surface;
  text: string;
  conversation: Conversation;
  /** A reply in a channel thread: answered only where the bot has answered before (a follow-up). */
  followUpOnly?: boolean;
  /** A top-level message in a channel, without an @mention: answered only in a help channel. */
  askedInChannel?: boolean;
}

/** What a reply showed, for the log: the answer's kind, the measures, the confidence. */
export interface Shown {
  answerKind: string;
  measures: number[];
  confidence?: string;
}

export interface ReplyOutcome<D> {
  reply: ConversationReply;
  shown: Shown;
  /** What delivering it came to (the edge's own report). */
  delivery: D;
}

export interface ConversationReplies {
  /** Replies to `message` through `deliver`; undefined when it is not the bot's to answer (`followUpOnly`, `askedInChannel`). */
  reply<D extends { delivered: boolean }>(
    message: ConversationMessage,
    deliver: (reply: ConversationReply) => Promise<D>,
  ): Promise<ReplyOutcome<D> | undefined>;
}

export interface ConversationDeps {
  answerer: Answerer;
  desk: ProgressDesk;
  threads: ThreadMemory;
  activity: ActivityRecorder;
  overview: PlanOverview;
  helpDesk: Pick<HelpDesk, 'standardAnswers' | 'escalations' | 'answerChannels'>;
}

export function shownBy(reply: ConversationReply): Shown {
  switch (reply.kind) {
    case 'help':
      return { answerKind: 'help', measures: [] };
    case 'failed':
      return { answerKind: 'failed', measures: [] };
    case 'progress':
      return { answerKind: 'progress', measures: progressMeasures(reply.answer) };
    case 'answer':
      return {
        answerKind: reply.answer.kind,
        measures: reply.answer.results.map((r) => r.number),
        ...(reply.answer.confidence ? { confidence: reply.answer.confidence } : {}),
      };
  }
}

export function createConversationReplies({ answerer, desk, threads, activity, overview, helpDesk }: ConversationDeps): ConversationReplies {
  /** The plan's answer with the office's: its standard answer, or 问协调办 where the plan is silent. */
  async function withOffice(message: ConversationMessage, answer: Answer): Promise<ConversationReply> {
    const asked = answer.kind === 'search' || answer.kind === 'not-covered' || answer.kind === 'none';
    const standard = asked ? await helpDesk.standardAnswers.find(message.text) : undefined;
    if (standard) return { kind: 'answer', answer, standard };
    const offer = helpDesk.escalations.channel !== undefined && message.surface !== 'console' && planIsSilent(answer);
    return { kind: 'answer', answer, ...(offer ? { offerEscalation: true } : {}) };
  }

  /** The reply, and what the conversation keeps after it. */
  async function compose(
    message: ConversationMessage,
    previous: ThreadContext | undefined,
  ): Promise<{ reply: ConversationReply; context: ThreadContext | undefined }> {
    // Help answers nothing to follow up, but the thread is now one the bot answered in.
    if (isHelpRequest(message.text)) return { reply: { kind: 'help', overview }, context: previous ?? { measures: [], shown: 0 } };
    const progress = await desk.answerQuestion(message.text);
    if (progress) {
      const measures = progressMeasures(progress);
      activity.askedProgress(message.surface, message.text, measures);
      const focus = measures[0];
      return { reply: { kind: 'progress', answer: progress }, context: { measures, shown: 0, ...(focus !== undefined ? { focus } : {}) } };
    }
    const turn = await answerer.converse(message.text, previous);
    activity.answered(message.surface, message.text, turn.answer);
    return { reply: await withOffice(message, turn.answer), context: turn.context };
  }

  return {
    async reply(message, deliver) {
      let composed: { reply: ConversationReply; context: ThreadContext | undefined };
      try {
        if (message.askedInChannel && !(await helpDesk.answerChannels.answersIn(message.conversation.channel))) return undefined;
        const previous = await threads.recall(message.conversation);
        if (message.followUpOnly && !previous) return undefined;
        composed = await compose(message, previous);
      } catch (error) {
        composed = { reply: { kind: 'failed', error }, context: undefined };
      }
      const delivery = await deliver(composed.reply);
      if (delivery.delivered && composed.context) await threads.remember(message.conversation, composed.context);
      return { reply: composed.reply, shown: shownBy(composed.reply), delivery };
    },
  };
}
