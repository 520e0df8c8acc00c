/**
 * English questions, and Latin abbreviations inside Chinese ones (WIPO, PPH), mapped to the plan's
 * Chinese terms through `lexicon/english.txt`. Words are compared without case or plural endings,
 * hyphens count as spaces, and the longest listed phrase wins.
 */
import type { LexiconEntry } from '../lexicon/load-lexicon.js';
import { QUESTION_WORDS } from '../text/stop-words.js';

export interface EnglishMatch {
  /** The words of the question that matched, as typed (folded). */
  words: string;
  /** The plan's Chinese terms they stand for. */
  terms: string[];
}

export interface EnglishReading {
  matches: EnglishMatch[];
  /** Content words the glossary does not know (stop words excluded). */
  unknown: string[];
  /** How many words with Latin letters the question has. */
  wordCount: number;
}

const LATIN_WORD = /[a-z0-9]+(?:'[a-z]+)?/gu;

/** patents → patent, indications → indication, industries → industry, processes → process. */
export function stemEnglish(word: string): string {
  const w = word.replace(/'s$/u, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ss|x|ch|sh)es$/u.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

/** Spelled-out forms read as their common abbreviation, in entries and questions alike. */
const CANONICAL_FORMS: ReadonlyArray<[RegExp, string]> = [[/\bintellectual[\s-]+property\b/gu, 'ip']];

function words(text: string): string[] {
  let canonical = text.toLowerCase();
  for (const [form, abbreviation] of CANONICAL_FORMS) canonical = canonical.replace(form, abbreviation);
  return [...canonical.replace(/-/gu, ' ').matchAll(LATIN_WORD)].map((m) => m[0]);
}

export type ReadEnglish = (folded: string) => EnglishReading;

export function createEnglishGlossary(entries: readonly LexiconEntry[]): ReadEnglish {
  const phrases = new Map<string, string[]>();
  let longest = 1;
  for (const entry of entries) {
    for (const from of entry.from) {
      const key = words(from).map(stemEnglish);
      if (key.length === 0) continue;
      longest = Math.max(longest, key.length);
      const joined = key.join(' ');
      phrases.set(joined, [...new Set([...(phrases.get(joined) ?? []), ...entry.to])]);
    }
  }

  return function readEnglish(folded: string): EnglishReading {
    const typed = words(folded);
    const stems = typed.map(stemEnglish);
    const matches: EnglishMatch[] = [];
    const unknown: string[] = [];
    let i = 0;
    while (i < stems.length) {
      let matched = false;
      for (let size = Math.min(longest, stems.length - i); size >= 1; size--) {
        const terms = phrases.get(stems.slice(i, i + size).join(' '));
        if (terms) {
          matches.push({ words: typed.slice(i, i + size).join(' '), terms });
          i += size;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      const word = typed[i] as string;
      const isWord = /[a-z]/u.test(word);
      if (isWord && !QUESTION_WORDS.has(word) && !ENGLISH_STOP_WORDS.has(word)) unknown.push(word);
      i += 1;
    }
    return { matches, unknown, wordCount: typed.filter((w) => /[a-z]/u.test(w)).length };
  };
}

const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set([
  'be',
  'been',
  'being',
  'was',
  'were',
  'will',
  'would',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'has',
  'have',
  'had',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'as',
  'at',
  'from',
  'into',
  'than',
  'then',
  'so',
  'such',
  'who',
  'whom',
  'whose',
  'where',
  'when',
  'why',
  'all',
  'some',
  'more',
  'most',
  'other',
  'our',
  'their',
  'they',
  'we',
  'you',
  'your',
  'i',
  'my',
  'not',
  'no',
  'yes',
  'if',
  'but',
  'also',
  'up',
  'out',
  'over',
  'under',
  'between',
  'among',
  'within',
  'across',
  'against',
  'per',
  'via',
  'new',
  'china',
  'chinese',
  'national',
  'year',
  'years',
  'doe',
  'did',
  'done',
  'get',
  'give',
  'need',
  'needs',
  'want',
  'planned',
  'planning',
  'step',
  'steps',
  'action',
  'actions',
  'task',
  'tasks',
  'goal',
  'goals',
  'please',
  'know',
  'find',
  'show',
  'list',
]);
