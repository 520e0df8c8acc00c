/**
 * What answering needs, loaded from disk at start-up: every plan in the library (PLANS_DIR, the
 * repository's `seeds/` by default), each with its search index, and the lexicons they share.
 * The plan this project ships, alone, opens from its prebuilt index in `index/` as it always has;
 * several plans share one dictionary and keep their indexes in a cache between starts.
 */
import { SEEDS_DIR, PLAN_SEED_FILE, PROJECT_ROOT } from '../paths.js';
import { readPlanFiles, planLibrary, type PlanLibrary } from '../plan/plan-library.js';
import { openPlanIndexes } from '../search/index/open-plan-indexes.js';
import { loadLexicon } from '../search/lexicon/load-lexicon.js';
import { createPlanSearch } from '../search/plan-search.js';
import { join, relative } from 'node:path';
import type { AnswerContext } from './answer-values.js';

/** The plans and a search over each: what every answer is computed from. */
export interface AnswerLibrary {
  readonly plans: PlanLibrary;
  /** Newest plan first. */
  readonly contexts: readonly AnswerContext[];
  /** The plan answers use when nobody names a year (CURRENT_PLAN). */
  readonly current: AnswerContext;
  find(id: string): AnswerContext | undefined;
}

export interface OpenAnswerLibraryOptions {
  /** PLANS_DIR: the folder of plan files. */
  plansDir?: string;
  /** CURRENT_PLAN: the id of the plan answers use by default (the newest when absent). */
  currentPlan?: string;
  indexDir?: string;
  /** Where the indexes of a library of several plans are kept between starts. */
  cacheDir?: string;
  /** Called when the prebuilt index cannot be used and is rebuilt. */
  onStaleIndex?: (reason: string) => void;
  /** Called when the indexes of several plans were built or loaded, with how long it took. */
  onIndexesBuilt?: (info: { plans: number; ms: number; cached: boolean }) => void;
}

/** A library over contexts already made (tests, and the library opened below). */
export function answerLibrary(plans: PlanLibrary, contexts: readonly AnswerContext[]): AnswerLibrary {
  const byId = new Map(contexts.map((c) => [c.plan.id, c]));
  const current = byId.get(plans.current.id);
  if (!current) throw new Error(`no search for the current plan ${plans.current.id}`);
  return { plans, contexts: plans.plans.map((p) => byId.get(p.id)).filter((c): c is AnswerContext => c !== undefined), current, find: (id) => byId.get(id) };
}

export function openAnswerLibrary(options: OpenAnswerLibraryOptions = {}): AnswerLibrary {
  const files = readPlanFiles(options.plansDir ?? SEEDS_DIR);
  const plans = planLibrary(files, options.currentPlan);
  const lexicon = loadLexicon();
  const indexes = openPlanIndexes({
    plans: files.map(({ plan, file }) => ({ plan, file: join(PROJECT_ROOT, file) === file ? file : relative(PROJECT_ROOT, file).startsWith('..') ? file : join(PROJECT_ROOT, file) })),
    lexicon,
    shippedPlanFile: PLAN_SEED_FILE,
    ...(options.indexDir ? { indexDir: options.indexDir } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.onStaleIndex ? { onStale: options.onStaleIndex } : {}),
    ...(options.onIndexesBuilt ? { onBuilt: options.onIndexesBuilt } : {}),
  });
  const contexts = plans.plans.map((plan) => {
    const index = indexes.get(plan.id);
    if (!index) throw new Error(`no index for plan ${plan.id}`);
    return { plan, search: createPlanSearch(plan, index, lexicon) };
  });
  return answerLibrary(plans, contexts);
}
