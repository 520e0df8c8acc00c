/**
 * Questions about where things stand in the plan, read from their wording alone (the plan model
 * answers them, see structure-answer.ts):
 *
 * 1. A measure next to another: 第30条的下一条, 第五十四条之后的那条, 第64条的上一条.
 * 2. Measures by their place, in the plan or in an area: 倒数第三条, 最后一条, 第一条和最后一条,
 *    前三条, 保护那一大块里倒数第二条, 运用那部分的最后一条, 第三部分的第一条.
 * 3. The areas by their size: 哪一部分的措施最多, 按条数算哪块最短, 措施第二多的是哪块, 哪两个部分
 *    措施一样多.
 * 4. An area by its place, asked what it is about or how many measures it has: 第五部分是干嘛的,
 *    第二块内容主要讲的是什么, 最后一部分讲什么, 第七部分一共多少条措施.
 *
 * Each form is a pattern over the normalised question; what is left once the form is taken out
 * must be words that only ask to be shown it (讲什么, 是哪条, 措施), so a question about a subject
 * that happens to say 最后 or 第一 is still searched. An area named by its subject (保护那一大块)
 * is returned as words, to be weighed against the areas by the caller.
 */
import { NUMBER_PATTERN, parseNumberWord } from '../search/query/number-words.js';
import { MAX_RANGE_RESULTS } from './answer-values.js';

/** Counted from the start or from the end. */
export type End = 'start' | 'end';

/** Where a question counts: the whole plan, an area by its place, or an area named in words. */
export type Scope = { type: 'plan' } | { type: 'area'; from: End; place: number } | { type: 'area-words'; words: string };

export interface Place {
  from: End;
  /** 1-based. */
  place: number;
  /** Written 第N条, which may also be the plan's own number of a measure in the area. */
  numbered: boolean;
}

export type StructureQuestion =
  | { type: 'neighbour'; of: number; side: 'next' | 'previous' }
  | { type: 'places'; scope: Scope; places: Place[] }
  /** `rank` 1 for the most (or fewest), 2 for the second most (第二多), counting sizes. */
  | { type: 'area-extreme'; extreme: 'most' | 'fewest'; rank: number }
  | { type: 'area-equal' }
  | { type: 'area'; scope: Scope };

const N = NUMBER_PATTERN;
/** What counts one measure: 条, 项, 个措施, with 措施 after it or not. */
const UNIT = '(?:条|项|个(?=措施|工作措施|举措))(?:工作措施|措施|举措)?';
const UNIT_OR_MEASURE = `(?:${UNIT}|工作措施|措施|举措)`;
/** Words that name a part of the plan. */
const AREA_UNIT = '(?:大部分|部分|大块|板块|块|大领域|领域|方面|大项|章)';

/** A measure named by number, and words that say the one after it or before it. */
const MARKED_MEASURE = new RegExp(`(?:第${N}${UNIT}|(?:工作措施|措施)${N}(?![\\d个年月日次]))`, 'u');
const NEXT = /下一|后一|下条|下面(?:的)?(?:一|那)|之后|以后|后面|后边|往后|后头|紧接着|紧跟着|紧跟|接下来|再往下/u;
const PREVIOUS = /上一|前一|上条|上面(?:的)?(?:一|那)|之前|以前|前面|前边|往前|前头/u;
/** 紧挨着 says next to, not which side. */
const BESIDE = /紧挨着|挨着|相邻/u;

