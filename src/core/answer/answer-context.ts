import type { Plan } from '../plan/plan-schema.js';
import type { PlanSearch } from '../search/plan-search.js';

/** What answering needs: the plan and a search over it. Built once at start-up. */
export interface AnswerContext {
  plan: Plan;
  search: PlanSearch;
}

/** How many measures an answer lists by default, and at most. */
export const DEFAULT_RESULT_LIMIT = 5;
export const MAX_RESULT_LIMIT = 20;
/** A range lookup lists at most this many measures. */
export const MAX_RANGE_RESULTS = 10;
