/**
 * The word bridge: everyday words the plan never uses → the plan's words that mean nearly the
 * same, by a general-purpose dictionary (CC-CEDICT's English senses as a pivot; see
 * build-word-bridge.ts). It is built with `index/` and read from `index/word-bridge.tsv` at
 * start-up; a question's word reaches the plan through it with less credit than through the
 * concept lexicon, and only where neither its own words nor the lexicons reach the plan.
 *
 * The file holds one word a line, its neighbours after it, each with its strength, tab-separated,
 * so a rebuild's changes read as a diff:
 *
 *   外贸	贸易 0.72	自由贸易 0.52	贸易协定 0.48
 *
 * Start-up checks the whole file against one pattern and indexes its lines; a word's neighbours
 * are decoded when a question first uses it (a few milliseconds in all, where validating and
 * building five thousand small records would cost a hundred).
 */
import { z } from 'zod';

export interface BridgeTarget {
  /** A word of the plan's. */
  word: string;
  /** How close in meaning (0–1). */
  strength: number;
}

/** The bridge as built: word → its neighbours, strongest first. */
export type WordBridge = Map<string, BridgeTarget[]>;

/** The bridge as a search reads it. */
export interface BridgeLookup {
  /** How many words it reads. */
  readonly size: number;
  /** The lengths of its words, longest first (what a scan of a question tries). */
  readonly lengths: readonly number[];
  get(word: string): readonly BridgeTarget[] | undefined;
}

const STRENGTH = String.raw`(?:0\.\d*[1-9]\d*|1)`;
const WORD = String.raw`\p{Script=Han}+`;
const FILE_PATTERN = new RegExp(String.raw`^(?:${WORD}(?:\t${WORD} ${STRENGTH})+\n)*$`, 'u');

export const WordBridgeFileSchema = z
  .string()
  .regex(FILE_PATTERN, 'each line must be a word, then tab-separated "plan-word strength" pairs (strength in (0, 1]); run npm run build:index');

export function formatWordBridge(bridge: WordBridge): string {
  return [...bridge.keys()]
    .sort()
    .map((word) => `${word}\t${(bridge.get(word) ?? []).map((t) => `${t.word} ${t.strength}`).join('\t')}\n`)
    .join('');
}

function decodeTargets(line: string): BridgeTarget[] {
  return line.split('\t').map((pair) => {
    const [word = '', strength = ''] = pair.split(' ');
    return { word, strength: Number(strength) };
  });
}

function lengthsOf(words: Iterable<string>): number[] {
  return [...new Set([...words].map((w) => w.length))].sort((a, b) => b - a);
}

/** Reads `index/word-bridge.tsv`; throws a ZodError naming the fix when it is not a word bridge. */
export function parseWordBridge(text: string): BridgeLookup {
  WordBridgeFileSchema.parse(text);
  const lines = new Map<string, string>();
  for (let start = 0; start < text.length; ) {
    const tab = text.indexOf('\t', start);
    const end = text.indexOf('\n', tab);
    lines.set(text.slice(start, tab), text.slice(tab + 1, end));
    start = end + 1;
  }
  const decoded = new Map<string, BridgeTarget[]>();
  return {
    size: lines.size,
    lengths: lengthsOf(lines.keys()),
    get(word) {
      let targets = decoded.get(word);
      const line = lines.get(word);
      if (targets === undefined && line !== undefined) decoded.set(word, (targets = decodeTargets(line)));
      return targets;
    },
  };
}

/** A bridge held in memory as a lookup (tests, and a search without the bridge: `bridgeLookup(new Map())`). */
export function bridgeLookup(bridge: ReadonlyMap<string, readonly BridgeTarget[]>): BridgeLookup {
  return { size: bridge.size, lengths: lengthsOf(bridge.keys()), get: (word) => bridge.get(word) };
}

export interface RelatedMatch {
  word: string;
  start: number;
  end: number;
  targets: readonly BridgeTarget[];
}

/** Finds the bridge's words in folded text, longest first and without overlaps (as the synonym finder does). */
export type FindRelated = (folded: string) => RelatedMatch[];

export function createRelatedFinder(bridge: BridgeLookup): FindRelated {
  return function findRelated(folded: string): RelatedMatch[] {
    const found: RelatedMatch[] = [];
    let i = 0;
    while (i < folded.length) {
      let advanced = false;
      for (const length of bridge.lengths) {
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