/** Counting from the end: 倒数, 倒着数, 从后往前数, 从最后一条往前数, 最后(第二条). */
const FROM_END = '(?:倒数|倒着数|倒过来数?|从后面?往前数?|从后面?向前数?|从后面?数|从末尾数?|从(?:最后|末尾)(?:一条|那条|一项)?(?:往前|向前|倒着)数?|最后)';
/** Counted from the end with its place: 倒数第三条, 从后往前数第三条 (not 倒数第二部分, an area). */
const FROM_END_PLACE = new RegExp(`${FROM_END}(?:的)?第${N}(?!个?${AREA_UNIT})${UNIT_OR_MEASURE}?`, 'u');
/** The last one, in the many ways it is said. */
const LAST_ONE = new RegExp(
  [
    `最后(?:的)?(?:一|那一?|这一?)${UNIT_OR_MEASURE}`,
    `最后${UNIT}`,
    `最末尾?(?:的)?(?:一|那一?)?${UNIT_OR_MEASURE}`,
    `末尾(?:的)?(?:一|那一?)?${UNIT_OR_MEASURE}`,
    `(?:收尾|收官|压轴|殿后|垫底|结尾)(?:的)?(?:一|那一?)?${UNIT_OR_MEASURE}`,
    `排(?:在)?最后(?:面)?(?:的)?(?:一|那一?)?${UNIT_OR_MEASURE}`,
    `最后面(?:的)?(?:一|那一?)?${UNIT_OR_MEASURE}`,
    // Without a unit, when no area follows: 排在末尾的是哪条 (but 最后那个部分 is an area).
    `(?:排(?:在)?)?(?:最末尾|末尾|最末)(?!(?:的|那|一|个)*${AREA_UNIT})`,
    `排(?:在)?最后(?:面)?(?!(?:的|那|一|个)*${AREA_UNIT})`,
  ].join('|'),
  'u',
);
/** The first one: 开头第一条, 排第一的措施, 头一条, 首条. */
const FIRST_ONE = new RegExp(
  [
    `(?:开头|开篇|打头|最前面|最开始|一开头)(?:的)?(?:第一|那一?|一)?${UNIT_OR_MEASURE}`,
    `排(?:在)?(?:第一|最前面?)(?:位)?(?:的)?(?:那一?|一)?${UNIT_OR_MEASURE}`,
    `(?:头一|首)${UNIT}`,
    // Without a unit, when no area follows: 运用效益部分打头的是哪条.
    `(?:打头|排(?:在)?(?:第一|最前面?)(?:位)?)(?!(?:的|那|一|个)*${AREA_UNIT})`,
  ].join('|'),
  'u',
);
/** Several from the start or the end: 前三条, 最后三条, 倒数两条. */
const FIRST_FEW = new RegExp(`(?:前|头|开头|最前面的?)${N}${UNIT}`, 'u');
const LAST_FEW = new RegExp(`(?:最后|倒数|末尾|最末)(?:的)?${N}${UNIT}`, 'u');
/** 第N条: a place when counted inside an area, else the plan's own number. */
const NUMBERED = new RegExp(`第${N}${UNIT_OR_MEASURE}`, 'u');

/** An area by its place: 第三部分, 第三大块, 五、, 最后一部分, 倒数第二部分. */
const AREA_BY_PLACE = new RegExp(`^(?:${N})[、.．]|第${N}(?:个)?${AREA_UNIT}|(?:部分|领域)${N}(?![\\d条项])`, 'u');
const LAST_AREA = new RegExp(`(?:最后|最末|末尾)(?:的)?(?:一|那一?)?(?:个)?${AREA_UNIT}`, 'u');
const AREA_FROM_END = new RegExp(`倒数第${N}(?:个)?${AREA_UNIT}`, 'u');
/** What points at an area named by its subject: 保护那一大块, 运用那部分, 国际合作部分. */
const AREA_POINTER = /(?:那一?|这一?)(?:大块|部分|块|板块|领域|方面)|大部分|部分|板块|大块|领域|方面|块/u;
/** Words before an area's subject that only lead up to it (整个计划里讲创造质量的那部分). */
const LEAD_IN = /^(?:请问|整个计划|整份计划|这份计划|这个计划|计划|里面|里|中|的|关于|有关|专讲|讲|说|涉及)+|(?:的)$/gu;

/** Words (longer ones first where one starts another), any punctuation or space: what may be left around a form. */
function talk(...words: string[]): RegExp {
  return new RegExp(`${words.join('|')}|[\\s\\p{P}\\p{S}]`, 'gu');
}

