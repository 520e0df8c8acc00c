/**
 * What answering needs, loaded from the repository: the plan from `seeds/`, the lexicons, the
 * search index from `index/` (rebuilt in memory, with a warning, when it is stale), and the
 * search over them. Built once at start-up.
 */
import { loadPlan } from '../plan/load-plan.js';
import { openSearchIndex } from '../search/index/open-search-index.js';
import { loadLexicon } from '../search/lexicon/load-lexicon.js';
import { createPlanSearch } from '../search/plan-search.js';
import type { AnswerContext } from './answer-values.js';

export interface OpenAnswerContextOptions {
  indexDir?: string;
  planFile?: string;
  /** Called when the prebuilt index cannot be used and is rebuilt. */
  onStaleIndex?: (reason: string) => void;
  /** Called when index/near-meanings.tsv cannot be used: everyday wording is then read without it. */
  onNearMeaningsOff?: (reason: string) => void;
}

export function openAnswerContext(options: OpenAnswerContextOptions = {}): AnswerContext {
  const plan = loadPlan(options.planFile);
  const lexicon = loadLexicon();
  const index = openSearchIndex({
    plan,
    lexicon,
    ...(options.indexDir ? { dir: options.indexDir } : {}),
    ...(options.onStaleIndex ? { onStale: options.onStaleIndex } : {}),
    ...(options.onNearMeaningsOff ? { onNearMeaningsOff: options.onNearMeaningsOff } : {}),
  });
  return { plan, search: createPlanSearch(plan, index, lexicon) };
}
