/** Answers for a question that names measures or an area by number rather than asking about a subject. */
import { findArea, findMeasure } from '../plan/find-in-plan.js';
import type { Measure } from '../plan/plan-schema.js';
import type { PlanReference } from '../search/query/plan-reference.js';
import type { Answer } from './answer-schema.js';
import { areaCard, emptyAnswer, lookupAnswer, MAX_RANGE_RESULTS, measureResult, type AnswerContext } from './answer-values.js';
import { notices, placeWords } from './notices.js';

export function measuresAnswer(ctx: AnswerContext, query: string, numbers: readonly number[]): Answer {
  const { plan } = ctx;
  const found = numbers.map((n) => findMeasure(plan, n));
  const missing = numbers.filter((_, i) => !found[i]);
  if (missing.length > 0) return emptyAnswer(plan, query, notices.outOfRange(missing, plan.measures.length));
  const results = found.filter((m): m is Measure => m !== undefined).map((m) => measureResult(plan, m, undefined, 1));
  return lookupAnswer(plan, query, 'lookup', results);
}

export function rangeAnswer(ctx: AnswerContext, query: string, from: number, to: number): Answer {
  const count = ctx.plan.measures.length;
  if (from > to || from < 1 || to > count) return emptyAnswer(ctx.plan, query, notices.badRange(from, to, count));
  const shown = Math.min(MAX_RANGE_RESULTS, to - from + 1);
  const numbers = Array.from({ length: shown }, (_, i) => from + i);
  const answer = measuresAnswer(ctx, query, numbers);
  answer.total = to - from + 1;
  if (shown < answer.total) answer.notice = notices.rangeTruncated(from, to, shown);
  return answer;
}

export function areaAnswer(ctx: AnswerContext, query: string, number: number): Answer {
  const { plan } = ctx;
  const area = findArea(plan, number);
  if (!area) return emptyAnswer(plan, query, notices.noSuchArea(placeWords('start', number), plan.areas.length));
  const results = area.measureNumbers
    .map((n) => findMeasure(plan, n))
    .filter((m): m is Measure => m !== undefined)
    .map((m) => measureResult(plan, m, undefined, 1));
  return lookupAnswer(plan, query, 'area', results, { area: areaCard(plan, area) });
}

export function referenceAnswer(ctx: AnswerContext, query: string, reference: PlanReference): Answer {
  switch (reference.type) {
    case 'measures':
      return measuresAnswer(ctx, query, reference.numbers);
    case 'range':
      return rangeAnswer(ctx, query, reference.from, reference.to);
    case 'area':
      return areaAnswer(ctx, query, reference.number);
  }
}