/** Around a measure asked for by its place, words that only ask to be shown it (or which area holds it, which its card shows). */
const SHOW_TALK = talk(
  '第几条',
  '第几项',
  '第几',
  '属于',
  '归在',
  '归',
  '(?:哪个|哪一个|哪一|哪)(?:大)?(?:领域|部分|方面|块|板块)(?:的|下面|里)?',
  '工作措施',
  '措施',
  '举措',
  '内容',
  '原文',
  '全文',
  '具体',
  '主要',
  '分别',
  '都是',
  '都',
  '讲的是',
  '说的是',
  '讲了些',
  '说了些',
  '讲了',
  '说了',
  '讲的',
  '说的',
  '写的',
  '写了',
  '讲',
  '说',
  '写',
  '是什么',
  '什么',
  '是啥',
  '啥',
  '哪一条',
  '哪条',
  '哪一项',
  '哪项',
  '哪个',
  '哪一个',
  '哪方面的事',
  '哪方面的',
  '哪方面',
  '的事',
  '事情',
  '概括一下',
  '概括',
  '总结',
  '介绍',
  '看看',
  '看一下',
  '一下',
  '查一下',
  '告诉我',
  '请问',
  '请',
  '给我',
  '整个计划',
  '整份计划',
  '全计划',
  '这份计划',
  '这个计划',
  '推进计划',
  '计划',
  '文件',
  '里面',
  '里头',
  '里',
  '中',
  '之中',
  '当中',
  '上',
  '在',
  '排',
  '和',
  '与',
  '跟',
  '以及',
  '还有',
  '是',
  '哪',
  '的',
  '事',
  '了',
  '呢',
  '吗',
  '啊',
  '呀',
  '吧',
  '这',
  '那',
  '条',
  '项',
  '个',
  '数',
);
/** Around an area asked for by its place, words that ask what it is about or how big it is. */
const AREA_TALK = talk(
  '是干嘛的',
  '干嘛的',
  '干嘛',
  '干什么的',
  '干什么',
  '做什么',
  '做啥',
  '要做',
  '下面',
  '里面',
  '整个计划',
  '这份计划',
  '计划里',
  '计划中',
  '计划的',
  '计划',
  '包括',
  '包含',
  '涵盖',
  '安排了',
  '安排',
  '列了',
  '题目',
  '名称',
  '叫啥',
  '讲什么',
  '讲的什么',
  '讲的是什么',
  '讲的啥',
  '讲了什么',
  '讲了啥',
  '说什么',
  '说的是什么',
  '说的啥',
  '说了什么',
  '说了些什么',
  '关注的是',
  '关注',
  '关于',
  '涉及',
  '针对',
  '哪方面',
  '什么方面',
  '哪些方面',
  '哪一方面',
  '方面',
  '的工作',
  '工作措施',
  '工作',
  '措施',
  '目标任务',
  '目标',
  '任务',
  '主要',
  '内容',
  '重点',
  '主题',
  '标题',
  '叫什么',
  '名字',
  '是什么',
  '是啥',
  '啥',
  '什么',
  '有哪些',
  '哪些',
  '都',
  '一共',
  '总共',
  '共有',
  '共',
  '有',
  '多少条',
  '几条',
  '多少项',
  '几项',
  '多少',
  '几',
  '讲',
  '说',
  '是',
  '的',
  '了',
  '呢',
  '吗',
  '啊',
  '呀',
  '那一部分',
  '这一部分',
  '那部分',
  '这部分',
  '那块',
  '这块',
  '那',
  '这',
  '一下',
  '介绍',
  '概括',
  '讲讲',
  '说说',
  '列一下',
  '列出',
  '条',
  '项',
  '个',
);
/** The most or the fewest measures (第二多: the second most), as many as another, and words that say the size is what is compared. */
const MOST = /最多|最长|最大|最重(?!要)/u;
const FEWEST = /最少|最短|最小/u;
const RANKED = new RegExp(`第${N}(多|长|大|少|短|小)`, 'u');
const EQUAL = /一样多|同样多|一样长|一般多|相同|相等|并列|一样/u;
const WHICH_AREA = new RegExp(
  `(?:哪(?:[一两二三几些])?|第几)(?:个)?(?:大)?${AREA_UNIT}|(?:有没有|是否有).*${AREA_UNIT}|${AREA_UNIT}(?:是)?(?:哪|什么)|哪块|哪个`,
  'u',
);
/** 最多 and 最少 compare the size only beside these; 最长, 最短 and 篇幅 say it themselves. */
const SIZE_WORD = /措施|条数|篇幅|条目|条|内容|长|短/u;
const SIZE_TALK = talk(
  '按照?',
  '算的话',
  '算',
  '来看',
  '来算',
  '看的话',
  '看',
  '比较',
  '相比',
  '下面',
  '下的',
  '下',
  '工作',
  '有没有',
  '是否有',
  '一样多',
  '同样多',
  '一样长',
  '一般多',
  '相同',
  '相等',
  '并列',
  '一样',
  '多',
  '少',
  '长',
  '短',
  '第',
  '两',
  '几',
  '安排的',
  '安排',
  '包含的',
  '包含',
  '的',
  '措施',
  '条数',
  '篇幅',
  '条目',
  '条',
  '内容',
  '数量',
  '数目',
  '数',
  '[一二三四五六七八九十\\d]',
  '当中',
  '之中',
  '最多',
  '最长',
  '最大',
  '最重',
  '最少',
  '最短',
  '最小',
  '哪一',
  '哪个',
  '哪些',
  '哪',
  '一',
  '个',
  '大部分',
  '部分',
  '大块',
  '板块',
  '块',
  '领域',
  '方面',
  '计划',
  '整个',
  '这份',
  '里面',
  '里',
  '中',
  '是',
  '有',
  '了',
  '呢',
  '吗',
  '啊',
);
/** 前三条 or 最后三条 lists at most this many, as a range lookup does. */
const MAX_RUN = MAX_RANGE_RESULTS;

