import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from '../../../src/core/plan/chinese-numerals.js';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['七', 7],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十八', 28],
    ['四十二', 42],
    ['七十二', 72],
    ['七十九', 79],
    ['一百零五', 105],
    ['两', 2],
    ['四二', 42],
    ['零', 0],
  ])('reads %s as %i', (text, n) => {
    expect(parseChineseNumeral(text)).toBe(n);
  });

  it.each(['', '十十', '二三十', 'abc', '四十二条'])('rejects %j', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });

  it('writes heading numerals', () => {
    expect([1, 7, 10, 12, 20, 79].map(toChineseNumeral)).toEqual(['一', '七', '十', '十二', '二十', '七十九']);
  });
});
