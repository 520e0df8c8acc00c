/**
 * `/area <1-7 | 一…七 | keyword>`: the area card. A keyword picks the area whose title, goals and
 * measures together match it best.
 */
import { findArea } from '../plan/find-in-plan.js';
import { normaliseQuestion } from '../search/query/clean-question.js';
import { looksLikeNumber, parseNumberWord } from '../search/query/number-words.js';
import { parsePlanReference } from '../search/query/plan-reference.js';
import type { Answer } from './answer-schema.js';
import { checkInput, confidenceOf, emptyAnswer, type AnswerContext } from './answer-values.js';
import { notices } from './notices.js';
import { areaAnswer } from './reference-answer.js';

/** A hit in an area's goals paragraph counts this much more than one in a single measure. */
const GOALS_WEIGHT = 1.5;
/** An area named in other words is taken when it outweighs the next one by this much. */
const CLEAR_AREA = 1.5;

export type AreaArgument = { type: 'number'; number: number } | { type: 'keyword'; text: string } | { type: 'invalid'; typed: string };

export function parseAreaArgument(raw: string): AreaArgument {
  const folded = normaliseQuestion(raw)
    .replace(/\s+/gu, '')
    .replace(/^第|(?:个)?(?:部分|领域|方面)$/gu, '');
  const reference = parsePlanReference(folded);
  if (reference?.type === 'area') return { type: 'number', number: reference.number };
  const number = parseNumberWord(folded);
  if (number !== undefined) return { type: 'number', number };
  if (looksLikeNumber(folded)) return { type: 'invalid', typed: raw.trim() };
  return { type: 'keyword', text: raw.trim() };
}

export function lookupArea(ctx: AnswerContext, raw: string): Answer {
  const problem = checkInput(raw);
  if (problem) return emptyAnswer(ctx.plan, raw, problem);
  const argument = parseAreaArgument(raw);
  if (argument.type === 'invalid') return emptyAnswer(ctx.plan, raw, notices.badArea(argument.typed, ctx.plan.areas.length));
  if (argument.type === 'number') {
    if (!findArea(ctx.plan, argument.number)) return emptyAnswer(ctx.plan, raw, notices.badArea(raw.trim(), ctx.plan.areas.length));
    return areaAnswer(ctx, raw, argument.number);
  }

  const [best] = rankAreas(ctx, argument.text);
  if (!best) return emptyAnswer(ctx.plan, raw, notices.noAreaMatch(argument.text));
  return areaAnswer(ctx, raw, best.area);
}

/** The areas whose title, goals and measures together match `words`, best first, with their weight. */
export function rankAreas(ctx: AnswerContext, words: string): Array<{ area: number; score: number }> {
  const scores = new Map<number, number>();
  for (const hit of ctx.search.search(ctx.search.analyse(words))) {
    if (confidenceOf(hit.coverage) === 'none' || hit.ref.type === 'preamble') continue;
    const area = hit.ref.type === 'goals' ? hit.ref.area : ctx.plan.measures[hit.ref.number - 1]?.area;
    if (area === undefined) continue;
    const weight = hit.ref.type === 'goals' ? GOALS_WEIGHT : 1;
    scores.set(area, (scores.get(area) ?? 0) + hit.score * weight);
  }
  return [...scores].map(([area, score]) => ({ area, score })).sort((a, b) => b.score - a.score);
}

/** The area `words` name, when one outweighs the next clearly (国际合作 → 五、促进知识产权国际交流). */
export function clearArea(ctx: AnswerContext, words: string): number | undefined {
  const [first, second] = rankAreas(ctx, words);
  return first && (!second || first.score >= second.score * CLEAR_AREA) ? first.area : undefined;
}
