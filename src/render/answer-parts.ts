/**
 * The wording every renderer shares, for the terminal and for Slack alike: how a measure, an area
 * and a set of measures are named, where a snippet is marked as cut (…), and the source line
 * that ends every answer. Renderers differ only in how they mark emphasis.
 */
import type { AreaRef, MeasureResult, PlanOverviewAnswer } from '../core/answer/answer-schema.js';

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
  }
}
