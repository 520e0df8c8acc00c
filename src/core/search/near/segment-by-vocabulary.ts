/**
 * Splits text into the words of a vocabulary, the most probable way (jieba's own method on a
 * unigram model: the path through the text whose words' log-probabilities sum highest).
 *
 * The word vectors were trained on text jieba cut with its full dictionary, so a question is read
 * in those words, not in the app's trimmed dictionary (which keeps 草药 as 草 | 药): this is the
 * one segmentation the near meanings use, at build time over the whole vocabulary and at query
 * time over the words the table keeps.
 */

/** A word's log-probability, or undefined when the vocabulary lacks it. */
export type WordLogProbability = (word: string) => number | undefined;

/** The longest word tried. Longer vocabulary entries are names and rarely typed. */
export const MAX_WORD_LENGTH = 5;
/** A character that is no word of the vocabulary still has to be passed: far less likely than any word. */
const UNKNOWN_CHARACTER = -20;

export interface VocabularyWord {
  word: string;
  /** Offsets in the text. */
  start: number;
  end: number;
}

export function segmentByVocabulary(text: string, logProbability: WordLogProbability): VocabularyWord[] {
  const n = text.length;
  const best = new Float64Array(n + 1).fill(-Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const here = best[i] as number;
    if (here === -Infinity) continue;
    for (let length = 1; length <= MAX_WORD_LENGTH && i + length <= n; length++) {
      const logP = logProbability(text.slice(i, i + length)) ?? (length === 1 ? UNKNOWN_CHARACTER : undefined);
      if (logP === undefined) continue;
      if (here + logP > (best[i + length] as number)) {
        best[i + length] = here + logP;
        from[i + length] = i;
      }
    }
  }
  const words: VocabularyWord[] = [];
  for (let end = n; end > 0; end = from[end] as number) {
    const start = from[end] as number;
    words.push({ word: text.slice(start, end), start, end });
  }
  return words.reverse();
}
