/**
 * The plan a command names, beside what it looks up: `/measure 42 2015`, `/measure 2015 42`,
 * `/measure 2015-42`, `/measure 2015年第42条`, `/area 3 2015`, `/progress 2015-42 推进中`. A year
 * is four digits (a measure or a range of measures never is); a span of years is `2021-2022`.
 */
import type { PlanLibrary } from '../plan/plan-library.js';
import type { Plan } from '../plan/plan-schema.js';
import { foldText } from '../search/text/fold-text.js';

export type PlanArgument = { plan?: Plan; rest: string } | { missing: string; rest: string };

const YEAR_TOKEN = /^((?:19|20)\d{2})(?:[-—–~～]((?:19|20)\d{2}))?(?:年度?(?:的?计划)?)?$/u;
/** `2015-42`: a year, then a measure or an area (one to three digits). */
const YEAR_THEN_NUMBER = /^((?:19|20)\d{2})(?:年度?(?:的?计划)?)?[-—–_/·.]?(?=第?\d{1,3}|第?[一二三四五六七八九十百]+)(.*)$/u;

function planOf(library: PlanLibrary, first: string, last: string | undefined): Plan | { missing: string } {
  const id = last === undefined ? first : `${first}-${last}`;
  return library.find(id) ?? { missing: last === undefined ? `${first}年` : `${first}—${last}年` };
}

export function planArgument(raw: string, library: PlanLibrary): PlanArgument {
  const text = foldText(raw).trim();
  const words = text.split(/\s+/u).filter(Boolean);
  const pick = (found: Plan | { missing: string }, rest: string): PlanArgument =>
    'missing' in found ? { missing: found.missing, rest } : { plan: found, rest };
  // A year as a word of its own, first or last.
  for (const at of [words.length - 1, 0]) {
    const word = words[at];
    const year = word === undefined || words.length < 2 ? null : YEAR_TOKEN.exec(word);
    if (year?.[1]) return pick(planOf(library, year[1], year[2]), words.filter((_, i) => i !== at).join(' '));
  }
  // A year joined to the number: 2015-42, 2015年第42条.
  const joined = YEAR_THEN_NUMBER.exec(words[0] ?? '');
  if (joined?.[1] && joined[2]) return pick(planOf(library, joined[1], undefined), [joined[2], ...words.slice(1)].join(' '));
  return { rest: raw.trim() };
}
