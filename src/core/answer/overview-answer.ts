/** The answer about the plan as a whole: its size and areas, with what was asked about it. */
import type { Answer, OverviewFacet } from './answer-schema.js';
import { planSource, type AnswerContext } from './answer-values.js';
import { planOverview } from './plan-overview.js';

/** What an overview names beside the plan: the areas with the most measures (`rank` 2: the second most), … */
export interface OverviewAsked {
  named?: number[];
  rank?: number;
}

export function overviewAnswer(ctx: AnswerContext, query: string, facet: OverviewFacet, asked: OverviewAsked = {}): Answer {
  const { plan } = ctx;
  return {
    query,
    source: planSource(plan),
    kind: 'overview',
    confidence: 'high',
    confidenceScore: 1,
    results: [],
    total: 0,
    relatedAreas: [],
    interpretation: { corrections: [], expansions: [] },
    overview: { facet, ...planOverview(plan), preamble: plan.preamble, ...asked },
  };
}
