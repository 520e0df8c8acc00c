/**
 * Whitespace inside Chinese text is an artefact of typesetting (measure 72 carries a run of spaces
 * before its parenthesis). Between two CJK characters or punctuation marks it is dropped; between
 * Latin letters or digits it is folded to one space so `UPOV 测试` style text keeps its word break.
 */

const WHITESPACE_RUN = /[\s\u00a0\u3000]+/gu;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

export function normaliseWhitespace(text: string): string {
  const trimmed = text.replace(WHITESPACE_RUN, ' ').trim();
  let out = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i] as string;
    if (c !== ' ') {
      out += c;
      continue;
    }
    const before = trimmed[i - 1] ?? '';
    const after = trimmed[i + 1] ?? '';
    if (LATIN_OR_DIGIT.test(before) && LATIN_OR_DIGIT.test(after)) out += ' ';
  }
  return out;
}
