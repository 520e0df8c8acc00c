/**
 * A question's ranking by near meanings: the plan's measures ordered by how near their words are
 * to the question's, word by word (a "soft match"). Each of the question's words counts once per
 * measure, for the measure's word nearest to it (at least {@link MIN_COSINE}), weighted by how
 * rare that word is in the plan; a measure's sum is divided by a small power of its number of
 * words, so long measures do not win by length alone.
 *
 * The question is read in the vectors' own vocabulary (segment-by-vocabulary.ts), which knows
 * everyday words the app's dictionary does not (草药, 山歌, 借钱).
 */
import { FUNCTION_WORDS, QUESTION_WORDS } from '../text/stop-words.js';
import type { NearMeanings } from './near-meanings.js';
import { withShapingWords } from './plan-near-meanings.js';
import { segmentByVocabulary } from './segment-by-vocabulary.js';

/** Nearer than this, a measure's word stands for the question's. */
export const MIN_COSINE = 0.5;
/** Sums are divided by (number of words)^LENGTH_DAMPING: 0 would favour long measures, 1 short ones. */
const LENGTH_DAMPING = 0.3;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** A measure's place in the ranking (the shape of a semantic ranking's match, so it fuses the same way). */
export interface NearMatch {
  /** The index's id: `m42`. */
  id: string;
  similarity: number;
}

export interface NearMeaningRanker {
  /** The words of `folded` the ranking reads (for explaining it). */
  words(folded: string): string[];
  /** Measures best first; empty when no word of the question is near any of theirs. */
  rank(folded: string): NearMatch[];
}

export function createNearMeaningRanker(near: NearMeanings): NearMeaningRanker {
  const logProbability = withShapingWords((word) => near.logProbability(word));
  const df = new Array<number>(near.targets.length).fill(0);
  for (const targets of near.documents.values()) for (const t of targets) df[t] = (df[t] ?? 0) + 1;
  const total = near.documents.size;
  const idf = df.map((d) => Math.log(1 + (total - d + 0.5) / (d + 0.5)));
  const measures = [...near.documents].filter(([id, targets]) => id.startsWith('m') && targets.length > 0);

  function words(folded: string): string[] {
    const read = segmentByVocabulary(folded, logProbability).map((s) => s.word);
    return [...new Set(read)].filter((w) => HAN_WORD.test(w) && !QUESTION_WORDS.has(w) && !FUNCTION_WORDS.has(w) && (near.neighbours(w)?.length ?? 0) > 0);
  }

  function rank(folded: string): NearMatch[] {
    const nearness = words(folded).map((w) => {
      const byTarget = new Map<number, number>();
      for (const n of near.neighbours(w) ?? []) if (n.cosine >= MIN_COSINE) byTarget.set(n.target, n.cosine * (idf[n.target] ?? 0));
      return byTarget;
    });
    const ranked: NearMatch[] = [];
    for (const [id, targets] of measures) {
      let sum = 0;
      for (const byTarget of nearness) {
        let best = 0;
        for (const t of targets) best = Math.max(best, byTarget.get(t) ?? 0);
        sum += best;
      }
      if (sum > 0) ranked.push({ id, similarity: sum / targets.length ** LENGTH_DAMPING });
    }
    return ranked.sort((a, b) => b.similarity - a.similarity);
  }

  return { words, rank };
}
