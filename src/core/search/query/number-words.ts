import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../../plan/chinese-numerals.js';

/** A number as people write it in a question: `42`, `四十二`, `七十二`. (Full-width digits are folded before.) */
export const NUMBER_PATTERN = `(\\d{1,7}|[${CHINESE_NUMERAL_CHARS}]{1,8})`;

export function parseNumberWord(text: string): number | undefined {
  if (/^\d+$/u.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return parseChineseNumeral(text);
}

/** Looks like an attempt at a number that is no measure or area number: signs, decimals, exponents, hex. */
export function looksLikeNumber(text: string): boolean {
  return /^[-+]?(?:0x[0-9a-f]+|\d[\d.,_]*(?:e[-+]?\d+)?|\.\d+)$/u.test(text);
}
