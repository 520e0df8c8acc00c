/**
 * The near-meaning table for this plan. Each document's targets are its own words that tell
 * documents apart (not the plan's background, 知识产权, nor stock verbs), and the everyday words
 * the lexicons give for the concepts it states (the concept lexicon's 大闸蟹, 特产 … for a measure
 * stating 地理标志; the synonyms' 自贸区 for one stating 自由贸易区): a question's word near one of
 * those is near what the measure is about, in the words people use for it.
 */
import { foldText } from '../text/fold-text.js';
import { EVERYDAY_ACTORS, FUNCTION_WORDS, GENERIC_WORDS, QUESTION_WORDS } from '../text/stop-words.js';
import type { Lexicon } from '../lexicon/load-lexicon.js';
import type { Tokenize } from '../text/tokenize.js';
import { buildNearMeanings, frequencyClass, type NearMeaningsOptions } from './build-near-meanings.js';
import { CLASS_SCALE, NEAR_MEANINGS_FORMAT, WORD_VECTOR_SOURCE, type NearMeaningsTable } from './near-meanings.js';
import { segmentByVocabulary, type WordLogProbability } from './segment-by-vocabulary.js';
import type { WordVectors } from './word-vectors.js';

/** A word in more than this share of the plan's documents is its background: no target. */
const BACKGROUND_SHARE = 0.3;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** Words that shape a question rather than name its subject; they still segment it. */
export function isShapingWord(word: string): boolean {
  return QUESTION_WORDS.has(word) || FUNCTION_WORDS.has(word) || EVERYDAY_ACTORS.has(word);
}

/** How likely a shaping word is, for segmenting: as likely as a common word (rank 50 or so). */
export const SHAPING_WORD_LOG_PROBABILITY = -Math.log(60);

/** Log-probabilities over a vocabulary with the shaping words added (they are missing from the vectors' vocabulary). */
export function withShapingWords(logProbability: WordLogProbability): WordLogProbability {
  return (word) => {
    const own = logProbability(word);
    if (!isShapingWord(word)) return own;
    return Math.max(own ?? -Infinity, SHAPING_WORD_LOG_PROBABILITY);
  };
}

/** A word worth a target: a Han word of two characters or more that names something. */
function mayBeTarget(word: string): boolean {
  return HAN_WORD.test(word) && !GENERIC_WORDS.has(word) && !EVERYDAY_ACTORS.has(word) && !QUESTION_WORDS.has(word) && !FUNCTION_WORDS.has(word);
}

/** Everyday wordings for a plan wording, from both word lists. */
function everydayWordings(lexicon: Lexicon): Array<{ planWording: string; words: readonly string[] }> {
  return [
    ...lexicon.concepts.map((c) => ({ planWording: c.concept, words: c.words })),
    ...lexicon.synonyms.flatMap((s) => s.to.map((to) => ({ planWording: to, words: s.from }))),
  ];
}

export interface PlanNearMeaningsInput {
  /** The plan's documents as the index holds them (id and text). */
  documents: ReadonlyArray<{ id: string; text: string }>;
  tokenize: Tokenize;
  lexicon: Lexicon;
  vectors: WordVectors;
  inputsHash: string;
}

export function buildPlanNearMeanings(
  { documents, tokenize, lexicon, vectors, inputsHash }: PlanNearMeaningsInput,
  options: NearMeaningsOptions = {},
): NearMeaningsTable {
  const rank = new Map<string, number>();
  vectors.words.forEach((w, i) => {
    if (!rank.has(w)) rank.set(w, i);
  });
  const vocabulary = withShapingWords((word) => {
    const r = rank.get(word);
    return r === undefined ? undefined : -frequencyClass(r) / CLASS_SCALE;
  });
  const total = documents.length;
  const folded = documents.map((d) => foldText(d.text));
  const terms = documents.map((d) => new Set(tokenize(d.text)));
  const df = new Map<string, number>();
  for (const set of terms) for (const term of set) df.set(term, (df.get(term) ?? 0) + 1);
  const expansions = documents.map(() => new Set<string>());
  for (const { planWording, words } of everydayWordings(lexicon)) {
    const wording = foldText(planWording);
    const stating = folded.flatMap((text, i) => (text.includes(wording) ? [i] : []));
    if (stating.length > total * BACKGROUND_SHARE) continue;
    const everyday = words.flatMap((w) => segmentByVocabulary(foldText(w), vocabulary).map((s) => s.word)).filter(mayBeTarget);
    for (const i of stating) for (const w of everyday) expansions[i]?.add(w);
  }
  return buildNearMeanings(
    {
      vectors,
      documents: documents.map((d, i) => ({
        id: d.id,
        candidates: [
          ...[...(terms[i] as Set<string>)].filter((t) => mayBeTarget(t) && (df.get(t) ?? 0) <= total * BACKGROUND_SHARE),
          ...(expansions[i] as Set<string>),
        ],
      })),
      isSource: (word) => HAN_WORD.test(word) && !QUESTION_WORDS.has(word) && !FUNCTION_WORDS.has(word),
      header: {
        format: NEAR_MEANINGS_FORMAT,
        inputsHash,
        source: `${WORD_VECTOR_SOURCE.name}@${WORD_VECTOR_SOURCE.version}`,
        integrity: WORD_VECTOR_SOURCE.integrity,
      },
    },
    options,
  );
}
