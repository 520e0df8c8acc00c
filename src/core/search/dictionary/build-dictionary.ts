/**
 * Builds the plan dictionary jieba segments with: jieba's own words that occur in the plan or the
 * lexicon, plus the names the plan marks (《…》, “…”), the phrases it keeps repeating (专利导航)
 * and the lexicon's Chinese words (假货, 两法衔接), each given just enough frequency that jieba
 * keeps it whole (jieba's `suggest_freq` rule).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '../../plan/plan-schema.js';
import type { Lexicon } from '../lexicon/load-lexicon.js';
import { cutWords, forgetLoadedJieba, loadJieba } from '../text/jieba.js';
import { foldText } from '../text/fold-text.js';
import { PLACEHOLDERS, trimBaseDictionary } from './base-dictionary.js';
import { formatDictionary, type DictionaryEntry } from './dictionary-entry.js';
import { planCorpus } from './plan-corpus.js';
import { FUNCTION_WORDS, QUESTION_WORDS } from '../text/stop-words.js';
import { extractMarkedNames } from './plan-names.js';
import { mineRecurringPhrases } from './plan-phrases.js';

const HAN = /\p{Script=Han}/u;
const PUNCTUATION_OR_SPACE = /[\p{P}\p{S}\s]+/u;
/** Rounds of frequency adjustment: a new word can make another new word's split likelier. */
const MAX_ROUNDS = 4;
const ADDED_WORD_TAG = 'nz';

export interface PlanDictionary {
  /** The dictionary file's content. */
  text: string;
  /** Every real word in it (placeholders excluded). */
  words: string[];
  names: string[];
  phrases: string[];
}

function lexiconChinese(lexicon: Lexicon): string[] {
  return [...lexicon.synonyms, ...lexicon.english]
    .flatMap((e) => [...e.from, ...e.to])
    .map(foldText)
    .filter((w) => HAN.test(w) && w.length >= 2 && !PUNCTUATION_OR_SPACE.test(w));
}

/**
 * The dictionary for the plans given: one plan's for `index/`, or the whole library's, which every
 * plan is segmented with in a process that serves several (jieba holds one dictionary a process).
 */
export function buildPlanDictionary(plans: Plan | readonly Plan[], lexicon: Lexicon): PlanDictionary {
  const corpora = (Array.isArray(plans) ? plans : [plans]).map((p) => planCorpus(p));
  const corpus = corpora.flat().map(foldText);
  const lexiconWords = lexiconChinese(lexicon);
  const stopWords = [...FUNCTION_WORDS, ...QUESTION_WORDS];
  const trimmed = trimBaseDictionary([...corpus, ...lexiconWords, ...stopWords]);
  const entries = new Map<string, DictionaryEntry>(trimmed.entries.map((e) => [e.word, e]));

  // jieba reads dictionaries from files: each round writes the current one to a scratch file.
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-dict-'));
  const file = join(dir, 'dictionary.utf8');
  const loadCurrent = (): void => {
    writeFileSync(file, formatDictionary([...entries.values()]));
    forgetLoadedJieba();
    loadJieba(file);
  };

  try {
    loadCurrent();
    const names = extractMarkedNames(corpora.flat()).map(foldText);
    const runs = corpus
      .flatMap((text) => text.split(PUNCTUATION_OR_SPACE))
      .filter(Boolean)
      .map(cutWords);
    const phrases = mineRecurringPhrases(runs);
    const added = [...new Set([...names, ...phrases, ...lexiconWords])];

    for (let round = 0; round < MAX_ROUNDS; round++) {
      let changed = false;
      for (const word of added) {
        const parts = cutWords(word);
        if (parts.length === 1 && parts[0] === word && entries.has(word)) continue;
        const probability = parts.reduce((p, part) => p * ((entries.get(part)?.freq ?? trimmed.minFreq) / trimmed.totalFreq), 1);
        const freq = Math.max(Math.floor(probability * trimmed.totalFreq) + 1, entries.get(word)?.freq ?? 1);
        entries.set(word, { word, freq, tag: entries.get(word)?.tag ?? ADDED_WORD_TAG });
        changed = true;
      }
      if (!changed) break;
      loadCurrent();
    }

    const final = [...entries.values()].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return {
      text: formatDictionary(final),
      words: final.map((e) => e.word).filter((w) => !PLACEHOLDERS.has(w)),
      names,
      phrases,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
