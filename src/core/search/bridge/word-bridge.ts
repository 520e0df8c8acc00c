/**
 * The word bridge: everyday words the plan never uses → the plan's words that mean nearly the
 * same, by a general-purpose dictionary (CC-CEDICT's English senses as a pivot; see
 * build-word-bridge.ts). It is built with `index/` and read from `index/word-bridge.json` at
 * start-up; a question's word reaches the plan through it with less credit than through the
 * concept lexicon, and only where neither its own words nor the lexicons reach the plan.
 *
 * The file holds one word a line, so a rebuild's changes read as a diff:
 *
 *   {"words":{
 *   "外贸":[["贸易",0.72],["自由贸易",0.52],["贸易协定",0.48]],
 *   …
 *   }}
 */
import { z } from 'zod';

export interface BridgeTarget {
  /** A word of the plan's. */
  word: string;
  /** How close in meaning (0–1). */
  strength: number;
}

export type WordBridge = Map<string, BridgeTarget[]>;

export const WordBridgeFileSchema = z.object({
  words: z.record(z.string().min(1), z.array(z.tuple([z.string().min(1), z.number().gt(0).lte(1)])).min(1)),
});

export function formatWordBridge(bridge: WordBridge): string {
  const lines = [...bridge.keys()].sort().map((word) => `${JSON.stringify(word)}:${JSON.stringify((bridge.get(word) ?? []).map((t) => [t.word, t.strength]))}`);
  return `{"words":{\n${lines.join(',\n')}\n}}\n`;
}

/** Parses `index/word-bridge.json`; throws (with zod's reasons) when it is not a word bridge. */
export function parseWordBridge(json: string): WordBridge {
  const file = WordBridgeFileSchema.parse(JSON.parse(json));
  return new Map(Object.entries(file.words).map(([word, targets]) => [word, targets.map(([target, strength]) => ({ word: target, strength }))]));
}

export interface RelatedMatch {
  word: string;
  start: number;
  end: number;
  targets: readonly BridgeTarget[];
}

/** Finds the bridge's words in folded text, longest first and without overlaps (as the synonym finder does). */
export type FindRelated = (folded: string) => RelatedMatch[];

export function createRelatedFinder(bridge: ReadonlyMap<string, readonly BridgeTarget[]>): FindRelated {
  const lengths = [...new Set([...bridge.keys()].map((k) => k.length))].sort((a, b) => b - a);
  return function findRelated(folded: string): RelatedMatch[] {
    const found: RelatedMatch[] = [];
    let i = 0;
    while (i < folded.length) {
      let advanced = false;
      for (const length of lengths) {
        const word = folded.slice(i, i + length);
        const targets = word.length === length ? bridge.get(word) : undefined;
        if (targets) {
          found.push({ word, start: i, end: i + length, targets });
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
