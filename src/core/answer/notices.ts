/** The Chinese sentences an answer can carry, in one place so every surface says the same thing. */
import { toChineseNumeral } from '../plan/chinese-numerals.js';
import { cleanQuestion, MAX_QUESTION_LENGTH } from '../search/query/clean-question.js';
import type { Notice } from './answer-schema.js';

/** Typed text quoted in a notice: on one line, and not too long. */
const MAX_QUOTED = 40;
function quoted(typed: string): string {
  const oneLine = [...cleanQuestion(typed)];
  return oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED - 1).join('')}…` : oneLine.join('');
}

export const notices = {
  empty: (): Notice => ({ code: 'empty', message: '请输入要查询的内容，例如：商标审查周期要控制在多久？' }),
  tooLong: (length: number): Notice => ({
    code: 'too-long',
    message: `输入太长了（${length} 个字符），请控制在 ${MAX_QUESTION_LENGTH} 个字符以内。`,
  }),
  outOfRange: (numbers: readonly number[], count: number): Notice => ({
    code: 'out-of-range',
    message: `计划共有 ${count} 条措施（编号 1–${count}），没有第 ${numbers.join('、')} 条。`,
  }),
  badRange: (from: number, to: number, count: number): Notice => ({
    code: 'bad-range',
    message: from > to ? `范围 ${from}–${to} 的起点大于终点，请写成 ${to}-${from}。` : `范围 ${from}–${to} 超出了措施编号 1–${count}。`,
  }),
  badNumber: (typed: string, count: number): Notice => ({
    code: 'bad-range',
    message: `“${quoted(typed)}”不是有效的措施编号：请输入 1–${count} 之间的整数，或关键词。`,
  }),
  badArea: (typed: string, count: number): Notice => ({
    code: 'out-of-range',
    message: `“${quoted(typed)}”不是有效的领域：计划共有 ${count} 个领域（1–${count} 或 一…${numeralOf(count)}），也可以输入关键词。`,
  }),
  /** An area by a place the plan does not have: 第八部分, 倒数第九部分. */
  noSuchArea: (place: string, count: number): Notice => ({
    code: 'out-of-range',
    message: `计划共有 ${count} 个部分（一…${numeralOf(count)}），没有${place}部分。`,
  }),
  /** A measure by a place its area or the plan does not have: 倒数第八十条, 第一部分的第十条. */
  noSuchPlace: (where: string, count: number, first: number, last: number, place: string): Notice => ({
    code: 'out-of-range',
    message: `${where}共有 ${count} 条措施（第 ${first}–${last} 条），没有${place}。`,
  }),
  /** The measure after the last one, or before the first. */
  noNeighbour: (of: number, side: 'next' | 'previous', count: number): Notice => ({
    code: 'out-of-range',
    message: side === 'next' ? `第 ${of} 条是计划的最后一条，计划共有 ${count} 条措施，后面没有下一条了。` : `第 ${of} 条是计划的第一条，前面没有上一条。`,
  }),
  /** Things a measure counts but does not name (3个专利导航实验区 … 分别在哪). */
  countedNotNamed: (counted: string, measure: number): Notice => ({
    code: 'not-covered',
    message: `计划原文只写了数量，没有列出具体是哪些：第 ${measure} 条写的是“${counted}”，没有写明名称或名单。`,
  }),
  rangeTruncated: (from: number, to: number, shown: number): Notice => {
    const next = from + shown;
    const nextEnd = Math.min(to, next + shown - 1);
    return {
      code: 'range-truncated',
      message: `第 ${from}–${to} 条共 ${to - from + 1} 条，这里列出前 ${shown} 条；接着看可用 /measure ${next}-${nextEnd}。`,
    };
  },
  noMatch: (query: string): Notice => ({
    code: 'no-match',
    message: `计划中没有找到与“${quoted(query)}”直接相关的内容。可以换个说法，或用 /measure 编号、/area 领域 浏览全文。`,
  }),
  noAreaMatch: (query: string): Notice => ({
    code: 'no-match',
    message: `没有找到与“${quoted(query)}”相关的领域。输入 /area 可查看全部领域。`,
  }),
  lowConfidence: (): Notice => ({ code: 'low-confidence', message: '以下是最接近的原文，请核对。' }),
  notCovered: (missing: string, nearest: number | undefined): Notice => ({
    code: 'not-covered',
    message: nearest === undefined ? missing : `${missing}下面是最接近的内容（第 ${nearest} 条），仅供参考。`,
  }),
  noMore: (question: string, count: number): Notice => ({
    code: 'no-more',
    message: count > 0 ? `与“${quoted(question)}”相关的措施已经都列出来了，就是这 ${count} 条。` : `与“${quoted(question)}”相关的措施已经都列出来了。`,
  }),
  noSuchPlan: (label: string, held: readonly string[]): Notice => ({
    code: 'no-such-plan',
    message: `没有${label}的推进计划。现有：${held.map((y) => `${y}年`).join('、')}的计划；下面按${held[0] ?? ''}年的计划回答。`,
  }),
  otherPlan: (current: string, other: string): Notice => ({
    code: 'other-plan',
    message: `${current}年的计划里没有相关内容；${other}年的计划里有，见下。`,
  }),
  noContext: (): Notice => ({
    code: 'no-context',
    message: '这句话是接着上一个回答问的，但这里还没有上一个回答。请直接说要看什么，例如“第43条”或“剑网行动”。',
  }),
};

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function numeralOf(n: number): string {
  return NUMERALS[n] ?? String(n);
}

/** `第八`, `倒数第二`: a place as said in Chinese, for notices. */
export function placeWords(from: 'start' | 'end', place: number): string {
  return `${from === 'end' ? '倒数' : ''}第${place <= 99 && place >= 1 ? toChineseNumeral(place) : String(place)}`;
}
