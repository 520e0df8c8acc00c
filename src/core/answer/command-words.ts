/**
 * Words that ask for something other than an answer, recognised the same way on every surface:
 * `/plan help`, a DM, a mention, a thread reply or the local console saying only “帮助” gets the
 * help message; `/plan digest` (or 简报) gets today's digest. A question that merely contains
 * these words is still a question.
 */

const HELP_WORDS: ReadonlySet<string> = new Set(['help', '帮助', '怎么用', '说明', '用法', '使用说明', '?', '？']);
const DIGEST_WORDS: ReadonlySet<string> = new Set(['digest', '简报', '今日简报']);
/** Trailing punctuation people add to a single word (“帮助？”, “help!”). */
const TRAILING_PUNCTUATION = /[\s?？!！。.~～]+$/u;

function matches(words: ReadonlySet<string>, text: string): boolean {
  const word = text.trim().toLowerCase();
  return words.has(word) || words.has(word.replace(TRAILING_PUNCTUATION, ''));
}

/** Whether the text, as a whole, asks how to use the app. */
export function isHelpRequest(text: string): boolean {
  return matches(HELP_WORDS, text);
}

/** Whether the text, as a whole, asks for today's digest. */
export function isDigestRequest(text: string): boolean {
  return matches(DIGEST_WORDS, text);
}
