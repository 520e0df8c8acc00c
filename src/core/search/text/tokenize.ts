/**
 * Text → search terms, for the plan and for questions alike (MiniSearch's `tokenize` trap: without
 * this, a Chinese sentence would be one "word").
 *
 * 1. fold (full-width → ASCII, lower case);
 * 2. segment with jieba over the plan dictionary;
 * 3. for every word of three or more characters, also emit the dictionary words inside it
 *    (知识产权战略 → 知识产权, 战略): a question that says less than the plan still meets it;
 * 4. drop punctuation, whitespace and function words (的, 和 …).
 */
import { cutWords } from './jieba.js';
import { foldText } from './fold-text.js';
import { FUNCTION_WORDS } from './stop-words.js';

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const MIN_INNER_WORD = 2;
/** Longer inner words are titles inside titles; those are rare and found as names anyway. */
const MAX_INNER_WORD = 12;

export type Tokenize = (text: string) => string[];

/** One segmented word of folded text, with the search terms it yields. */
export interface SegmentedWord {
  word: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
  /** The word itself (unless a function word) followed by the dictionary words inside it. */
  terms: string[];
  /** The dictionary words inside it only. */
  innerTerms: string[];
}

export interface Tokenizer {
  /** Folds and segments; words without letters or digits (punctuation, spaces) are left out. */
  segment(text: string): SegmentedWord[];
  /** All terms of `text`, in order: what MiniSearch indexes. */
  tokenize: Tokenize;
}

export function createTokenizer(vocabulary: ReadonlySet<string>): Tokenizer {
  function innerWords(word: string): string[] {
    const inner: string[] = [];
    if (word.length < 3) return inner;
    for (let start = 0; start < word.length - 1; start++) {
      for (let len = MIN_INNER_WORD; len <= MAX_INNER_WORD && start + len <= word.length; len++) {
        if (len === word.length) continue;
        const candidate = word.slice(start, start + len);
        if (vocabulary.has(candidate) && !FUNCTION_WORDS.has(candidate)) inner.push(candidate);
      }
    }
    return inner;
  }

  function segment(text: string): SegmentedWord[] {
    const folded = foldText(text);
    const words: SegmentedWord[] = [];
    let position = 0;
    for (const word of cutWords(folded)) {
      const start = folded.indexOf(word, position);
      const at = start < 0 ? position : start;
      position = at + word.length;
      if (!HAS_WORD_CHAR.test(word)) continue;
      const innerTerms = innerWords(word);
      const terms = FUNCTION_WORDS.has(word) ? innerTerms : [word, ...innerTerms];
      words.push({ word, start: at, end: at + word.length, terms, innerTerms });
    }
    return words;
  }

  return {
    segment,
    tokenize: (text) => segment(text).flatMap((w) => w.terms),
  };
}
