/**
 * The parts every Answer is built from, shared by questions and lookups: what answering needs
 * (the plan and a search over it), the check a question passes before any search, and the
 * constructors of results, area cards and answers with nothing to show.
 */
import { areaOf, findMeasure } from '../plan/find-in-plan.js';
import type { Area, Measure, Plan } from '../plan/plan-schema.js';
import { trimClauseEnd } from '../plan/split-clauses.js';
import type { PlanSearch } from '../search/plan-search.js';
import { cleanQuestion, MAX_QUESTION_LENGTH } from '../search/query/clean-question.js';
import type { Snippet } from '../search/text/snippet.js';
import type { Answer, AreaCard, AreaRef, Confidence, MeasureResult, Notice, PlanSource } from './answer-schema.js';
import { notices } from './notices.js';

/** What answering needs: the plan and a search over it. Built once at start-up. */
export interface AnswerContext {
  plan: Plan;
  search: PlanSearch;
}

/** How many measures an answer lists by default, and at most. */
export const DEFAULT_RESULT_LIMIT = 5;
export const MAX_RESULT_LIMIT = 20;
/** An answer shows its top measure and this many more as related; 还有吗 continues after them. */
export const ANSWER_SHOWS = 5;
/** A range lookup lists at most this many measures. */
export const MAX_RANGE_RESULTS = 10;
/** Coverage at or above which a search hit counts at all; below it, nothing matched. */
export const MIN_COVERAGE = 0.2;

/** Coverage → confidence, for listings that are not judged as answers (`/measure 关键词`). */
export function confidenceOf(coverage: number): Confidence {
  if (coverage >= 0.7) return 'high';
  if (coverage >= 0.55) return 'medium';
  if (coverage >= MIN_COVERAGE) return 'low';
  return 'none';
}

export function planSource(plan: Plan): PlanSource {
  return { title: plan.title, measureCount: plan.measures.length };
}

/** The problem with a question or argument before any search, if it has one. */
export function checkInput(raw: string): Notice | undefined {
  const cleaned = cleanQuestion(raw);
  if (cleaned.length === 0) return notices.empty();
  const length = [...cleaned].length;
  if (length > MAX_QUESTION_LENGTH) return notices.tooLong(length);
  return undefined;
}

/** An answer with nothing to show, and the notice saying why. */
export function emptyAnswer(plan: Plan, query: string, notice: Notice): Answer {
  return {
    query,
    source: planSource(plan),
    kind: 'none',
    confidence: 'none',
    confidenceScore: 0,
    results: [],
    total: 0,
    relatedAreas: [],
    interpretation: { corrections: [], expansions: [] },
    notice,
  };
}

/** An answer that shows exactly what was asked for by number: sure by construction. */
export function lookupAnswer(plan: Plan, query: string, kind: Answer['kind'], results: MeasureResult[], extra: Partial<Answer> = {}): Answer {
  return {
    query,
    source: planSource(plan),
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

export function areaRef(area: Area): AreaRef {
  return {
    number: area.number,
    numeral: area.numeral,
    title: area.title,
    firstMeasure: area.measureNumbers[0] ?? 0,
    lastMeasure: area.measureNumbers.at(-1) ?? 0,
  };
}

/** A measure as a result line; without a snippet (a lookup) the snippet is the whole text. */
export function measureResult(plan: Plan, measure: Measure, snippet: Snippet | undefined, score: number): MeasureResult {
  return {
    number: measure.number,
    area: areaRef(areaOf(plan, measure)),
    text: measure.displayText,
    snippet: snippet?.text ?? measure.displayText,
    highlights: snippet?.highlights ?? [],
    score: Math.round(score * 1000) / 1000,
  };
}

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
