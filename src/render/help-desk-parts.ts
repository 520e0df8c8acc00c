/**
 * The help desk's wording, for Slack and the terminal alike: how a standard answer is labelled
 * apart from the plan's text, how long an escalation has waited, and the sentences people are told.
 */
import type { EscalationRecord, ShownStandardAnswer } from '../core/help-desk/help-desk-records.js';

/** `标准答复 · 协调办 · 2026-12-01`: what sets a standard answer apart from the plan's text. */
export function standardAnswerLabel(answer: Pick<ShownStandardAnswer, 'date'>): string {
  return `标准答复 · 协调办 · ${answer.date}`;
}

/** Said under a standard answer past its review date (STANDARD_ANSWERS_EXPIRED=notice). */
export function pastReviewNotice(answer: Pick<ShownStandardAnswer, 'reviewBy'>): string {
  return `这条标准答复已过复核日期（${answer.reviewBy}），可能已不适用，请向协调办核实。`;
}

/** Said between a standard answer and the plan's text. */
export const PLAN_TEXT_BELOW = '以下是计划原文：';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** `3 天`, `5 小时`, `不到 1 小时`: how long something has waited. */
export function waited(ageMs: number): string {
  if (ageMs >= DAY_MS) return `${Math.floor(ageMs / DAY_MS)} 天`;
  if (ageMs >= HOUR_MS) return `${Math.floor(ageMs / HOUR_MS)} 小时`;
  return '不到 1 小时';
}

/** `第 3 号`: how an escalation is named to people. */
export function escalationName(id: number): string {
  return `第 ${id} 号`;
}

/** What the asker is told in their thread once the office has the question. */
export function passedOnSentence(escalation: Pick<EscalationRecord, 'id'>): string {
  return `已把这个问题转给协调办（${escalationName(escalation.id)}）。协调办答复后，答复会发在这个话题里。`;
}

/** What a second click is told: where the escalation stands. */
export function alreadySentence(escalation: Pick<EscalationRecord, 'id' | 'state'>): string {
  switch (escalation.state) {
    case 'open':
      return `这个问题已经转给协调办了（${escalationName(escalation.id)}），正在等答复；答复会发在原来的话题里。`;
    case 'answered':
      return `协调办已经答复了这个问题（${escalationName(escalation.id)}），答复在原来的话题里。`;
    case 'closed':
      return `这个问题协调办已经处理完毕（${escalationName(escalation.id)}），答复在原来的话题里。`;
  }
}

export const ESCALATION_TEXT = {
  threadGone: '原来的话题已经找不到了（可能已被删除），这个问题没有转给协调办，什么都没有保存。请重新提问后再点“问协调办”。',
  notDelivered: '没能把问题发到协调办的频道（助手可能不在该频道里），什么都没有保存。请稍后再试，或请管理员把助手加入协调频道。',
  unknown: '已尝试转给协调办，但暂时无法确认是否送达。请过一会儿再点一次“问协调办”，不会重复转交。',
  notSaved: '记录暂时写不进去，这个问题没有转给协调办，什么都没有保存。请稍后再试。',
  off: '协调办的转交功能没有开启（管理员尚未设置协调频道）。',
  refused: '只有协调办人员可以这样做，这次没有做任何更改。',
  unverified: '暂时无法确认你是否为协调办人员（名单暂时读不到），这次没有做任何更改。请稍后再试。',
  gone: '找不到这条答复或这个问题了，没有保存。',
  saveNotSaved: '记录暂时写不进去，这次没有保存，请稍后再试。',
} as const;

/** Said once a reply was saved as a standard answer. */
export function savedSentence(answer: { id: number; reviewBy: string }, created: boolean): string {
  const saved = created ? '已存为标准答复' : '这条答复已经存为标准答复';
  return `${saved} #${answer.id}（复核日期 ${answer.reviewBy}），这个问题已关闭。以后有人问到相同的问题，会先看到这条答复。用 /plan 标准答复 ${answer.id} 查看或修改。`;
}

export function closedSentence(escalation: Pick<EscalationRecord, 'id'>): string {
  return `${escalationName(escalation.id)}已关闭，答复没有存为标准答复。`;
}

/** Offered in the office's thread under a relayed reply. */
export const OFFER_SENTENCE = '已把这条答复转给提问人。要存为标准答复吗？以后有人问到相同的问题，会先看到这条答复（到复核日期前）。';

/** What a coordinator is told after a change to a standard answer. */
export function standardAnswerSavedSentence(
  answer: { id: number; version: number; reviewBy: string; retired: boolean },
  change: 'text' | 'measures' | 'review' | 'retire',
): string {
  switch (change) {
    case 'text':
      return `已修改标准答复 #${answer.id}（第 ${answer.version} 版），复核日期顺延到 ${answer.reviewBy}。`;
    case 'measures':
      return `已修改标准答复 #${answer.id} 关联的措施（第 ${answer.version} 版）。`;
    case 'review':
      return `标准答复 #${answer.id} 已复核（第 ${answer.version} 版），下次复核日期 ${answer.reviewBy}。`;
    case 'retire':
      return `已停用标准答复 #${answer.id}（第 ${answer.version} 版），不再显示给提问的人；历史仍然保留。`;
  }
}

export const STANDARD_ANSWER_TEXT = {
  unchanged: '和现在的内容相同，没有保存新的版本。',
  stale: '有人同时在修改这条标准答复，这次没有保存，请重新查看后再试。',
  unavailable: '记录暂时读写不了，这次什么都没有保存，请稍后再试。',
  notFound: (id: number) => `没有编号为 #${id} 的标准答复。输入 /plan 标准答复 查看全部。`,
} as const;

/** What `/plan 设置 频道自动回答 开|关` comes to. */
export function autoAnswerSentence(on: boolean, changed: boolean): string {
  if (!changed) return on ? '本频道的自动回答本来就是开启的。' : '本频道的自动回答本来就是关闭的。';
  return on
    ? '已开启：本频道里不 @我 的提问也会在话题里回答（闲聊、通知和感谢不回答）。请确认已用 /invite 邀请我加入本频道。'
    : '已关闭：本频道里只回答 @我 的提问。';
}

export const SETTING_TEXT = {
  configured: '本频道由管理员在 ANSWER_CHANNELS 中设为自动回答，这里关不掉：请管理员修改配置。',
  notAChannel: '请在要设置的频道里使用这个命令（私信里没有这个设置）。',
} as const;
