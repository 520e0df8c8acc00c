/**
 * Finds the plan's recurring multi-word names (专利导航, 植物新品种, 地理标志) from its own text, so
 * they become single dictionary words without anyone listing them by hand.
 *
 * A phrase is a run of 2–4 segmented words that (1) recurs at least {@link MIN_OCCURRENCES} times,
 * (2) is entered and left from different neighbours each time it recurs (its boundaries are real:
 * "知识产权战" always continues with 略, so it is not a phrase), and (3) starts and ends with a
 * content word, not a particle or one of the plan's generic verbs (加强, 推进 …).
 */
import { FUNCTION_WORDS, PLAN_STOCK_VERBS } from '../text/stop-words.js';

const MIN_OCCURRENCES = 3;
const MIN_DISTINCT_NEIGHBOURS = 2;
const MIN_WORDS = 2;
const MAX_WORDS = 4;
const MIN_CHARS = 3;
const MAX_CHARS = 8;
const CJK_WORD = /^[\u4e00-\u9fff]+$/u;

/** A phrase bounded by the plan's stock verbs, or by 相关/有关/各项/一批, is a clause, not a name. */
const CLAUSE_WORDS: ReadonlySet<string> = new Set([...PLAN_STOCK_VERBS, '相关', '有关', '各项', '一批']);

interface Occurrences {
  count: number;
  left: Set<string>;
  right: Set<string>;
}

function isContentWord(word: string): boolean {
  return CJK_WORD.test(word) && !FUNCTION_WORDS.has(word) && !CLAUSE_WORDS.has(word);
}

/** `runs`: the plan's text segmented into words, one array per stretch between punctuation marks. */
export function mineRecurringPhrases(runs: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, Occurrences>();
  let boundary = 0; // each run edge is a distinct neighbour
  for (const run of runs) {
    for (let start = 0; start < run.length; start++) {
      for (let size = MIN_WORDS; size <= MAX_WORDS && start + size <= run.length; size++) {
        const words = run.slice(start, start + size);
        if (!words.every((w) => CJK_WORD.test(w))) break;
        if (!isContentWord(words[0] as string) || !isContentWord(words[size - 1] as string)) continue;
        const phrase = words.join('');
        if (phrase.length < MIN_CHARS || phrase.length > MAX_CHARS) continue;
        let entry = seen.get(phrase);
        if (!entry) {
          entry = { count: 0, left: new Set(), right: new Set() };
          seen.set(phrase, entry);
        }
        entry.count += 1;
        entry.left.add(run[start - 1] ?? `^${boundary++}`);
        entry.right.add(run[start + size] ?? `$${boundary++}`);
      }
    }
  }
  return [...seen]
    .filter(([, e]) => e.count >= MIN_OCCURRENCES && e.left.size >= MIN_DISTINCT_NEIGHBOURS && e.right.size >= MIN_DISTINCT_NEIGHBOURS)
    .map(([phrase]) => phrase)
    .sort();
}
