import { findMeasure } from '../plan/find-in-plan.js';
import type { Area, Plan } from '../plan/plan-schema.js';
import { trimClauseEnd } from '../plan/split-clauses.js';
import type { AreaCard } from './answer-schema.js';

export function areaCard(plan: Plan, area: Area): AreaCard {
  return {
    number: area.number,
    numeral: area.numeral,
    title: area.title,
    goals: area.goals,
    measures: area.measureNumbers.map((number) => {
      const measure = findMeasure(plan, number);
      return { number, firstClause: measure ? trimClauseEnd(measure.clauses[0] ?? measure.displayText) : '' };
    }),
  };
}
