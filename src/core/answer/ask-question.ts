/**
 * The question → Answer function every surface uses. In order:
 *
 * 1. A question about where things stand (倒数第三条, 保护部分的第一条, 第30条的下一条, 第五部分
 *    讲什么, 哪一部分措施最多) is answered from the plan model.
 * 2. A question naming measures or an area by number is looked up (and if it asks for a kind of
 *    fact the measures do not state, 第73条…具体哪个月, it says so).
 * 3. A question about the plan as a whole (how many measures, which areas, why it was made, an
 *    area in everyday words, a pasted heading) gets the overview or the area.
 * 4. Anything else is searched: the words (search), and for a question in words nothing else reads,
 *    the near meanings fused with them (plan-search.ts). A question asking to name things one by one that a matched measure
 *    only counts (3个专利导航实验区…分别在哪) is told the plan gives only the number. Otherwise the
 *    top measure is judged: it answers only if it states the words that carry the question and
 *    the kind of fact asked for. If it does not, the answer says what the plan does not say and
 *    offers the nearest measures as related, not as the answer.
 */
import { findMeasure } from '../plan/find-in-plan.js';
import type { Measure } from '../plan/plan-schema.js';
import type { QuestionAnalysis } from '../search/query/analyse-question.js';
import type { PlanReference } from '../search/query/plan-reference.js';
import type { SearchHit } from '../search/plan-search.js';
import { fuseRankings } from '../search/semantic/fuse-rankings.js';
import type { SemanticRanker } from '../search/semantic/semantic-ranking.js';
import { buildSnippet } from '../search/text/snippet.js';
import type { Answer, AreaMatch, Notice } from './answer-schema.js';
import {
  checkInput,
  confidenceOf,
  DEFAULT_RESULT_LIMIT,
  emptyAnswer,
  MAX_RESULT_LIMIT,
  measureResult,
  MIN_COVERAGE,
  planRef,
  planSource,
  type AnswerContext,
} from './answer-values.js';
import { judgeAnswer, missingSentence, statesEverydayConcept, unstatedFacts } from './judge-answer.js';
import { countedNotNamedAnswer, findCountedNotNamed } from './counted-not-named.js';
import { clearArea } from './lookup-area.js';
import { overviewAnswer } from './overview-answer.js';
import { notices } from './notices.js';
import { readPlanQuestion } from './plan-questions.js';
import { areaAnswer, referenceAnswer } from './reference-answer.js';
import { structureAnswer } from './structure-answer.js';
import { readStructureQuestion } from './structure-question.js';

/** A result covering less than this share of what the best one covers is noise beside it… */
const RELATIVE_COVERAGE_FLOOR = 0.5;
/** …and so is one scoring below this share of the best one. */
const RELATIVE_SCORE_FLOOR = 0.05;
/**
 * The near meanings (word vectors, always at hand) reorder what the words found and add what they
 * missed, but weigh half as much as the words, and what only they found never leads: the answer
 * judged is always a measure the words found (if weakly), and where the words found nothing the
 * near meanings add nothing.
 */
const NEAR_MEANING_FUSION = { semanticOnlyCoverage: MIN_COVERAGE, lexicalWeight: 2, modelMayLead: false } as const;
/** Goals paragraphs shown beside the measures, at most. */
const MAX_RELATED_AREAS = 2;

