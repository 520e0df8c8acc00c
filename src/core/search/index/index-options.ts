/**
 * The MiniSearch options shared by the index build and the index load: `MiniSearch.loadJSON`
 * needs exactly the options the index was built with, so both take them from here.
 */
import type { Options } from 'minisearch';
import type { Tokenize } from '../text/tokenize.js';
import type { SearchDocument } from './search-document.js';

/** Questions arrive already analysed into terms, joined by this character. */
export const QUERY_TERM_SEPARATOR = '\u0001';

/** An area's title says what all its measures are about, but much less than a measure's own text. */
export const FIELD_BOOSTS = { text: 1, areaTitle: 0.2 } as const;

export function indexOptions(tokenize: Tokenize): Options<SearchDocument> {
  return {
    idField: 'id',
    fields: ['text', 'areaTitle'],
    storeFields: [],
    tokenize,
    // Terms are already folded by the tokenizer; MiniSearch's default would lower-case again.
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (query) => query.split(QUERY_TERM_SEPARATOR).filter(Boolean),
      processTerm: (term) => term,
      boost: { ...FIELD_BOOSTS },
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
    },
  };
}
