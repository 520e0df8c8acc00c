/**
 * The wording every renderer shares, for the terminal and for Slack alike: how a measure, an area
 * and a set of measures are named, where a snippet is marked as cut (…), and the source line
 * that ends every answer. Renderers differ only in how they mark emphasis.
 */
import type { AreaRef, MeasureResult } from '../core/answer/answer-schema.js';

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
  return { before: partial && !opensText ? '…' : '', text: result.snippet, highlights: result.highlights, after: partial ? '…' : '' };
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
