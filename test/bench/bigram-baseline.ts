/**
 * The baseline the search is measured against: MiniSearch over the same documents with Chinese
 * character bigrams as terms and no query understanding (no dictionary, no numbers, no synonyms,
 * no English, no Traditional conversion, no typo correction, no coverage scaling).
 */
import MiniSearch from 'minisearch';
import type { Plan } from '../../src/core/plan/plan-schema.js';
import { planDocuments, parseDocId, type SearchDocument } from '../../src/core/search/index/search-document.js';

function bigrams(text: string): string[] {
  const terms: string[] = [];
  for (const run of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (run.length === 1) terms.push(run);
    for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
  }
  return terms;
}

export const BASELINE_OPTIONS = {
  fields: ['text', 'areaTitle'],
  storeFields: [],
  tokenize: bigrams,
  processTerm: (t: string) => t,
  searchOptions: { boost: { text: 1, areaTitle: 0.2 } },
};

export function buildBaseline(plan: Plan): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(BASELINE_OPTIONS);
  index.addAll(planDocuments(plan));
  return index;
}

export function loadBaseline(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, BASELINE_OPTIONS);
}

/** Measure numbers, best first. */
export function baselineSearch(index: MiniSearch<SearchDocument>, question: string): number[] {
  return index.search(question).flatMap((r) => {
    const ref = parseDocId(String(r.id));
    return ref.type === 'measure' ? [ref.number] : [];
  });
}
