/**
 * Which plan a question asks about, read from its words, when the library holds several (or a
 * question names a plan the library lacks). In the order the rules apply:
 *
 * 1. Across the years: 历年、各年、历次、往年、这几年、各年度的计划 … → every plan.
 * 2. A year the library has a plan for: `2015年…`, `2015年的计划里…`, `2021—2022年度…`, a year
 *    inside a multi-year plan (`2022年`), `2014年第42条` → that plan.
 * 3. Last year's, the year before's: 去年、前年、上一年度的计划 → counted from the current plan's
 *    first year (not the calendar: the current plan is the office's "this year").
 * 4. A plan named that the library lacks (`2013年的计划`, `2013年推进计划`) → said so. A year
 *    not followed by 计划 and with no plan (`到2020年`) is what the question is about, not a plan.
 *
 * `rest` is the question without the words that chose the plan, to be searched in it.
 */
import type { PlanLibrary } from '../plan/plan-library.js';
import type { Plan } from '../plan/plan-schema.js';
import { foldText } from '../search/text/fold-text.js';

export type PlanChoice = { kind: 'named'; plan: Plan; rest: string } | { kind: 'across'; rest: string } | { kind: 'missing'; label: string };

/** A year or a span of years, then 年 or 年度, optionally the plan words that follow. */
const YEAR =
  /((?:19|20)\d{2})(?:\s*[-—–~～至到]\s*((?:19|20)?\d{2}))?\s*年度?(的?(?:国家知识产权战略实施)?(?:推进|年度)?计划(?:里|中|里面|当中)?(?:的)?|(?:的)?(?:推进)?计划)?/u;
/** Words that ask across every plan. */
const ACROSS = /(?:历年|历次|各年度?|往年|每一年|这几年|近几年|所有年份|各个年度|每年的?计划|各年的?计划|历年的?计划)(?:的)?(?:计划)?(?:里|中)?(?:的)?/u;
/** Last year's and the year before's, relative to the current plan. */
const RELATIVE = /(去年|前年|上一?年度?|上一期)(?:的)?(?:推进)?(?:计划)?(?:里|中)?(?:的)?/u;
/** Words between the plan's name and the rest that carry nothing once the plan is chosen. */
const LEADING_FILLER = /^[\s,，、:：]*(?:里|中|里面|当中)?[\s,，、:：]*(?:的)?/u;

function cut(text: string, match: RegExpExecArray): string {
  const rest = `${text.slice(0, match.index)}${text.slice(match.index + match[0].length)}`.replace(LEADING_FILLER, '').trim();
  return rest.length > 0 ? rest : text;
}

function expandYear(first: number, second: string | undefined): number | undefined {
  if (second === undefined) return undefined;
  return second.length === 2 ? Math.floor(first / 100) * 100 + Number(second) : Number(second);
}

export function readPlanChoice(question: string, library: PlanLibrary): PlanChoice | undefined {
  const text = foldText(question);
  const several = library.plans.length > 1;

  // 1. Across the years (only meaningful with more than one plan).
  const across = several ? ACROSS.exec(text) : null;
  if (across) return { kind: 'across', rest: cut(text, across) };

  // 2. and 4. A year named.
  const year = YEAR.exec(text);
  if (year) {
    const first = Number(year[1]);
    const last = expandYear(first, year[2]);
    const id = last === undefined ? String(first) : `${first}-${last}`;
    const plan = library.find(id) ?? (last === undefined ? library.covering(first) : undefined);
    const namesAPlan = year[3] !== undefined;
    if (plan) return { kind: 'named', plan, rest: cut(text, year) };
    if (namesAPlan) return { kind: 'missing', label: last === undefined ? `${first}年` : `${first}—${last}年` };
  }

  // 3. Relative to the current plan.
  const relative = several ? RELATIVE.exec(text) : null;
  if (relative) {
    const back = relative[1] === '前年' ? 2 : 1;
    const target = library.current.years[0] - back;
    const plan = relative[1]?.startsWith('上一期') ? library.plans[library.plans.indexOf(library.current) + 1] : library.covering(target);
    return plan ? { kind: 'named', plan, rest: cut(text, relative) } : { kind: 'missing', label: `${target}年` };
  }
  return undefined;
}
