import { areaOf } from '../plan/find-in-plan.js';
import type { Measure, Plan } from '../plan/plan-schema.js';
import type { Snippet } from '../search/snippet.js';
import type { MeasureResult } from './answer-schema.js';

/** A measure as a result line; without a snippet (a lookup) the snippet is the whole text. */
export function measureResult(plan: Plan, measure: Measure, snippet: Snippet | undefined, score: number): MeasureResult {
  return {
    number: measure.number,
    area: measure.area,
    areaTitle: areaOf(plan, measure).title,
    text: measure.displayText,
    snippet: snippet?.text ?? measure.displayText,
    highlights: snippet?.highlights ?? [],
    score: Math.round(score * 1000) / 1000,
  };
}
