/**
 * Cuts jieba's 350,000-word dictionary down to what this app needs, so it loads in tens of
 * milliseconds instead of a second:
 *
 * - the words the plan's text and the lexicon are segmented into, and the words inside those;
 * - everyday words, so a question's words the plan never uses stay whole instead of falling
 *   apart into characters (天气, 股票), and words that *contain* a plan word stay whole too, so
 *   世界杯 does not match the plan's 世界 nor 人工智能 its 人工.
 *
 * The plan's segmentation is exactly the full dictionary's: every word jieba chose is kept and
 * only alternatives are dropped, while two placeholder entries keep the total and the minimum
 * frequency, the two figures jieba derives every word weight from.
 */
import { readFileSync } from 'node:fs';
import { cutWords, loadJieba, JIEBA_BASE_DICT } from '../text/jieba.js';
import { parseDictionary, type DictionaryEntry } from './dictionary-entry.js';

/** The most frequent words of jieba's dictionary kept as everyday vocabulary. */
const EVERYDAY_WORDS = 8000;
/** Words containing a plan word are kept from this frequency up (rarer ones seldom appear in questions). */
const MIN_CONTAINING_FREQ = 5;
const MIN_CONTAINED_LENGTH = 2;

/** Private-use characters: they never occur in text, so these entries only carry weight. */
export const MASS_PLACEHOLDER = '\uE000';
export const MIN_FREQ_PLACEHOLDER = '\uE001';
export const PLACEHOLDERS: ReadonlySet<string> = new Set([MASS_PLACEHOLDER, MIN_FREQ_PLACEHOLDER]);

export interface TrimmedDictionary {
  entries: DictionaryEntry[];
  /** Sum of all frequencies, as jieba computes it (placeholders included). */
  totalFreq: number;
  minFreq: number;
}

function innerStrings(words: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const word of words) {
    for (let i = 0; i < word.length; i++) {
      for (let j = i + 1; j <= word.length; j++) found.add(word.slice(i, j));
    }
  }
  return found;
}

/** `texts`: folded plan text and lexicon words. Loads jieba's full dictionary while it runs. */
export function trimBaseDictionary(texts: readonly string[], baseFile = JIEBA_BASE_DICT): TrimmedDictionary {
  loadJieba(baseFile);
  const used = innerStrings(new Set(texts.flatMap((t) => cutWords(t))));
  const base = parseDictionary(readFileSync(baseFile, 'utf8'));
  const everyday = new Set(
    [...base]
      .sort((a, b) => b.freq - a.freq)
      .slice(0, EVERYDAY_WORDS)
      .map((e) => e.word),
  );
  const containsPlanWord = (word: string): boolean => {
    for (let i = 0; i < word.length; i++) {
      for (let l = MIN_CONTAINED_LENGTH; i + l <= word.length; l++) {
        if (l < word.length && used.has(word.slice(i, i + l)) && word.slice(i, i + l).length >= MIN_CONTAINED_LENGTH) return true;
      }
    }
    return false;
  };
  const keep = (entry: DictionaryEntry): boolean =>
    used.has(entry.word) ||
    everyday.has(entry.word) ||
    (entry.freq >= MIN_CONTAINING_FREQ && entry.word.length > MIN_CONTAINED_LENGTH && containsPlanWord(entry.word));
  let totalFreq = 0;
  let keptFreq = 0;
  let minFreq = Infinity;
  const entries: DictionaryEntry[] = [];
  for (const entry of base) {
    totalFreq += entry.freq;
    minFreq = Math.min(minFreq, entry.freq);
    if (keep(entry)) {
      entries.push(entry);
      keptFreq += entry.freq;
    }
  }
  entries.push({ word: MASS_PLACEHOLDER, freq: totalFreq - keptFreq - minFreq, tag: 'x' });
  entries.push({ word: MIN_FREQ_PLACEHOLDER, freq: minFreq, tag: 'x' });
  return { entries, totalFreq, minFreq };
}
