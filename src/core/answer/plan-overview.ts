import { z } from 'zod';
import type { Plan } from '../plan/plan-schema.js';
import type { OverviewFacet } from './answer-schema.js';

export const PlanOverviewSchema = z.object({
  title: z.string(),
  year: z.number().int(),
  measureCount: z.number().int().positive(),
  areas: z.array(
    z.object({
      number: z.number().int().positive(),
      numeral: z.string(),
      title: z.string(),
      firstMeasure: z.number().int().positive(),
      lastMeasure: z.number().int().positive(),
      measureCount: z.number().int().positive(),
    }),
  ),
});
export type PlanOverview = z.infer<typeof PlanOverviewSchema>;

/** The seven areas with their measure ranges and counts: `/area` without an argument, App Home. */
export function planOverview(plan: Plan): PlanOverview {
  return {
    title: plan.title,
    year: plan.year,
    measureCount: plan.measures.length,
    areas: plan.areas.map((a) => ({
      number: a.number,
      numeral: a.numeral,
      title: a.title,
      firstMeasure: a.measureNumbers[0] as number,
      lastMeasure: a.measureNumbers[a.measureNumbers.length - 1] as number,
      measureCount: a.measureNumbers.length,
    })),
  };
}

/** Whether an overview answer lists the areas: every facet but why the plan was made does. */
export function overviewListsAreas(facet: OverviewFacet): boolean {
  return facet !== 'purpose';
}
