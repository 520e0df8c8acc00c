/**
 * Search figures for four engines over the same plan and questions, measured in one process and
 * interleaved: every question is put to every engine in turn (the order rotating from question
 * to question), so a slow patch of the shared machine slows them all alike.
 *
 * - ours: the product's search (plan dictionary, query understanding, ranking), `askQuestion`;
 * - plain: MiniSearch (BM25) over jieba words, nothing else: what a first version would be;
 * - flexsearch: FlexSearch over the same jieba words;
 * - bigram: MiniSearch over character bigrams (the earlier baseline).
 *
 * Each figure is taken in several rounds and reported as min / median / max of the rounds.
 */
import { join } from 'node:path';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import type { AnswerContext } from '../../src/core/answer/answer-values.js';
import { askQuestion } from '../../src/core/answer/ask-question.js';
import { loadEvalQuestions, type EvalQuestion } from '../../src/core/eval/eval-questions.js';
import { scoreEval, type EvalAnswer } from '../../src/core/eval/score-eval.js';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { loadPlan } from '../../src/core/plan/load-plan.js';
import type { Plan } from '../../src/core/plan/plan-schema.js';
import { buildIndexArtifacts } from '../../src/core/search/index/build-search-index.js';
import { openSearchIndex } from '../../src/core/search/index/open-search-index.js';
import { loadLexicon } from '../../src/core/search/lexicon/load-lexicon.js';
import { createPlanSearch } from '../../src/core/search/plan-search.js';
import { cutWords } from '../../src/core/search/text/jieba.js';
import { parseDocId, planDocuments, type SearchDocument } from '../../src/core/search/index/search-document.js';
import { baselineSearch, buildBaseline, loadBaseline } from './bigram-baseline.js';
import { percentile, spread, timeMs, type Spread } from './stats.js';

/** The evaluation questions in the repository: the development copy and the team's. */
export const QUESTION_FILES = [join(PROJECT_ROOT, 'test', 'fixtures', 'questions-dev.jsonl'), join(PROJECT_ROOT, 'test', 'fixtures', 'questions-team.jsonl')];

