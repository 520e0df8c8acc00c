/**
 * What a person is shown in Slack for each outcome of the help desk: the answer to 问协调办 (when
 * it is not the note in their thread), to 存为标准答复 and 关闭, to the coordinators' `/plan 标准答复
 * …` and `/plan 设置 …`. Pure functions of the application's results.
 */
import type { AnswerChannelResult } from '../../app/help-desk/answer-channels.js';
import type { EscalateOutcome, OfficeDecision } from '../../app/help-desk/escalations.js';
import type { HelpDeskReply } from '../../app/help-desk/help-desk.js';
import type { StandardAnswerResult } from '../../app/help-desk/standard-answers.js';
import { renderNotice } from '../../render/blocks/progress-blocks.js';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import { renderStandardAnswerDetail, renderStandardAnswerList } from '../../render/blocks/standard-answer-blocks.js';
import {
  alreadySentence,
  autoAnswerSentence,
  closedSentence,
  ESCALATION_TEXT,
  passedOnSentence,
  savedSentence,
  SETTING_TEXT,
  STANDARD_ANSWER_TEXT,
  standardAnswerSavedSentence,
} from '../../render/help-desk-parts.js';

/** What the clicker of 问协调办 is told privately; undefined when the note in their thread says it. */
export function escalateReplyText(outcome: EscalateOutcome, toldInThread: boolean): string | undefined {
  switch (outcome.outcome) {
    case 'passed-on':
      return toldInThread && outcome.escalation.askerToldAt !== null ? undefined : passedOnSentence(outcome.escalation);
    case 'already':
      return alreadySentence(outcome.escalation);
    case 'thread-gone':
      return ESCALATION_TEXT.threadGone;
    case 'not-delivered':
      return ESCALATION_TEXT.notDelivered;
    case 'unknown':
      return ESCALATION_TEXT.unknown;
    case 'not-saved':
      return ESCALATION_TEXT.notSaved;
    case 'off':
      return ESCALATION_TEXT.off;
  }
}

/** What 存为标准答复 or 关闭 comes to: `replace` when it settles the offer (its buttons go). */
export function officeDecisionReply(decision: OfficeDecision): { text: string; replace: boolean } {
  switch (decision.outcome) {
    case 'saved':
      return { text: savedSentence(decision.answer, decision.created), replace: true };
    case 'closed':
      return { text: closedSentence(decision.escalation), replace: true };
    case 'refused':
      return { text: ESCALATION_TEXT.refused, replace: false };
    case 'unverified':
      return { text: ESCALATION_TEXT.unverified, replace: false };
    case 'gone':
      return { text: ESCALATION_TEXT.gone, replace: false };
    case 'invalid':
      return { text: decision.message, replace: false };
    case 'not-saved':
      return { text: ESCALATION_TEXT.saveNotSaved, replace: false };
  }
}

function standardAnswerMessage(result: StandardAnswerResult): SlackMessage {
  switch (result.type) {
    case 'list':
      return renderStandardAnswerList(result.answers, result.today);
    case 'detail':
      return renderStandardAnswerDetail(result.answer, result.history, result.today);
    case 'saved':
      return renderNotice(standardAnswerSavedSentence(result.answer, result.change));
    case 'unchanged':
      return renderNotice(STANDARD_ANSWER_TEXT.unchanged);
    case 'not-found':
      return renderNotice(STANDARD_ANSWER_TEXT.notFound(result.id));
    case 'invalid':
      return renderNotice(result.message);
    case 'refused':
      return renderNotice(ESCALATION_TEXT.refused);
    case 'unverified':
      return renderNotice(ESCALATION_TEXT.unverified);
    case 'stale':
      return renderNotice(STANDARD_ANSWER_TEXT.stale);
    case 'unavailable':
      return renderNotice(STANDARD_ANSWER_TEXT.unavailable);
  }
}

function settingMessage(result: AnswerChannelResult): SlackMessage {
  switch (result.type) {
    case 'auto-answer':
      return renderNotice(autoAnswerSentence(result.on, result.changed));
    case 'configured':
      return renderNotice(SETTING_TEXT.configured);
    case 'not-a-channel':
      return renderNotice(SETTING_TEXT.notAChannel);
    case 'refused':
      return renderNotice(ESCALATION_TEXT.refused);
    case 'unverified':
      return renderNotice(ESCALATION_TEXT.unverified);
    case 'unavailable':
      return renderNotice(STANDARD_ANSWER_TEXT.unavailable);
  }
}

/** The reply to `/plan 标准答复 …` or `/plan 设置 …`. */
export function helpDeskReplyMessage(reply: HelpDeskReply): SlackMessage {
  // Refusals and an unreadable store read the same for both.
  return reply.type === 'auto-answer' || reply.type === 'configured' || reply.type === 'not-a-channel' ? settingMessage(reply) : standardAnswerMessage(reply);
}
