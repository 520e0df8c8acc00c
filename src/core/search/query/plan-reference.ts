/**
 * Recognises a question that names a place in the plan instead of a subject: `第42条`, `措施15`,
 * `第七十二项`, `measure 61`, a bare `42`, several at once (`第3条和第35条`, `42、43`,
 * `第1,2,3条`, `measure 42 and 43`), a range `15-20`, or an area (`第三部分`, `第七项的目标任务`,
 * `area 3`).
 *
 * A measure marked as such (第…条/项, 措施…, measure …) is a lookup wherever it stands in the
 * question, except where it cites another document's article (`商标法第五十七条`). A bare number,
 * a list, a range or an area is one only when nothing else is asked alongside it, so
 * `标准制定的特殊程序第1部分` stays a search. `asksMore` says whether the question asks something
 * beyond showing what it names (`第73条说的督导检查具体哪个月开展`).
 */
import { CHINESE_NUMERAL_CHARS } from '../../plan/chinese-numerals.js';
import { NUMBER_PATTERN, parseNumberWord } from './number-words.js';

export type PlanReference = ({ type: 'measures'; numbers: number[] } | { type: 'range'; from: number; to: number } | { type: 'area'; number: number }) & {
  asksMore: boolean;
};

const N = NUMBER_PATTERN;
const MEASURE_UNIT = '(?:条措施|项措施|个措施|条|项|号)';
const MARKED_MEASURE = new RegExp(
  [
    `第\\s*${N}\\s*${MEASURE_UNIT}`,
    // Not the 一 of a word after 措施 (措施一样多, 措施一起看).
    `(?:工作措施|措施|举措)\\s*第?\\s*${N}(?![\\d个年月日次]|(?<=一)[样起些致定般直同律切并体道下点旦再向番系])`,
    `(?:measure|item|no\\.?|number|#)\\s*${N}`,
  ].join('|'),
  'gu',
);
/** An article of a law or another document (`商标法第五十七条`, `条例第3条`): not a measure of the plan. */
const OTHER_DOCUMENT_ARTICLE = new RegExp(`(?:法|条例|规定|办法|细则|公约|条约|协定|意见|通知)\\s*第\\s*${N}\\s*(?:条|款|项)`, 'gu');
const RANGE_SEPARATOR = '(?:-|–|—|~|～|至|到|to)';
const RANGE = new RegExp(`^(?:第|措施|measures?|#)?\\s*${N}\\s*${MEASURE_UNIT}?\\s*${RANGE_SEPARATOR}\\s*第?\\s*${N}\\s*${MEASURE_UNIT}?$`, 'u');
/** What follows a number that counts something else than measures: 第一到第三部分, 第1到3次. */
const NOT_MEASURES = '(?:个|部分|领域|方面|块|板块|大块|大项|章|次|年|月|日)';
/**
 * A range marked as measures wherever it stands (`第十五到十七条分别讲了什么`, `第二十至二十二条`,
 * `三十八到四十条的内容`): 第 before it or 条/项 after it, so `2—3个产业` is no range.
 */
const MARKED_RANGE = new RegExp(
  [
    `第\\s*${N}\\s*${MEASURE_UNIT}?\\s*${RANGE_SEPARATOR}\\s*第?\\s*${N}\\s*${MEASURE_UNIT}?(?![\\d${CHINESE_NUMERAL_CHARS}]|\\s*${NOT_MEASURES})`,
    `(?<![\\d${CHINESE_NUMERAL_CHARS}])${N}\\s*${MEASURE_UNIT}?\\s*${RANGE_SEPARATOR}\\s*第?\\s*${N}\\s*${MEASURE_UNIT}`,
  ].join('|'),
  'u',
);
/** Around a range, words that ask for the measures in it one by one (分别, 都, 概括一下). */
const RANGE_FILLER = /分别|都是|都|概括一下|概括|总结一下|总结|这几条|这些|这几项|之间|几条|讲了些|说了些|讲的|说的|写的|讲了|说了/gu;
const LIST_SEPARATOR = '(?:\\s*(?:、|,|，|和|与|及|以及|跟|还有|and|&)\\s*|\\s+)';
/** A run of several numbers, marked (`第1,2,3条`, `措施17和18`) or bare (`42、43`, `59 60`). */
const LIST = new RegExp(`(第|措施|measures?)?\\s*${N}\\s*${MEASURE_UNIT}?(?:${LIST_SEPARATOR}第?\\s*${N}\\s*${MEASURE_UNIT}?)+`, 'gu');
const BARE = new RegExp(`^${N}\\s*${MEASURE_UNIT}?$`, 'u');
const AREA_UNITS = '(?:部分|领域|方面|大项|章|类|块|板块|大类|项任务|大块)';
const AREA = new RegExp([`^第\\s*${N}\\s*(?:个)?${AREA_UNITS}`, `^(?:领域|部分|area|section|part)\\s*${N}`, `^${N}\\s*、`].join('|'), 'u');
/** `第七项的目标任务`, `第5项下面有多少条措施`: an item followed by what only an area has. */
const AREA_BY_ITEM = new RegExp(
  `^第\\s*${N}\\s*(?:项|大项)(?:(?:的|下面|下的|里|中|里面)(?=目标任务|目标|任务|工作措施|措施|有多少条|有几条|多少条|几条)|(?=目标任务|目标|有多少条|有几条))`,
  'u',
);

