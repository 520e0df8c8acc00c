/**
 * Everyday Chinese wording → the plan's wording, from `lexicon/synonyms.txt`. The question is
 * scanned for the listed words, longest first and without overlaps (卖假货 before 假货).
 */
import type { LexiconEntry } from '../lexicon/load-lexicon.js';

export interface SynonymMatch {
  word: string;
  start: number;
  end: number;
  /** The plan wording it stands for. */
  targets: string[];
}

export type FindSynonyms = (folded: string) => SynonymMatch[];

export function createSynonymFinder(entries: readonly LexiconEntry[]): FindSynonyms {
  const targets = new Map<string, string[]>();
  for (const entry of entries) {
    for (const from of entry.from) targets.set(from, [...new Set([...(targets.get(from) ?? []), ...entry.to])]);
  }
  const lengths = [...new Set([...targets.keys()].map((k) => k.length))].sort((a, b) => b - a);

  return function findSynonyms(folded: string): SynonymMatch[] {
    const found: SynonymMatch[] = [];
    let i = 0;
    while (i < folded.length) {
      let advanced = false;
      for (const length of lengths) {
        const word = folded.slice(i, i + length);
        const to = word.length === length ? targets.get(word) : undefined;
        if (to) {
          found.push({ word, start: i, end: i + length, targets: to });
          i += length;
          advanced = true;
          break;
        }
      }
      if (!advanced) i += 1;
    }
    return found;
  };
}