function numberOf(match: RegExpMatchArray | null): number | undefined {
  const word = match?.slice(1).find((g) => g !== undefined);
  return word === undefined ? undefined : parseNumberWord(word);
}

function isOnly(text: string, talk: RegExp): boolean {
  return text.replace(talk, '').length === 0;
}

function readNeighbour(text: string): StructureQuestion | undefined {
  const marked = MARKED_MEASURE.exec(text);
  const of = numberOf(marked);
  if (!marked || of === undefined) return undefined;
  const rest = cut(text, marked);
  const next = NEXT.test(rest);
  const previous = PREVIOUS.test(rest);
  if (next === previous) return undefined;
  const talk = [NEXT, PREVIOUS, BESIDE, /一|在|排在|跟在|位于/u].reduce((left, words) => left.replace(new RegExp(words.source, 'gu'), ''), rest);
  return isOnly(talk, SHOW_TALK) ? { type: 'neighbour', of, side: next ? 'next' : 'previous' } : undefined;
}

/** The area named in `text` (the words before the places asked for), and the text with it taken out. */
function readScope(text: string): { scope: Scope; rest: string } | undefined {
  const fromEnd = AREA_FROM_END.exec(text);
  const fromEndPlace = numberOf(fromEnd);
  if (fromEnd && fromEndPlace !== undefined) return { scope: { type: 'area', from: 'end', place: fromEndPlace }, rest: cut(text, fromEnd) };
  const last = LAST_AREA.exec(text);
  if (last) return { scope: { type: 'area', from: 'end', place: 1 }, rest: cut(text, last) };
  const byPlace = AREA_BY_PLACE.exec(text);
  const place = numberOf(byPlace);
  if (byPlace && place !== undefined) return { scope: { type: 'area', from: 'start', place }, rest: cut(text, byPlace) };
  const pointer = AREA_POINTER.exec(text);
  if (pointer) {
    const words = text.slice(0, pointer.index).replace(LEAD_IN, '');
    if (/^\p{Script=Han}{2,12}$/u.test(words)) return { scope: { type: 'area-words', words }, rest: text.slice(pointer.index + pointer[0].length) };
  }
  return undefined;
}

function cut(text: string, match: RegExpMatchArray): string {
  const at = match.index ?? 0;
  return `${text.slice(0, at)} ${text.slice(at + match[0].length)}`;
}

interface PlacesAsked {
  places: Place[];
  /** The text with the places taken out (blanked, so offsets stay). */
  rest: string;
  /** Where the first place asked for starts. */
  first: number;
  /** Whether any is asked by a word of place (最后, 倒数, 开头, 前三), not only as 第N条. */
  positional: boolean;
}

