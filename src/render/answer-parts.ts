/**
 * The wording every renderer shares, for the terminal and for Slack alike: how a measure, an area
 * and a set of measures are named, where a snippet is marked as cut (…), and the source line
 * that ends every answer. Renderers differ only in how they mark emphasis.
 */
import type { Answer, AreaRef, MeasurePlace, MeasureResult, PlanOverviewAnswer, PlanRef } from '../core/answer/answer-schema.js';
import { toChineseNumeral } from '../core/plan/chinese-numerals.js';

export type Highlights = ReadonlyArray<readonly [number, number]>;

/** A snippet with the ellipses that say it was cut from a longer text. */
export interface SnippetParts {
  before: string;
  text: string;
  highlights: Highlights;
  after: string;
}

export function snippetParts(result: Pick<MeasureResult, 'snippet' | 'text' | 'highlights'>): SnippetParts {
  const partial = result.snippet !== result.text;
  const opensText = result.text.startsWith(result.snippet);
  const endsText = result.text.endsWith(result.snippet);
  return { before: partial && !opensText ? '…' : '', text: result.snippet, highlights: result.highlights, after: partial && !endsText ? '…' : '' };
}

/** `第 42 条` */
export function measureLabel(number: number): string {
  return `第 ${number} 条`;
}

/** `三、提高知识产权保护效果` */
export function areaLabel(area: Pick<AreaRef, 'numeral' | 'title'>): string {
  return `${area.numeral}、${area.title}`;
}

/** `第 3–12 条` for a run of consecutive numbers, `第 3、35 条` otherwise. */
export function measuresLabel(numbers: readonly number[]): string {
  const [first] = numbers;
  const last = numbers.at(-1);
  if (first === undefined || last === undefined) return '';
  const consecutive = numbers.length > 2 && numbers.every((n, i) => n === first + i);
  return consecutive ? `第 ${first}–${last} 条` : `第 ${numbers.join('、')} 条`;
}

/** `2015年计划第 7 条`: a measure named with its plan, where answers span several years. */
export function planMeasureLabel(number: number, plan: Pick<PlanRef, 'year'>): string {
  return `${plan.year}年计划${measureLabel(number)}`;
}

/** Where an answer across years comes from: each plan and its measures, newest first. */
export function yearsSourceLine(results: readonly Pick<MeasureResult, 'number' | 'plan'>[]): string {
  const byPlan = new Map<string, { title: string; numbers: number[] }>();
  for (const r of results) {
    if (!r.plan) continue;
    const entry = byPlan.get(r.plan.id) ?? { title: r.plan.title, numbers: [] };
    entry.numbers.push(r.number);
    byPlan.set(r.plan.id, entry);
  }
  return `来源：${[...byPlan.values()].map((p) => `《${p.title}》第 ${p.numbers.join('、')} 条`).join('；')}`;
}

/** `来源：《…》第 3、35 条` */
export function sourceLine(planTitle: string, numbers: readonly number[]): string {
  return numbers.length === 0 ? `来源：《${planTitle}》` : `来源：《${planTitle}》第 ${numbers.join('、')} 条`;
}

/** What the plan as a whole answers, by what was asked about it. */
export function overviewSentence(overview: PlanOverviewAnswer): string {
  const size = `《${overview.title}》共 ${overview.areas.length} 个领域、${overview.measureCount} 条措施`;
  switch (overview.facet) {
    case 'measure-count':
      return `${size}。`;
    case 'areas':
      return `${size}，分为：`;
    case 'year':
      return `这是 ${overview.year} 年的推进计划：${size}。`;
    case 'purpose':
      return '计划开篇写明了为什么制定、依据什么：';
    case 'summary':
      return `${size}。计划开篇写明：`;
    case 'most-measures':
    case 'fewest-measures':
      return extremeSentence(overview);
    case 'equal-measures':
      return equalSentence(overview);
  }
}

type OverviewArea = PlanOverviewAnswer['areas'][number];

