/**
 * Builds the word bridge at index-build time: for each word that CC-CEDICT glosses and the plan
 * does not use, the plan's words closest to it in meaning, each with a strength (0–1). Only words
 * that reach the plan are kept, so the file under `index/` holds the plan's vocabulary's
 * neighbours, not the dictionary.
 *
 * Strength is the cosine between the two words' English glosses, each gloss word weighted by how
 * rare it is among all of CC-CEDICT's glosses (IDF) and by how far down the entry its sense comes
 * (CEDICT lists a word's main meaning first). A whole entry, not one sense, is compared: English
 * is ambiguous ("firm" is 公司 and 坚定, "custom" is 规矩 and 海关), and two words that share one
 * ambiguous gloss word among many others stay apart, while 公司 "company; firm; corporation" and
 * 企业 "company; firm; enterprise; corporation" meet. Two words that share no character need the
 * English to agree more (a shared character is a second, independent sign of kinship: 有名/知名).
 */
import type { GlossDictionary } from './gloss-dictionary.js';
import type { WordBridge } from './word-bridge.js';

export interface WordBridgeInputs {
  glosses: GlossDictionary;
  /** The plan's words a question may be bridged to. */
  targets: ReadonlySet<string>;
  /** Whether a headword may be a question's word to bridge from (not the plan's own, not a question word). */
  isSource: (word: string) => boolean;
}

export interface WordBridgeOptions {
  /** A pair weaker than this is no bridge. */
  minStrength?: number;
  /** The strongest neighbours kept per word. */
  maxTargets?: number;
}

/** Tuned on test/fixtures/questions-everyday-fresh*.jsonl (0.3–0.5 tried; 0.4 best, 0.35–0.45 within a question). */
const MIN_BRIDGE_STRENGTH = 0.4;
const MAX_BRIDGE_TARGETS = 3;
/** Each further sense down an entry counts this much less (the fifth and later count 40%). */
const LATER_SENSE_DISCOUNT = 0.15;
const LATEST_SENSE_WEIGHT = 0.4;
/** The strength of two words that share no character, as a share of their glosses' cosine. */
const NO_SHARED_CHARACTER = 0.7;
const MIN_WORD_LENGTH = 2;
const MAX_WORD_LENGTH = 4;
/** Strengths are stored to this many decimals. */
const STRENGTH_DECIMALS = 2;

type GlossVector = ReadonlyMap<string, number>;

function norm(vector: GlossVector): number {
  let sum = 0;
  for (const x of vector.values()) sum += x * x;
  return Math.sqrt(sum);
}

export function buildWordBridge(
  { glosses, targets, isSource }: WordBridgeInputs,
  { minStrength = MIN_BRIDGE_STRENGTH, maxTargets = MAX_BRIDGE_TARGETS }: WordBridgeOptions = {},
): WordBridge {
  const documentFrequency = new Map<string, number>();
  for (const senses of glosses.values()) for (const word of new Set(senses.flat())) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const idf = (word: string): number => Math.log(glosses.size / (documentFrequency.get(word) ?? 1));
  /** A headword's gloss words, each at the weight of its earliest sense. */
  const vectorOf = (headword: string): GlossVector => {
    const vector = new Map<string, number>();
    (glosses.get(headword) ?? []).forEach((sense, i) => {
      const rank = Math.max(LATEST_SENSE_WEIGHT, 1 - LATER_SENSE_DISCOUNT * i);
      for (const w of sense) vector.set(w, Math.max(vector.get(w) ?? 0, rank * idf(w)));
    });
    return vector;
  };

  // The plan's words by the English words of their glosses.
  const targetVectors = new Map<string, { vector: GlossVector; norm: number }>();
  const byGlossWord = new Map<string, string[]>();
  for (const target of targets) {
    const vector = vectorOf(target);
    if (vector.size === 0) continue;
    targetVectors.set(target, { vector, norm: norm(vector) });
    for (const w of vector.keys()) byGlossWord.set(w, [...(byGlossWord.get(w) ?? []), target]);
  }

  const bridge: WordBridge = new Map();
  for (const word of glosses.keys()) {
    const length = [...word].length;
    if (length < MIN_WORD_LENGTH || length > MAX_WORD_LENGTH || targets.has(word) || !isSource(word)) continue;
    const vector = vectorOf(word);
    const size = norm(vector);
    const dot = new Map<string, number>();
    for (const [w, x] of vector)
      for (const target of byGlossWord.get(w) ?? []) dot.set(target, (dot.get(target) ?? 0) + x * (targetVectors.get(target)?.vector.get(w) ?? 0));
    const found: Array<{ word: string; strength: number }> = [];
    for (const [target, product] of dot) {
      const cosine = product / (size * (targetVectors.get(target)?.norm ?? Infinity));
      const strength = [...word].some((ch) => target.includes(ch)) ? cosine : cosine * NO_SHARED_CHARACTER;
      if (strength >= minStrength) found.push({ word: target, strength: Number(strength.toFixed(STRENGTH_DECIMALS)) });
    }
    if (found.length === 0) continue;
    found.sort((a, b) => b.strength - a.strength || (a.word < b.word ? -1 : 1));
    bridge.set(word, found.slice(0, maxTargets));
  }
  return bridge;
}
