/**
 * The question → Answer function every surface uses. A question naming a measure or area by number
 * is looked up; anything else is searched, and the answer says how sure it is: results whose
 * coverage of the question is too thin are not shown as an answer at all.
 */
import { findArea, findMeasure } from '../plan/find-in-plan.js';
import type { QuestionAnalysis } from '../search/query/analyse-question.js';
import type { SearchHit } from '../search/plan-search.js';
import { buildSnippet } from '../search/snippet.js';
import type { Answer, AreaMatch, Confidence } from './answer-schema.js';
import { checkInput, DEFAULT_RESULT_LIMIT, emptyAnswer, MAX_RESULT_LIMIT, measureResult, planSource, type AnswerContext } from './answer-values.js';
import { notices } from './notices.js';
import { referenceAnswer } from './reference-answer.js';

/** Coverage at or above which the answer is called high / medium / low confidence; below low, nothing matched. */
export const CONFIDENCE_THRESHOLDS = { high: 0.7, medium: 0.55, low: 0.2 } as const;
/** A result covering less than this share of what the best one covers is noise beside it… */
const RELATIVE_COVERAGE_FLOOR = 0.5;
/** …and so is one scoring below this share of the best one. */
const RELATIVE_SCORE_FLOOR = 0.05;
/** Goals paragraphs shown beside the measures, at most. */
const MAX_RELATED_AREAS = 2;

export interface AskOptions {
  limit?: number;
}

export function confidenceOf(coverage: number): Confidence {
  if (coverage >= CONFIDENCE_THRESHOLDS.high) return 'high';
  if (coverage >= CONFIDENCE_THRESHOLDS.medium) return 'medium';
  if (coverage >= CONFIDENCE_THRESHOLDS.low) return 'low';
  return 'none';
}

function interpretation(analysis: QuestionAnalysis): Answer['interpretation'] {
  return {
    corrections: analysis.corrections.map((c) => ({ typed: c.typed, word: c.word })),
    expansions: [
      ...analysis.synonyms.map((s) => ({ word: s.word, planTerms: s.targets })),
      ...analysis.english.map((e) => ({ word: e.words, planTerms: e.terms })),
    ],
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_RESULT_LIMIT;
  return Math.max(1, Math.min(MAX_RESULT_LIMIT, Math.floor(limit)));
}

/** Ranks search hits into an answer (also used by keyword lookups of measures). */
export function searchAnswer(ctx: AnswerContext, query: string, analysis: QuestionAnalysis, hits: SearchHit[], limit: number): Answer {
  const { plan } = ctx;
  const measureHits = hits.filter((h) => h.ref.type === 'measure');
  const top = measureHits[0];
  const confidence = confidenceOf(top?.coverage ?? 0);
  if (!top || confidence === 'none') {
    return { ...emptyAnswer(plan, query, notices.noMatch(analysis.question)), interpretation: interpretation(analysis) };
  }
  const worthShowing = (h: SearchHit): boolean =>
    h.score >= top.score * RELATIVE_SCORE_FLOOR && h.coverage >= top.coverage * RELATIVE_COVERAGE_FLOOR && confidenceOf(h.coverage) !== 'none';
  const shown = measureHits.filter(worthShowing);
  const results = shown.slice(0, limit).flatMap((hit) => {
    if (hit.ref.type !== 'measure') return [];
    const measure = findMeasure(plan, hit.ref.number);
    const snippet = measure ? buildSnippet(measure.displayText, measure.clauses, hit.matched, analysis.focus) : undefined;
    return measure ? [measureResult(plan, measure, snippet, hit.score)] : [];
  });
  const relatedAreas = hits
    .filter((h) => h.ref.type === 'goals' && worthShowing(h))
    .slice(0, MAX_RELATED_AREAS)
    .flatMap((hit): AreaMatch[] => {
      const area = hit.ref.type === 'goals' ? findArea(plan, hit.ref.area) : undefined;
      if (!area) return [];
      const snippet = buildSnippet(area.goals, area.goalsClauses, hit.matched, analysis.focus);
      return [{ number: area.number, numeral: area.numeral, title: area.title, snippet: snippet.text, highlights: snippet.highlights, score: Math.round(hit.score * 1000) / 1000 }];
    });
  return {
    query,
    source: planSource(plan),
    kind: 'search',
    confidence,
    confidenceScore: Math.round(Math.min(1, top.coverage) * 1000) / 1000,
    results,
    total: shown.length,
    relatedAreas,
    interpretation: interpretation(analysis),
    ...(confidence === 'low' ? { notice: notices.lowConfidence() } : {}),
  };
}

export function askQuestion(ctx: AnswerContext, question: string, options: AskOptions = {}): Answer {
  const problem = checkInput(question);
  if (problem) return emptyAnswer(ctx.plan, question, problem);
  const analysis = ctx.search.analyse(question);
  if (analysis.reference) return referenceAnswer(ctx, question, analysis.reference);
  return searchAnswer(ctx, question, analysis, ctx.search.search(analysis), clampLimit(options.limit));
}
