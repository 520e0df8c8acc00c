/** Answers for a question that names measures or an area by number rather than asking about a subject. */
import { findArea, findMeasure } from '../plan/find-in-plan.js';
import type { PlanReference } from '../search/query/plan-reference.js';
import { areaCard } from './area-card.js';
import type { Answer } from './answer-schema.js';
import { MAX_RANGE_RESULTS, type AnswerContext } from './answer-context.js';
import { emptyAnswer } from './empty-answer.js';
import { measureResult } from './measure-result.js';
import { notices } from './notices.js';

function lookupAnswer(query: string, kind: Answer['kind'], results: Answer['results'], extra: Partial<Answer> = {}): Answer {
  return {
    query,
    kind,
    confidence: 'high',
    confidenceScore: 1,
    results,
    total: results.length,
    relatedAreas: [],
    interpretation: { corrections: [], expansions: [] },
    ...extra,
  };
}

export function measuresAnswer(ctx: AnswerContext, query: string, numbers: readonly number[]): Answer {
  const { plan } = ctx;
  const missing = numbers.filter((n) => !findMeasure(plan, n));
  if (missing.length > 0) return emptyAnswer(query, notices.outOfRange(missing, plan.measures.length));
  const results = numbers.map((n) => measureResult(plan, findMeasure(plan, n)!, undefined, 1));
  return lookupAnswer(query, 'lookup', results);
}

export function rangeAnswer(ctx: AnswerContext, query: string, from: number, to: number): Answer {
  const count = ctx.plan.measures.length;
  if (from > to || from < 1 || to > count) return emptyAnswer(query, notices.badRange(from, to, count));
  const shown = Math.min(MAX_RANGE_RESULTS, to - from + 1);
  const numbers = Array.from({ length: shown }, (_, i) => from + i);
  const answer = measuresAnswer(ctx, query, numbers);
  answer.total = to - from + 1;
  if (shown < answer.total) answer.notice = notices.rangeTruncated(from, to, shown);
  return answer;
}

export function areaAnswer(ctx: AnswerContext, query: string, number: number): Answer {
  const area = findArea(ctx.plan, number);
  if (!area) return emptyAnswer(query, notices.badArea(String(number), ctx.plan.areas.length));
  const results = area.measureNumbers.map((n) => measureResult(ctx.plan, findMeasure(ctx.plan, n)!, undefined, 1));
  return lookupAnswer(query, 'area', results, { area: areaCard(ctx.plan, area) });
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
