/**
 * Near-miss typing of the plan's longer names (专利导行 → 专利导航). Fuzzy matching every word
 * would drown short Chinese terms (two characters, one edit apart, are usually different words),
 * so only stretches of four or more characters that do not occur in the plan are compared, and
 * only with dictionary words of four or more characters, at most one edit apart (a substituted,
 * swapped, missing or extra character). Candidates are found through single-deletion keys
 * (the SymSpell scheme), so a question costs a few map look-ups, not a scan of the vocabulary.
 */
import { FUNCTION_WORDS, QUESTION_WORDS } from '../text/stop-words.js';

const MIN_LENGTH = 4;
const MAX_LENGTH = 10;
const HAN_RUN = /\p{Script=Han}{4,}/gu;

function isStopWord(char: string): boolean {
  return FUNCTION_WORDS.has(char) || QUESTION_WORDS.has(char);
}

export interface Correction {
  /** What was typed. */
  typed: string;
  start: number;
  end: number;
  /** The plan's word it is taken for. */
  word: string;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Where `typed` differs from `word` by one edit: a substituted or swapped character, or one
 * character more or less. Undefined when they are further apart (or equal).
 */
export function singleEdit(typed: string, word: string): { kind: 'substitute' | 'swap' | 'insert' | 'delete'; at: number } | undefined {
  if (typed === word || Math.abs(typed.length - word.length) > 1) return undefined;
  let i = 0;
  while (i < typed.length && i < word.length && typed[i] === word[i]) i++;
  if (typed.length === word.length) {
    if (typed.slice(i + 1) === word.slice(i + 1)) return { kind: 'substitute', at: i };
    const swapped = typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
    return swapped ? { kind: 'swap', at: i } : undefined;
  }
  if (typed.length > word.length) return typed.slice(i + 1) === word.slice(i) ? { kind: 'insert', at: i } : undefined;
  return typed.slice(i) === word.slice(i + 1) ? { kind: 'delete', at: i } : undefined;
}

/**
 * A character more or less at either end of a stretch is the neighbouring word, not a typo
 * (用盗版软件 is 用 + 盗版软件), so those edits must fall inside the word.
 */
function isPlausibleTypo(typed: string, word: string): boolean {
  if (Math.min(word.length, typed.length) < MIN_LENGTH) return false;
  const edit = singleEdit(typed, word);
  if (!edit) return false;
  if (edit.kind === 'insert' || edit.kind === 'delete') {
    if (edit.at === 0 || edit.at >= Math.max(typed.length, word.length) - 1) return false;
    // 商标审查周期要控制: an extra particle between words is grammar, not a slip.
    if (edit.kind === 'insert' && isStopWord(typed[edit.at] as string)) return false;
  }
  return true;
}

/**
 * `suspects`: the `[start, end)` spans of `folded` where a typo may be (words the plan doesn't
 * know, lone characters); only stretches overlapping one are examined. Without it, all are.
 */
export type CorrectTypos = (folded: string, suspects?: ReadonlyArray<readonly [number, number]>) => Correction[];

/**
 * `planWords`: the words the plan's text is indexed under (the only correction targets);
 * `knownWords`: every dictionary word (what is typed as one of these is no typo); `planText`:
 * the plan's folded text.
 */
export function createTypoCorrector(planWords: Iterable<string>, knownWords: ReadonlySet<string>, planText: string): CorrectTypos {
  const known = knownWords;
  const byKey = new Map<string, string[]>();
  const add = (key: string, word: string): void => {
    const list = byKey.get(key);
    if (!list) byKey.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  };
  for (const word of planWords) {
    if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || !/^\p{Script=Han}+$/u.test(word)) continue;
    add(word, word);
    for (const d of deletions(word)) add(d, word);
  }

  return function correctTypos(folded, suspects) {
    const found: Correction[] = [];
    if (suspects && suspects.length === 0) return found;
    const suspicious = (from: number, to: number): boolean => !suspects || suspects.some(([s, e]) => from < e && to > s);
    for (const run of folded.matchAll(HAN_RUN)) {
      const text = run[0];
      const offset = run.index ?? 0;
      // Longest stretches first; a stretch already corrected is not corrected again.
      for (let length = Math.min(MAX_LENGTH + 1, text.length); length >= MIN_LENGTH; length--) {
        for (let start = 0; start + length <= text.length; start++) {
          const from = offset + start;
          if (!suspicious(from, from + length) || found.some((c) => from < c.end && from + length > c.start)) continue;
          const typed = text.slice(start, start + length);
          let match: string | undefined;
          let ambiguous = false;
          const consider = (words: readonly string[] | undefined): void => {
            for (const word of words ?? []) {
              if (word === match || !isPlausibleTypo(typed, word)) continue;
              if (match === undefined) match = word;
              else ambiguous = true;
            }
          };
          consider(byKey.get(typed));
          for (let i = 0; i < typed.length && !ambiguous; i++) consider(byKey.get(typed.slice(0, i) + typed.slice(i + 1)));
          // Ambiguous, or a real word, or text the plan itself contains: not a typo.
          if (match === undefined || ambiguous || known.has(typed) || planText.includes(typed)) continue;
          found.push({ typed, start: from, end: from + length, word: match });
        }
      }
    }
    return found;
  };
}
