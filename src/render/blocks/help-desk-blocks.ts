/**
 * The help desk in Slack: 问协调办 under an answer the plan is silent on, the escalation as the
 * office sees it in its channel, what the asker is told in their thread, the office's reply as
 * relayed (named as the office's, never as the plan's), and 存为标准答复 under it. Everything typed
 * (questions, replies) is escaped; people are shown as Slack mentions only from member IDs Slack gave.
 */
import type { EscalationRecord, EscalationReply } from '../../core/help-desk/help-desk-records.js';
import { measuresLabel } from '../answer-parts.js';
import { escalationName, OFFER_SENTENCE, passedOnSentence } from '../help-desk-parts.js';
import { ACTION, encodeValue, type EscalateValue } from './action-values.js';
import { actions, button, context, section, sections } from './block-kit.js';
import { bold, escapeMrkdwn, fallbackText, quote } from './mrkdwn.js';
import { author } from './progress-blocks.js';
import { MAX_MESSAGE_BLOCKS, MAX_SECTION_TEXT, truncate } from './slack-limits.js';
import type { Block, SlackMessage } from './slack-message.js';

/** The 问协调办 button, carrying the question, the measures shown and the asker's thread. */
export function escalateBlock(value: EscalateValue): Block {
  return actions('escalate', button('问协调办', ACTION.escalate, encodeValue(value)));
}

/** The thank-you after 没帮助, offering 问协调办. */
export function renderFeedbackOffer(thanks: string, value: EscalateValue): SlackMessage {
  const offer = `${thanks}计划原文没有答案的，可以转给协调办。`;
  return { text: fallbackText(offer), blocks: [section(escapeMrkdwn(offer)), escalateBlock(value)] };
}

/** A Slack permalink as a link, when it is one (an https URL, never typed text). */
function link(url: string | null, label: string): string | undefined {
  return url && /^https:\/\/[^\s<>|]+$/u.test(url) ? `<${url}|${label}>` : undefined;
}

/** The escalation in the coordination channel: who asked, the question, the plan and measures found, the asker's thread. */
export function renderOfficePost(escalation: EscalationRecord, planTitle: string): SlackMessage {
  const where = escalation.askerChannel.startsWith('D') ? '私信' : '频道话题';
  const thread = link(escalation.permalink, '查看原话题') ?? '原话题的链接暂时取不到';
  const found = escalation.measures.length > 0 ? `助手找到的相关措施：${measuresLabel(escalation.measures)}` : '助手没有找到相关措施';
  const blocks: Block[] = [
    section(`${bold(`协调办待答复 · ${escalationName(escalation.id)}`)}\n${author(escalation.asker)} 在${where}里问：`),
    section(quote(escapeMrkdwn(truncate(escalation.question, MAX_SECTION_TEXT - 100)))),
    context(escapeMrkdwn(`计划：《${planTitle}》 · ${found}`), `${thread}${where === '私信' ? '（私信，仅提问人可见）' : ''}`),
    context('计划原文没有写明这个问题。协调办人员请在本话题里回复答案，助手会把回复转给提问人。'),
  ];
  return { text: fallbackText(`协调办待答复 · ${escalationName(escalation.id)}：${escalation.question}`), blocks };
}

/** Told in the asker's thread once the office has it. */
export function renderPassedOn(escalation: Pick<EscalationRecord, 'id'>): SlackMessage {
  const sentence = passedOnSentence(escalation);
  return { text: fallbackText(sentence), blocks: [section(escapeMrkdwn(sentence))] };
}

/** The office's reply in the asker's thread: whose it is, and that it is not the plan's text. */
export function renderRelay(reply: Pick<EscalationReply, 'author' | 'text'>): SlackMessage {
  const blocks: Block[] = [
    context(`${bold('协调办答复')} · ${author(reply.author)}`),
    ...sections(escapeMrkdwn(reply.text)),
    context('这是协调办人员的答复，不是计划原文。'),
  ];
  return { text: fallbackText(`协调办答复：${reply.text}`), blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS) };
}

/** 存为标准答复 and 关闭（不存）, in the office's thread under a relayed reply. */
export function renderSaveOffer(escalation: Pick<EscalationRecord, 'id'>, reply: Pick<EscalationReply, 'messageTs'>): SlackMessage {
  return {
    text: fallbackText(OFFER_SENTENCE),
    blocks: [
      section(escapeMrkdwn(OFFER_SENTENCE)),
      actions(
        'standard_answer_offer',
        button('存为标准答复', ACTION.saveStandardAnswer, encodeValue({ e: escalation.id, r: reply.messageTs }), 'primary'),
        button('关闭（不存）', ACTION.closeEscalation, encodeValue({ e: escalation.id })),
      ),
    ],
  };
}