export const ENGINES = ['ours', 'plain', 'flexsearch', 'bigram'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface EngineFigures {
  buildMs: Spread;
  /** Opening a saved index (absent for FlexSearch, whose export is asynchronous and chunked). */
  loadMs?: Spread;
  queryP50Ms: Spread;
  queryP99Ms: Spread;
  recallAt1: number;
  recallAt1Dev: number;
}

export interface SearchFigures {
  questions: number;
  rounds: number;
  passesPerRound: number;
  engines: Record<EngineName, EngineFigures>;
}

interface Engine {
  build(): void;
  load?(): void;
  /** Measure numbers, best first. */
  answer(question: string): number[];
}

const WARMUP_PASSES = 2;
const BUILD_RUNS_PER_ROUND = 1;
const LOAD_RUNS_PER_ROUND = 5;

const words = (text: string) => cutWords(text.toLowerCase()).filter((w) => /[\p{L}\p{N}]/u.test(w));

function measureNumbers(ids: ReadonlyArray<string | number>): number[] {
  return ids.flatMap((id) => {
    const ref = parseDocId(String(id));
    return ref.type === 'measure' ? [ref.number] : [];
  });
}

const PLAIN_OPTIONS = {
  fields: ['text', 'areaTitle'],
  storeFields: [],
  tokenize: words,
  processTerm: (t: string) => t,
  searchOptions: { boost: { text: 1, areaTitle: 0.2 } },
};

function plainEngine(plan: Plan): Engine {
  let index = new MiniSearch<SearchDocument>(PLAIN_OPTIONS);
  const build = () => {
    index = new MiniSearch<SearchDocument>(PLAIN_OPTIONS);
    index.addAll(planDocuments(plan));
  };
  build();
  const saved = JSON.stringify(index);
  return {
    build,
    load: () => void (index = MiniSearch.loadJSON<SearchDocument>(saved, PLAIN_OPTIONS)),
    answer: (q) => measureNumbers(index.search(q).map((r) => r.id)),
  };
}

function flexEngine(plan: Plan): Engine {
  const make = () => new FlexSearch.Index({ tokenize: 'strict', encoder: new FlexSearch.Encoder({ normalize: false, split: ' ' }) });
  let index = make();
  const build = () => {
    index = make();
    for (const doc of planDocuments(plan)) index.add(doc.id, words(`${doc.text} ${doc.areaTitle}`).join(' '));
  };
  build();
  return { build, answer: (q) => measureNumbers(index.search(words(q).join(' '), { limit: 10, suggest: true })) };
}

function bigramEngine(plan: Plan): Engine {
  let index = buildBaseline(plan);
  const saved = JSON.stringify(index);
  return { build: () => void (index = buildBaseline(plan)), load: () => void (index = loadBaseline(saved)), answer: (q) => baselineSearch(index, q) };
}

function oursEngine(plan: Plan): Engine {
  const lexicon = loadLexicon();
  let ctx: AnswerContext = { plan, search: createPlanSearch(plan, openSearchIndex({ plan, lexicon }), lexicon) };
  return {
    build: () => void buildIndexArtifacts(plan, lexicon),
    load: () => void (ctx = { plan, search: createPlanSearch(plan, openSearchIndex({ plan, lexicon }), lexicon) }),
    answer: (q) => askQuestion(ctx, q, { limit: 10 }).results.map((r) => r.number),
  };
}

/** `run(engine)` for every engine, the starting engine rotating with `turn`. */
function inTurn(turn: number, run: (name: EngineName) => void): void {
  for (let i = 0; i < ENGINES.length; i++) {
    const name = ENGINES[(turn + i) % ENGINES.length];
    if (name) run(name);
  }
}

export function benchSearch({ rounds, passesPerRound }: { rounds: number; passesPerRound: number }): SearchFigures {
  const plan = loadPlan();
  const [dev = [], team = []] = QUESTION_FILES.map((f) => loadEvalQuestions(f));
  const questions: EvalQuestion[] = [...dev, ...team];
  const engines: Record<EngineName, Engine> = { ours: oursEngine(plan), plain: plainEngine(plan), flexsearch: flexEngine(plan), bigram: bigramEngine(plan) };

  const perRound = (): Record<EngineName, number[]> => ({ ours: [], plain: [], flexsearch: [], bigram: [] });
  const build = perRound();
  const load = perRound();
  const p50 = perRound();
  const p99 = perRound();

  for (let pass = 0; pass < WARMUP_PASSES; pass++) questions.forEach((q, i) => inTurn(i, (name) => void engines[name].answer(q.q)));
  for (let round = 0; round < rounds; round++) {
    const buildSamples = perRound();
    const loadSamples = perRound();
    const querySamples = perRound();
    for (let i = 0; i < BUILD_RUNS_PER_ROUND; i++) inTurn(round + i, (name) => buildSamples[name].push(timeMs(() => engines[name].build())));
    for (let i = 0; i < LOAD_RUNS_PER_ROUND; i++) {
      inTurn(round + i, (name) => {
        const open = engines[name].load;
        if (open) loadSamples[name].push(timeMs(open));
      });
    }
    for (let pass = 0; pass < passesPerRound; pass++) {
      questions.forEach((q, i) => inTurn(i + pass, (name) => querySamples[name].push(timeMs(() => engines[name].answer(q.q)))));
    }
    for (const name of ENGINES) {
      build[name].push(percentile(buildSamples[name], 50));
      if (loadSamples[name].length > 0) load[name].push(percentile(loadSamples[name], 50));
      p50[name].push(percentile(querySamples[name], 50));
      p99[name].push(percentile(querySamples[name], 99));
    }
  }

  const figures = (name: EngineName): EngineFigures => {
    const answer = (q: EvalQuestion): EvalAnswer => ({ kind: 'search', numbers: engines[name].answer(q.q) });
    return {
      buildMs: spread(build[name]),
      ...(load[name].length > 0 ? { loadMs: spread(load[name]) } : {}),
      queryP50Ms: spread(p50[name]),
      queryP99Ms: spread(p99[name]),
      recallAt1: scoreEval(questions, answer).ranked.recallAt1,
      recallAt1Dev: scoreEval(dev, answer).ranked.recallAt1,
    };
  };
  return {
    questions: questions.length,
    rounds,
    passesPerRound,
    engines: { ours: figures('ours'), plain: figures('plain'), flexsearch: figures('flexsearch'), bigram: figures('bigram') },
  };
}
