/**
 * Builds the near-meaning table from word vectors: the plan's words (each document's targets) are
 * numbered, and every word of the vocabulary that may be asked about gets the targets whose cosine
 * with it reaches {@link NearMeaningsOptions.minCosine}, nearest first, at most
 * {@link NearMeaningsOptions.maxNeighbours}. A target is near itself (cosine 1), so a question in
 * the plan's words meets them too.
 */
import type { WordVectors } from './word-vectors.js';
import { CLASS_SCALE, RANK_OFFSET, type NearMeaningsHeader, type NearMeaningsTable, type Neighbour } from './near-meanings.js';

export interface NearMeaningsOptions {
  /** Below this cosine two words are related at most, not near in meaning. */
  minCosine?: number;
  /** Neighbours kept per word. */
  maxNeighbours?: number;
}

/** Word vectors of this kind put related words at 0.4–0.5 and words of one field at 0.5 and up. */
export const DEFAULT_MIN_COSINE = 0.5;
export const DEFAULT_MAX_NEIGHBOURS = 24;

export interface NearMeaningsInput {
  vectors: WordVectors;
  /** Each document's candidate targets; those the vectors lack are left out. */
  documents: ReadonlyArray<{ id: string; candidates: readonly string[] }>;
  /** Whether a vocabulary word may be asked about (and so gets neighbours). */
  isSource(word: string): boolean;
  header: NearMeaningsHeader;
}

export function frequencyClass(rank: number): number {
  return Math.round(Math.log(rank + RANK_OFFSET) * CLASS_SCALE);
}

export function buildNearMeanings(input: NearMeaningsInput, options: NearMeaningsOptions = {}): NearMeaningsTable {
  const { minCosine = DEFAULT_MIN_COSINE, maxNeighbours = DEFAULT_MAX_NEIGHBOURS } = options;
  const { vectors } = input;
  const position = new Map<string, number>();
  vectors.words.forEach((word, i) => {
    if (!position.has(word)) position.set(word, i);
  });
  const targets = [...new Set(input.documents.flatMap((d) => d.candidates.filter((w) => position.has(w))))].sort();
  const number = new Map(targets.map((t, i) => [t, i]));
  const targetPositions = targets.map((t) => position.get(t) as number);
  const documents = new Map(input.documents.map((d) => [d.id, [...new Set(d.candidates.flatMap((w) => number.get(w) ?? []))].sort((a, b) => a - b)]));

  // The targets' vectors side by side, so each word meets them in one pass over memory.
  const { dimensions, values } = vectors;
  const matrix = new Float32Array(targets.length * dimensions);
  targetPositions.forEach((at, t) => matrix.set(values.subarray(at * dimensions, (at + 1) * dimensions), t * dimensions));
  const words: NearMeaningsTable['words'] = new Map();
  vectors.words.forEach((word, rank) => {
    if (position.get(word) !== rank || !input.isSource(word)) return;
    const neighbours: Neighbour[] = [];
    const own = rank * dimensions;
    for (let target = 0; target < targets.length; target++) {
      const row = target * dimensions;
      let cosine = 0;
      for (let d = 0; d < dimensions; d++) cosine += (values[own + d] as number) * (matrix[row + d] as number);
      if (cosine >= minCosine) neighbours.push({ target, cosine: Math.min(1, cosine) });
    }
    if (neighbours.length === 0) return;
    neighbours.sort((a, b) => b.cosine - a.cosine || a.target - b.target);
    words.set(word, { frequencyClass: frequencyClass(rank), neighbours: neighbours.slice(0, maxNeighbours) });
  });
  return { header: input.header, targets, documents, words };
}