function namedAreas(overview: PlanOverviewAnswer): OverviewArea[] {
  return overview.areas.filter((a) => (overview.named ?? []).includes(a.number));
}

function withRange(area: OverviewArea): string {
  return `${areaLabel(area)}（第 ${area.firstMeasure}–${area.lastMeasure} 条）`;
}

/** `措施最多的是三、提高知识产权保护效果，共 25 条（第 19–43 条）。`, ties said as ties. */
function extremeSentence(overview: PlanOverviewAnswer): string {
  const rank = overview.rank ?? 1;
  const more = overview.facet === 'most-measures' ? '多' : '少';
  const which = rank === 1 ? `最${more}` : `第${rank <= 99 ? toChineseNumeral(rank) : rank}${more}`;
  const named = namedAreas(overview);
  const [only] = named;
  if (!only) return `没有措施条数排${which}的领域：各领域的措施条数是：`;
  if (named.length === 1)
    return `措施${which}的是${areaLabel(only)}，共 ${only.measureCount} 条（第 ${only.firstMeasure}–${only.lastMeasure} 条）。各领域的措施条数：`;
  return `措施${which}的有 ${named.length} 个领域，并列，各 ${only.measureCount} 条：${named.map(withRange).join('和')}。各领域的措施条数：`;
}

/** `措施条数相同的：二、…和四、…，各 11 条；六、…和七、…，各 8 条。` */
function equalSentence(overview: PlanOverviewAnswer): string {
  const bySize = new Map<number, OverviewArea[]>();
  for (const area of namedAreas(overview)) bySize.set(area.measureCount, [...(bySize.get(area.measureCount) ?? []), area]);
  if (bySize.size === 0) return '各领域的措施条数各不相同：';
  const groups = [...bySize].sort(([a], [b]) => b - a).map(([size, areas]) => `${areas.map(withRange).join('和')}，各 ${size} 条`);
  return `措施条数相同的：${groups.join('；')}。各领域的措施条数：`;
}

/** `计划的倒数第 3 条是第 77 条`, `第 30 条的下一条是第 31 条`: where the measures asked for by place stand. */
export function placesSentence(places: readonly MeasurePlace[]): string {
  return `${places.map(placeSentence).join('；')}。`;
}

function placeSentence(place: MeasurePlace): string {
  if (place.type === 'neighbour') return `第 ${place.of} 条的${place.side === 'next' ? '下' : '上'}一条是第 ${place.measure} 条`;
  const where = place.area ? areaLabel(place.area) : '计划';
  const which = place.place === 1 ? (place.from === 'end' ? '最后一条' : '第一条') : place.from === 'end' ? `倒数第 ${place.place} 条` : `第 ${place.place} 条`;
  return `${where}的${which}是第 ${place.measure} 条`;
}

/** A question written in English: Latin letters and no Chinese characters. */
function askedInEnglish(query: string): boolean {
  return /[A-Za-z]{2,}/u.test(query) && !/\p{Script=Han}/u.test(query);
}

/**
 * For a question asked in English, one English line heading the (Chinese) answer: which measure
 * was found, in which area, and which English words were read as which of the plan's terms, so an
 * English reader can tell what was found. Undefined for any other question or an answer with no
 * measure.
 */
export function englishGloss(answer: Pick<Answer, 'query' | 'results' | 'interpretation'>): string | undefined {
  const [top] = answer.results;
  if (!top || !askedInEnglish(answer.query)) return undefined;
  const matched = answer.interpretation.expansions
    .filter((e) => /[A-Za-z]/u.test(e.word) && e.planTerms.length > 0)
    .map((e) => `${e.word} = ${e.planTerms.join('/')}`);
  const others = answer.results.length - 1;
  const more = others > 0 ? ` (and ${others} related)` : '';
  return `Found: measure ${top.number}${more}, area ${top.area.number} (${top.area.title})${matched.length > 0 ? `; read as ${matched.join(', ')}` : ''}. The plan's text is in Chinese.`;
}
