import type { Area, Measure, Plan } from './plan-schema.js';

export function findMeasure(plan: Plan, number: number): Measure | undefined {
  return plan.measures[number - 1]?.number === number ? plan.measures[number - 1] : plan.measures.find((m) => m.number === number);
}

export function findArea(plan: Plan, number: number): Area | undefined {
  return plan.areas.find((a) => a.number === number);
}

/** The area a measure belongs to; the schema guarantees it exists. */
export function areaOf(plan: Plan, measure: Measure): Area {
  const area = findArea(plan, measure.area);
  if (!area) throw new Error(`measure ${measure.number} names unknown area ${measure.area}`);
  return area;
}
