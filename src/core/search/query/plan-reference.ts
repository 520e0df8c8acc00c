/**
 * Recognises a question that names a place in the plan instead of a subject: `第42条`, `措施15`,
 * `第七十二项`, `measure 61`, a bare `42`, a range `15-20`, or an area `第三部分` / `area 3`.
 *
 * A measure marked as such (第…条/项, 措施…, measure …) is a lookup wherever it stands in the
 * question. A bare number, a range or an area is one only when nothing else is asked alongside it,
 * so `标准制定的特殊程序第1部分` stays a search.
 */
import { NUMBER_PATTERN, parseNumberWord } from './number-words.js';

export type PlanReference =
  | { type: 'measures'; numbers: number[] }
  | { type: 'range'; from: number; to: number }
  | { type: 'area'; number: number };

const N = NUMBER_PATTERN;
const MEASURE_UNIT = '(?:条措施|项措施|个措施|条|项|号)';
const MARKED_MEASURE = new RegExp(
  [
    `第\\s*${N}\\s*${MEASURE_UNIT}`,
    `(?:工作措施|措施|举措)\\s*第?\\s*${N}(?![\\d个年月日次])`,
    `(?:measure|item|no\\.?|number|#)\\s*${N}`,
  ].join('|'),
  'gu',
);
const RANGE_SEPARATOR = '(?:-|–|—|~|～|至|到|to)';
const RANGE = new RegExp(
  `^(?:第|措施|measures?|#)?\\s*${N}\\s*${MEASURE_UNIT}?\\s*${RANGE_SEPARATOR}\\s*第?\\s*${N}\\s*${MEASURE_UNIT}?$`,
  'u',
);
const BARE = new RegExp(`^${N}\\s*${MEASURE_UNIT}?$`, 'u');
const AREA = new RegExp(
  [
    `^第\\s*${N}\\s*(?:个)?(?:部分|领域|方面|大项|章|类|块|板块|大类|项任务)`,
    `^(?:领域|部分|area|section|part)\\s*${N}`,
    `^${N}\\s*、`,
  ].join('|'),
  'u',
);

/** Words that only ask to be shown something; a question made of these and a reference asks for nothing else. */
const FILLER =
  /是什么|讲什么|讲了什么|说了什么|说什么|写了什么|是啥|有哪些|哪些|什么|内容|讲的是|说的是|看看|看一下|查看|查一下|查询|显示|给我|请问|一下|全文|原文|详情|详细|具体|关于|有关|的|是|呢|吗|啊|了|讲|说|查|请|看|show|me|what|is|about|the|of|look ?up|find|full|text|[\s\p{P}\p{S}]/gu;

/** Trailing "what does it say" words around a bare reference: `42是什么`, `第三部分讲了什么`. */
const FILLER_TAIL = /(?:的)?(?:是什么|讲什么|讲了什么|说了什么|说什么|写了什么|是啥|内容|全文|原文|有哪些|有什么)$/u;

function isOnlyFiller(text: string): boolean {
  return text.replace(FILLER, '').length === 0;
}

function numberAt(match: RegExpExecArray): number | undefined {
  const word = match.slice(1).find((g) => g !== undefined);
  return word === undefined ? undefined : parseNumberWord(word);
}

/** `folded`: the normalised question (ASCII digits, lower case). */
export function parsePlanReference(folded: string): PlanReference | undefined {
  const text = folded.trim();

  const marked: number[] = [];
  for (const match of text.matchAll(MARKED_MEASURE)) {
    const n = numberAt(match as RegExpExecArray);
    if (n !== undefined && !marked.includes(n)) marked.push(n);
  }

  const core = text.replace(/[？?！!。.，,\s]+$/u, '').replace(FILLER_TAIL, '').trim();
  const range = RANGE.exec(core);
  if (range) {
    const numbers = range.slice(1).filter((g) => g !== undefined).map((g) => parseNumberWord(g as string));
    const [from, to] = numbers;
    if (from !== undefined && to !== undefined) return { type: 'range', from, to };
  }
  if (marked.length > 0) return { type: 'measures', numbers: marked };

  const bare = BARE.exec(core);
  if (bare) {
    const n = numberAt(bare);
    if (n !== undefined) return { type: 'measures', numbers: [n] };
  }

  const area = AREA.exec(core);
  if (area && isOnlyFiller(core.slice(area[0].length))) {
    const n = numberAt(area);
    if (n !== undefined) return { type: 'area', number: n };
  }
  return undefined;
}
