/**
 * Search figures, ours and the bigram baseline's, measured in the same process and run: index
 * build, index load, query latency over the evaluation questions, recall@1.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnswerContext } from '../../src/core/answer/answer-values.js';
import { loadEvalQuestions, type EvalQuestion } from '../../src/core/eval/eval-questions.js';
import { scoreEval } from '../../src/core/eval/score-eval.js';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { baselineSearch, buildBaseline, loadBaseline } from './bigram-baseline.js';
import { median, percentile, timeMs } from './stats.js';

/** The code measured is the compiled code in dist/, as it runs in production. */
async function fromDist<T>(module: string): Promise<T> {
  return (await import(pathToFileURL(join(PROJECT_ROOT, 'dist', module)).href)) as T;
}

const { askQuestion } = await fromDist<typeof import('../../src/core/answer/ask-question.js')>('answer/ask-question.js');
const { loadPlan } = await fromDist<typeof import('../../src/core/plan/load-plan.js')>('plan/load-plan.js');
const { buildIndexArtifacts } = await fromDist<typeof import('../../src/core/search/index/build-search-index.js')>('search/index/build-search-index.js');
const { openSearchIndex } = await fromDist<typeof import('../../src/core/search/index/open-search-index.js')>('search/index/open-search-index.js');
const { loadLexicon } = await fromDist<typeof import('../../src/core/search/lexicon/load-lexicon.js')>('search/lexicon/load-lexicon.js');
const { createPlanSearch } = await fromDist<typeof import('../../src/core/search/plan-search.js')>('search/plan-search.js');

export const QUESTION_FILES = [
  join(PROJECT_ROOT, 'test', 'fixtures', 'questions-dev.jsonl'),
  join(PROJECT_ROOT, 'test', 'fixtures', 'questions-team.jsonl'),
];

export interface EngineFigures {
  buildMs: number;
  loadMs: number;
  queryP50Ms: number;
  queryP99Ms: number;
  recallAt1: number;
}

export interface SearchFigures {
  questions: number;
  passes: number;
  ours: EngineFigures & { readyMs: number; recallAt1Dev: number };
  baseline: EngineFigures & { recallAt1Dev: number };
}

const BUILD_RUNS = 3;
const LOAD_RUNS = 15;
const WARMUP_PASSES = 2;

function latencies(questions: readonly EvalQuestion[], passes: number, answer: (q: string) => void): number[] {
  for (let i = 0; i < WARMUP_PASSES; i++) for (const q of questions) answer(q.q);
  const samples: number[] = [];
  for (let pass = 0; pass < passes; pass++) for (const q of questions) samples.push(timeMs(() => answer(q.q)));
  return samples;
}

export function benchSearch(passes: number): SearchFigures {
  const plan = loadPlan();
  const lexicon = loadLexicon();
  const [dev = [], team = []] = QUESTION_FILES.map((f) => loadEvalQuestions(f));
  const questions = [...dev, ...team];

  // Ours: build (dictionary + index), load from index/, and the search ready to answer.
  const buildMs = median(Array.from({ length: BUILD_RUNS }, () => timeMs(() => buildIndexArtifacts(plan, lexicon))));
  let ctx: AnswerContext | undefined;
  const loadMs = median(Array.from({ length: LOAD_RUNS }, () => timeMs(() => openSearchIndex({ plan, lexicon }))));
  const readyMs = median(Array.from({ length: LOAD_RUNS }, () => timeMs(() => (ctx = { plan, search: createPlanSearch(plan, openSearchIndex({ plan, lexicon }), lexicon) }))));
  const context = ctx as AnswerContext;
  const ourSamples = latencies(questions, passes, (q) => askQuestion(context, q));
  const ourAnswer = (q: string) => ({ numbers: askQuestion(context, q, { limit: 10 }).results.map((r) => r.number) });

  // Baseline: the same documents and questions.
  const baselineBuildMs = median(Array.from({ length: BUILD_RUNS }, () => timeMs(() => buildBaseline(plan))));
  const baselineJson = JSON.stringify(buildBaseline(plan));
  let baseline = loadBaseline(baselineJson);
  const baselineLoadMs = median(Array.from({ length: LOAD_RUNS }, () => timeMs(() => (baseline = loadBaseline(baselineJson)))));
  const baselineSamples = latencies(questions, passes, (q) => baselineSearch(baseline, q));
  const baselineAnswer = (q: string) => ({ numbers: baselineSearch(baseline, q) });

  return {
    questions: questions.length,
    passes,
    ours: {
      buildMs,
      loadMs,
      readyMs,
      queryP50Ms: median(ourSamples),
      queryP99Ms: percentile(ourSamples, 99),
      recallAt1: scoreEval(questions, (q) => ({ kind: 'search', ...ourAnswer(q.q) })).ranked.recallAt1,
      recallAt1Dev: scoreEval(dev, (q) => ({ kind: 'search', ...ourAnswer(q.q) })).ranked.recallAt1,
    },
    baseline: {
      buildMs: baselineBuildMs,
      loadMs: baselineLoadMs,
      queryP50Ms: median(baselineSamples),
      queryP99Ms: percentile(baselineSamples, 99),
      recallAt1: scoreEval(questions, (q) => ({ kind: 'search', ...baselineAnswer(q.q) })).ranked.recallAt1,
      recallAt1Dev: scoreEval(dev, (q) => ({ kind: 'search', ...baselineAnswer(q.q) })).ranked.recallAt1,
    },
  };
}
