/**
 * Chinese numerals as they are written in headings and in questions (一, 十二, 七十九, 一百零五, 两),
 * and the reverse for headings. Only whole numbers below ten thousand: the plan counts its areas and
 * measures, never more.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

export const CHINESE_NUMERAL_CHARS = [...Object.keys(DIGITS), ...Object.keys(UNITS)].join('');

/** `七十二` → 72, `十五` → 15, `一百零五` → 105, `四二` → 42; anything else → undefined. */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  const chars = [...text];
  if (!chars.every((c) => c in DIGITS || c in UNITS)) return undefined;

  // Digit-by-digit form without units: 四二 → 42.
  if (chars.every((c) => c in DIGITS) && chars.length > 1) {
    return chars.reduce((n, c) => n * 10 + (DIGITS[c] ?? 0), 0);
  }

  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  for (const c of chars) {
    const digit = DIGITS[c];
    if (digit !== undefined) {
      if (pending !== undefined && pending !== 0 && digit !== 0) return undefined; // 二三十
      pending = digit;
      continue;
    }
    const unit = UNITS[c] as number;
    if (unit >= lastUnit) return undefined; // 十百, 十十
    total += (pending ?? 1) * unit; // a bare 十 means 一十
    pending = undefined;
    lastUnit = unit;
  }
  if (pending !== undefined) total += pending;
  return total > 0 || text === '零' ? total : undefined;
}

const HEADING_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 3 → 三, 12 → 十二, 20 → 二十, 79 → 七十九 (1–99, as used in headings). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no heading numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${HEADING_DIGITS[tens]}十`;
  return tensPart + (ones === 0 ? '' : HEADING_DIGITS[ones]);
}
