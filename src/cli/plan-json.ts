import type { Plan } from '../core/plan/plan-schema.js';

/** `list --json`: the whole plan, measures' text exactly as written in the seed. */
export function planJson(plan: Plan): object {
  return {
    title: plan.title,
    year: plan.year,
    areas: plan.areas.map((a) => ({ number: a.number, numeral: a.numeral, title: a.title, goals: a.goals })),
    measures: plan.measures.map((m) => ({ number: m.number, area: m.area, text: m.text })),
  };
}
