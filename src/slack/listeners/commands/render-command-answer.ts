/**
 * How an Answer to a slash command is shown: only to the asker, with 发到频道. A keyword lookup
 * is a list of matches; everything else renders as it would in a conversation.
 */
import type { Answer } from '../../../core/answer/answer-schema.js';
import type { Plan } from '../../../core/plan/plan-schema.js';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderKeywordList } from '../../../render/blocks/measure-list.js';
import type { SlackMessage } from '../../../render/blocks/slack-message.js';

export function renderCommandAnswer(plan: Plan, answer: Answer, keywordList = false): SlackMessage {
  if (keywordList && answer.kind === 'search' && answer.results.length > 0) return renderKeywordList(plan, answer);
  return renderAnswer(answer, { plan, feedback: 'buttons', shareable: true });
}