/** Words that only ask to be shown something; a question made of these and a reference asks for nothing else. */
const FILLER =
  /是什么|讲什么|讲了什么|说了什么|说什么|写了什么|是啥|有哪些|哪些|什么|内容|讲的是|说的是|看看|看一下|查看|查一下|查询|显示|给我|发我|请问|一下|全文|原文|详情|详细|具体|关于|有关|分别|的|是|呢|吗|啊|了|讲|说|查|请|看|把|show|me|what|is|about|the|of|look ?up|find|full|text|[\s\p{P}\p{S}]/gu;
/** Besides the filler, what a question about a whole area may say around it. */
const AREA_FILLER =
  /目标任务|工作措施|目标|任务|措施|工作|一共|总共|共有|多少条|几条|多少|有几|都|下面|下的|里面|列一下|列出|列|概括|总结|展开|说说|讲讲|介绍|主要|重点|安排|要做|做哪些事|做什么|帮我|摘一下|摘|清单|一份|这部分|这一部分|那部分|这块|那块|部分|领域|方面|条|项|个|有|啥|怎么写/gu;

/** Trailing "what does it say" words around a bare reference: `42是什么`, `第三部分讲了什么`. */
const FILLER_TAIL = /(?:的)?(?:是什么|讲什么|讲了什么|说了什么|说什么|写了什么|是啥|内容|全文|原文|有哪些|有什么)$/u;

function isOnlyFiller(text: string, extra?: RegExp): boolean {
  const rest = text.replace(FILLER, '');
  return (extra ? rest.replace(extra, '') : rest).length === 0;
}

function numberAt(match: RegExpExecArray): number | undefined {
  const word = match.slice(1).find((g) => g !== undefined);
  return word === undefined ? undefined : parseNumberWord(word);
}

function numbersIn(text: string): number[] {
  return [...text.matchAll(new RegExp(N, 'gu'))].flatMap((m) => {
    const n = parseNumberWord(m[0]);
    return n === undefined ? [] : [n];
  });
}

function distinct(numbers: readonly number[]): number[] {
  return [...new Set(numbers)];
}

/** `folded`: the normalised question (ASCII digits, lower case). */
export function parsePlanReference(folded: string): PlanReference | undefined {
  const text = folded.trim().replace(OTHER_DOCUMENT_ARTICLE, ' ');
  const core = text
    .replace(/[？?！!。.，,\s]+$/u, '')
    .replace(FILLER_TAIL, '')
    .trim();

  const range = RANGE.exec(core);
  if (range) {
    const [from, to] = range
      .slice(1)
      .filter((g) => g !== undefined)
      .map((g) => parseNumberWord(g as string));
    if (from !== undefined && to !== undefined) return { type: 'range', from, to, asksMore: false };
  }

  const marked = MARKED_RANGE.exec(core);
  if (marked) {
    const [from, to] = marked
      .slice(1)
      .filter((g) => g !== undefined)
      .map((g) => parseNumberWord(g as string));
    const around = `${core.slice(0, marked.index)} ${core.slice(marked.index + marked[0].length)}`;
    if (from !== undefined && to !== undefined) return { type: 'range', from, to, asksMore: !isOnlyFiller(around, RANGE_FILLER) };
  }

  const item = AREA_BY_ITEM.exec(core);
  if (item && isOnlyFiller(core.slice(item[0].length), AREA_FILLER)) {
    const n = numberAt(item);
    if (n !== undefined) return { type: 'area', number: n, asksMore: false };
  }

  const numbers: number[] = [];
  let markedText = text;
  for (const match of text.matchAll(MARKED_MEASURE)) {
    const n = numberAt(match as RegExpExecArray);
    if (n !== undefined) numbers.push(n);
    markedText = markedText.replace(match[0], ' ');
  }
  for (const list of text.matchAll(LIST)) {
    const run = list[0];
    const isMarked = list[1] !== undefined || new RegExp(`${MEASURE_UNIT}\\s*$`, 'u').test(run) || /第/u.test(run);
    if (isMarked || run.trim() === core) {
      numbers.push(...numbersIn(run.replace(/第|措施|measures?|条措施|项措施|个措施|条|项|号/gu, ' ')));
      markedText = markedText.replace(run, ' ');
    }
  }
  if (numbers.length > 0) return { type: 'measures', numbers: distinct(numbers), asksMore: !isOnlyFiller(markedText) };

  const bare = BARE.exec(core);
  if (bare) {
    const n = numberAt(bare);
    if (n !== undefined) return { type: 'measures', numbers: [n], asksMore: false };
  }

  const area = AREA.exec(core);
  if (area && isOnlyFiller(core.slice(area[0].length), AREA_FILLER)) {
    const n = numberAt(area);
    if (n !== undefined) return { type: 'area', number: n, asksMore: false };
  }
  return undefined;
}
