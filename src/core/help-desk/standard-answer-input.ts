/**
 * What a standard answer may hold, checked before anything is saved (a refusal saves nothing):
 * text that is there and fits a message, measures the plan has, and the day it is due for review.
 * Each refusal is one Chinese sentence for the coordinator, saying what to change.
 */
import { notices } from '../answer/notices.js';
import { findMeasure } from '../plan/find-in-plan.js';
import type { Plan } from '../plan/plan-schema.js';
import { isIsoDate } from '../time/local-date.js';
import type { StandardAnswerRecord } from './help-desk-records.js';

/** The longest standard answer, in characters: one Slack section's worth (its 3,000-character limit), shown whole. */
export const MAX_STANDARD_ANSWER_LENGTH = 3000;
/** Measures a standard answer may name at most. */
export const MAX_STANDARD_ANSWER_MEASURES = 20;
/** How long a standard answer stands before it is due for review, unless STANDARD_ANSWER_REVIEW_MONTHS says otherwise. */
export const DEFAULT_REVIEW_MONTHS = 6;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** The answer's text, trimmed: refused when empty or longer than {@link MAX_STANDARD_ANSWER_LENGTH}. */
export function checkAnswerText(text: string): Checked<string> {
  const trimmed = text.toWellFormed().replace(/\r\n?/gu, '\n').trim();
  if (trimmed.length === 0) return { ok: false, message: '标准答复的内容不能为空：请写上协调办的答复，什么都没有保存。' };
  const length = [...trimmed].length;
  if (length > MAX_STANDARD_ANSWER_LENGTH) {
    return { ok: false, message: `标准答复太长了（${length} 个字），请控制在 ${MAX_STANDARD_ANSWER_LENGTH} 字以内，什么都没有保存。` };
  }
  return { ok: true, value: trimmed };
}

/** The measures, each once, in order: refused when the plan has no such measure. */
export function checkMeasures(plan: Plan, measures: readonly number[]): Checked<number[]> {
  const unique = [...new Set(measures)];
  const missing = unique.filter((n) => !findMeasure(plan, n));
  if (missing.length > 0) return { ok: false, message: `${notices.outOfRange(missing, plan.measures.length).message}什么都没有保存。` };
  if (unique.length > MAX_STANDARD_ANSWER_MEASURES)
    return { ok: false, message: `一条标准答复最多关联 ${MAX_STANDARD_ANSWER_MEASURES} 条措施，什么都没有保存。` };
  return { ok: true, value: unique };
}

/** `date` plus `months`, on the same day of the month or the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function reviewDate(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whether the answer is past its review date on `today` (YYYY-MM-DD). */
export function pastReview(answer: Pick<StandardAnswerRecord, 'reviewBy'>, today: string): boolean {
  return today > answer.reviewBy;
}