export interface AskOptions {
  limit?: number;
  /** Judge whether the top result answers (a question); off for keyword listings (`/measure 关键词`). */
  judge?: boolean;
  /**
   * The semantic ranking of a question that is searched, when one is at hand: fused with the
   * lexical hits (fuse-rankings.ts). Asked only for questions that are searched, with the text
   * searched (for 还有吗, the earlier question). Without it the answer is lexical.
   */
  semantic?: SemanticRanker;
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

function textOf(ctx: AnswerContext, hit: SearchHit): string {
  if (hit.ref.type === 'measure') return findMeasure(ctx.plan, hit.ref.number)?.displayText ?? '';
  if (hit.ref.type === 'goals') {
    const area = hit.ref.area;
    return ctx.plan.areas.find((a) => a.number === area)?.goals ?? '';
  }
  return ctx.plan.preamble;
}

/** Ranks search hits into an answer (also used by keyword lookups of measures). */
export function searchAnswer(ctx: AnswerContext, query: string, analysis: QuestionAnalysis, hits: SearchHit[], limit: number, judge = true): Answer {
  const { plan } = ctx;
  // A hit that states the plan's concept for an everyday word counts however little else it covers.
  const counting = hits.filter((h) => (h.coverage >= MIN_COVERAGE || statesEverydayConcept(analysis, h)) && (judge || h.ref.type === 'measure'));
  const [best] = counting;
  if (!best) return { ...emptyAnswer(plan, query, notices.noMatch(analysis.question)), interpretation: interpretation(analysis) };
  if (best.ref.type === 'preamble') {
    // The opening paragraph says why the plan was made, not the figures or dates a question asks for.
    const [fact] = judge ? unstatedFacts(analysis, ctx.plan.preamble) : [];
    if (fact)
      return {
        ...emptyAnswer(plan, query, notices.notCovered(missingSentence({ kind: 'fact', asked: fact }), undefined)),
        kind: 'not-covered',
        interpretation: interpretation(analysis),
      };
    return { ...overviewAnswer(ctx, query, 'purpose'), interpretation: interpretation(analysis) };
  }

  // Beside the best paragraph (a measure or an area's goals), what covers much less is noise.
  const worthShowing = (h: SearchHit): boolean => h.score >= best.score * RELATIVE_SCORE_FLOOR && h.coverage >= best.coverage * RELATIVE_COVERAGE_FLOOR;
  const shown = counting.filter((h) => h.ref.type === 'measure' && worthShowing(h));
  const results = shown.slice(0, limit).flatMap((hit) => {
    if (hit.ref.type !== 'measure') return [];
    const measure = findMeasure(plan, hit.ref.number);
    const snippet = measure ? buildSnippet(measure.displayText, measure.clauses, hit.matched, analysis.focus) : undefined;
    return measure ? [measureResult(plan, measure, snippet, hit.score)] : [];
  });
  const relatedAreas = counting
    .filter((h) => h.ref.type === 'goals' && worthShowing(h))
    .slice(0, MAX_RELATED_AREAS)
    .flatMap((hit): AreaMatch[] => {
      const area = plan.areas.find((a) => hit.ref.type === 'goals' && a.number === hit.ref.area);
      if (!area?.goals || !area.goalsClauses) return [];
      const snippet = buildSnippet(area.goals, area.goalsClauses, hit.matched, analysis.focus);
      return [
        {
          number: area.number,
          numeral: area.numeral,
          title: area.title,
          snippet: snippet.text,
          highlights: snippet.highlights,
          score: Math.round(hit.score * 1000) / 1000,
        },
      ];
    });

  const base = {
    query,
    plan: planRef(plan),
    source: planSource(plan),
    confidenceScore: Math.round(Math.min(1, best.coverage) * 1000) / 1000,
    results,
    total: shown.length,
    relatedAreas,
    interpretation: interpretation(analysis),
  };
  if (!judge) {
    const confidence = confidenceOf(best.coverage);
    return { ...base, kind: 'search', confidence, ...(confidence === 'low' ? { notice: notices.lowConfidence() } : {}) };
  }
  const verdict = judgeAnswer(analysis, ctx.search.roles(analysis), ctx.search.weights(analysis), best, textOf(ctx, best));
  if (!verdict.covered) {
    return { ...base, kind: 'not-covered', confidence: 'none', notice: notices.notCovered(missingSentence(verdict.missing), results[0]?.number) };
  }
  return { ...base, kind: 'search', confidence: verdict.confidence, ...(verdict.confidence === 'low' ? { notice: notices.lowConfidence() } : {}) };
}

function measuresOf(ctx: AnswerContext, numbers: readonly number[]): Measure[] {
  return numbers.flatMap((n) => findMeasure(ctx.plan, n) ?? []);
}

/** A lookup that also asks for a kind of fact: said plainly when the measures do not state it. */
function referenceWithQuestion(ctx: AnswerContext, query: string, analysis: QuestionAnalysis, reference: PlanReference): Answer {
  const answer = referenceAnswer(ctx, query, reference);
  if (answer.kind !== 'lookup') return answer;
  const counted = findCountedNotNamed(
    analysis.normalised,
    measuresOf(
      ctx,
      answer.results.map((r) => r.number),
    ),
  );
  if (counted) return countedNotNamedAnswer(ctx, query, counted);
  // A fact is missing when no measure looked up states it (each read alone: units close a measure).
  const [fact] = answer.results.reduce(
    (missing, r) => {
      const unstated = unstatedFacts(analysis, r.text);
      return missing.filter((kind) => unstated.includes(kind));
    },
    unstatedFacts(analysis, ''),
  );
  if (!fact) return answer;
  const notice: Notice = notices.notCovered(missingSentence({ kind: 'fact', asked: fact }), undefined);
  return { ...answer, kind: 'not-covered', confidence: 'none', confidenceScore: 0, notice };
}

export function askQuestion(ctx: AnswerContext, question: string, options: AskOptions = {}): Answer {
  const problem = checkInput(question);
  if (problem) return emptyAnswer(ctx.plan, question, problem);
  const analysis = ctx.search.analyse(question);
  // Where things stand in the plan (倒数第三条, 第30条的下一条, 第五部分是干嘛的) is read before a
  // number is taken for a measure's own: 倒数第三条 is not measure 3.
  const structure = readStructureQuestion(analysis.normalised);
  const placed = structure ? structureAnswer(ctx, question, structure) : undefined;
  if (placed) return placed;
  const { reference } = analysis;
  if (reference) {
    if (reference.asksMore) return referenceWithQuestion(ctx, question, analysis, reference);
    return referenceAnswer(ctx, question, reference);
  }

  const structural = readPlanQuestion(analysis.normalised, ctx.plan);
  switch (structural?.type) {
    case 'overview':
      return overviewAnswer(ctx, question, structural.facet);
    case 'area':
      return areaAnswer(ctx, question, structural.number);
    case 'area-words': {
      const area = clearArea(ctx, structural.words);
      if (area !== undefined) return areaAnswer(ctx, question, area);
      break;
    }
    case undefined:
      break;
  }
  const lexical = ctx.search.search(analysis);
  // A question the words read as about the plan itself (its opening paragraph first) is answered as such.
  const near = lexical[0]?.ref.type === 'preamble' ? undefined : ctx.search.nearMeanings(analysis);
  const read = near ? fuseRankings(lexical, near, NEAR_MEANING_FUSION) : lexical;
  const semantic = options.semantic?.(question);
  const hits = semantic ? fuseRankings(read, semantic, { semanticOnlyCoverage: MIN_COVERAGE }) : read;
  // Things a matched measure counts without naming them (3个专利导航实验区 … 分别在哪): only the number.
  const matched = measuresOf(
    ctx,
    hits.flatMap((h) => (h.ref.type === 'measure' ? [h.ref.number] : [])),
  );
  const counted = (options.judge ?? true) ? findCountedNotNamed(analysis.normalised, matched) : undefined;
  if (counted) return countedNotNamedAnswer(ctx, question, counted);
  return searchAnswer(ctx, question, analysis, hits, clampLimit(options.limit), options.judge ?? true);
}
