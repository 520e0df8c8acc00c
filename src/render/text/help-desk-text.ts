/**
 * The help desk as plain text, for the local console and the command line: a standard answer
 * shown first (labelled apart from the plan's text that follows), and the coordinators' list and
 * one answer with its history.
 */
import type { ShownStandardAnswer, StandardAnswerRecord, StandardAnswerVersion } from '../../core/help-desk/help-desk-records.js';
import { pastReview } from '../../core/help-desk/standard-answer-input.js';
import { measuresLabel } from '../answer-parts.js';
import { pastReviewNotice, PLAN_TEXT_BELOW, standardAnswerLabel } from '../help-desk-parts.js';

/** The standard answer, then the plan's text beneath it. */
export function withStandardAnswerText(planText: string, answer: ShownStandardAnswer): string {
  return [
    `【${standardAnswerLabel(answer)}】`,
    answer.text,
    ...(answer.pastReview ? [`（${pastReviewNotice(answer)}）`] : []),
    '',
    PLAN_TEXT_BELOW,
    planText,
  ].join('\n');
}

function line(a: StandardAnswerRecord, today: string): string {
  const state = a.retired ? '，已停用' : pastReview(a, today) ? '，已过复核日期' : '';
  return `#${a.id} ${a.question}${a.measures.length > 0 ? `（${measuresLabel(a.measures)}）` : ''} · 复核 ${a.reviewBy}${state}`;
}

export function standardAnswerListText(answers: readonly StandardAnswerRecord[], today: string): string {
  if (answers.length === 0) return '还没有标准答复。';
  return [`标准答复（在用 ${answers.filter((a) => !a.retired).length} 条）：`, ...answers.map((a) => `  ${line(a, today)}`)].join('\n');
}

export function standardAnswerDetailText(answer: StandardAnswerRecord, history: readonly StandardAnswerVersion[], today: string): string {
  return [
    `标准答复 ${line(answer, today)}`,
    answer.text,
    '',
    '历史：',
    ...history.map((v) => `  第 ${v.version} 版 · ${v.author}${v.retired ? ' · 停用' : ''} · 复核 ${v.reviewBy}`),
  ].join('\n');
}