/** Every place a question asks for, in the order it asks. */
function readPlaces(text: string): PlacesAsked {
  const found: Array<{ at: number; places: Place[]; positional: boolean }> = [];
  let rest = text;
  const take = (pattern: RegExp, read: (match: RegExpMatchArray) => { places: Place[]; positional: boolean } | undefined): void => {
    for (const match of rest.matchAll(new RegExp(pattern.source, 'gu'))) {
      const asked = read(match);
      if (!asked || asked.places.length === 0) continue;
      const at = match.index ?? 0;
      found.push({ at, ...asked });
      rest = rest.slice(0, at) + ' '.repeat(match[0].length) + rest.slice(at + match[0].length);
    }
  };
  // 前三条 → the first, second, third; 最后三条 → the third, second, first from the end, so in the plan's order.
  const run = (from: End, count: number | undefined): Place[] =>
    count !== undefined && count >= 2 && count <= MAX_RUN
      ? Array.from({ length: count }, (_, i) => ({ from, place: from === 'start' ? i + 1 : count - i, numbered: false }))
      : [];
  take(FROM_END_PLACE, (m) => {
    const place = numberOf(m);
    return place === undefined ? undefined : { places: [{ from: 'end', place, numbered: false }], positional: true };
  });
  take(LAST_FEW, (m) => ({ places: run('end', numberOf(m)), positional: true }));
  take(LAST_ONE, () => ({ places: [{ from: 'end', place: 1, numbered: false }], positional: true }));
  take(FIRST_FEW, (m) => ({ places: run('start', numberOf(m)), positional: true }));
  take(FIRST_ONE, () => ({ places: [{ from: 'start', place: 1, numbered: false }], positional: true }));
  take(NUMBERED, (m) => {
    const place = numberOf(m);
    return place === undefined ? undefined : { places: [{ from: 'start', place, numbered: true }], positional: false };
  });
  found.sort((a, b) => a.at - b.at);
  return { places: found.flatMap((f) => f.places), rest, first: found[0]?.at ?? text.length, positional: found.some((f) => f.positional) };
}

function readAreaSizes(text: string): StructureQuestion | undefined {
  if (!WHICH_AREA.test(text) || !SIZE_WORD.test(text.replace(/最多|最少|最大|最小|一样多|同样多|一般多|第.多|第.少/gu, '')) || !isOnly(text, SIZE_TALK))
    return undefined;
  const ranked = RANKED.exec(text);
  const rank = numberOf(ranked);
  if (ranked && rank !== undefined) return { type: 'area-extreme', extreme: /[多长大]/u.test(ranked[2] ?? '') ? 'most' : 'fewest', rank };
  const most = MOST.test(text);
  const fewest = FEWEST.test(text);
  if (most !== fewest) return { type: 'area-extreme', extreme: most ? 'most' : 'fewest', rank: 1 };
  return EQUAL.test(text) ? { type: 'area-equal' } : undefined;
}

/** `normalised`: the cleaned, simplified, folded question. */
export function readStructureQuestion(normalised: string): StructureQuestion | undefined {
  const text = normalised.replace(/\s+/gu, '');
  if (text.length === 0) return undefined;

  const neighbour = readNeighbour(text);
  if (neighbour) return neighbour;

  const asked = readPlaces(text);
  if (asked.places.length > 0) {
    // The area counted in is named before the first place asked for (保护那一大块里倒数第二条).
    const scoped = readScope(asked.rest.slice(0, asked.first));
    const leftover = (scoped ? scoped.rest : asked.rest.slice(0, asked.first)) + asked.rest.slice(asked.first);
    // 第N条 is a place only inside an area (第三部分的第一条); in the plan it is the measure's number.
    if ((asked.positional || scoped) && isOnly(leftover, SHOW_TALK)) return { type: 'places', scope: scoped?.scope ?? { type: 'plan' }, places: asked.places };
  }

  const sizes = readAreaSizes(text);
  if (sizes) return sizes;

  const scoped = readScope(text);
  if (asked.places.length === 0 && scoped?.scope.type === 'area' && isOnly(scoped.rest, AREA_TALK)) return { type: 'area', scope: scoped.scope };
  return undefined;
}
