/**
 * `/measure <N | N-M | keyword>`: a number shows that measure, a range lists up to ten, anything
 * else is a keyword search over the measures. Numbers are read as people write them (42, ４２,
 * 四十二, 第42条); a number-like argument that is not a measure number (0, -1, 1e9, 0x2A) is an
 * error, not a search.
 */
import { normaliseQuestion } from '../search/query/clean-question.js';
import { looksLikeNumber } from '../search/query/number-words.js';
import { parsePlanReference } from '../search/query/plan-reference.js';
import type { Answer } from './answer-schema.js';
import { checkInput, DEFAULT_RESULT_LIMIT, emptyAnswer, type AnswerContext } from './answer-values.js';
import { searchAnswer } from './ask-question.js';
import { notices } from './notices.js';
import { measuresAnswer, rangeAnswer } from './reference-answer.js';

export type MeasureArgument =
  | { type: 'number'; number: number }
  | { type: 'range'; from: number; to: number }
  | { type: 'keyword'; text: string }
  | { type: 'invalid'; typed: string };

export function parseMeasureArgument(raw: string): MeasureArgument {
  const folded = normaliseQuestion(raw);
  const reference = parsePlanReference(folded);
  if (reference?.type === 'measures' && reference.numbers.length === 1) return { type: 'number', number: reference.numbers[0] as number };
  if (reference?.type === 'range') return { type: 'range', from: reference.from, to: reference.to };
  if (looksLikeNumber(folded.replace(/\s+/gu, ''))) return { type: 'invalid', typed: raw.trim() };
  return { type: 'keyword', text: raw.trim() };
}

export function lookupMeasure(ctx: AnswerContext, raw: string, limit = DEFAULT_RESULT_LIMIT): Answer {
  const problem = checkInput(raw);
  if (problem) return emptyAnswer(ctx.plan, raw, problem);
  const count = ctx.plan.measures.length;
  const argument = parseMeasureArgument(raw);
  switch (argument.type) {
    case 'number':
      return measuresAnswer(ctx, raw, [argument.number]);
    case 'range':
      return rangeAnswer(ctx, raw, argument.from, argument.to);
    case 'invalid':
      return emptyAnswer(ctx.plan, raw, notices.badNumber(argument.typed, count));
    case 'keyword': {
      const analysis = ctx.search.analyse(argument.text);
      return searchAnswer(ctx, raw, analysis, ctx.search.search(analysis), limit, false);
    }
  }
}
