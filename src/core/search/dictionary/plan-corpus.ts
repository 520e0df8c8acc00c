import type { Plan } from '../../plan/plan-schema.js';

/** Every piece of plan text that is indexed or shown, whitespace-normalised. */
export function planCorpus(plan: Plan): string[] {
  return [plan.title, plan.preamble, ...plan.areas.flatMap((a) => [a.title, a.goals ?? '']), ...plan.measures.map((m) => m.displayText)].filter(
    (t) => t.length > 0,
  );
}
