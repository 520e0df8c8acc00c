import { describe, expect, it } from 'vitest';
import { CalendarParseError, parseDigestCalendar } from '../../../src/core/digest/digest-calendar.js';
import { firstUnknownDay, isPostingDay } from '../../../src/core/digest/posting-days.js';

// Dates made up for these tests: a schedule's shape, not the State Council's.
const CALENDAR = ['\uFEFF# 2027 (for the test)', '', '2027-01-04 休  a listed holiday on a Monday', '2027-01-09 班  a make-up Saturday', '2027-01-11 休'].join(
  '\n',
);

function parseError(text: string): CalendarParseError {
  try {
    parseDigestCalendar(text);
  } catch (error) {
    if (error instanceof CalendarParseError) return error;
    throw error;
  }
  throw new Error('expected a CalendarParseError');
}

describe('the digest calendar file', () => {
  it('reads one date a line with 休 or 班, comments and blank lines allowed', () => {
    const calendar = parseDigestCalendar(CALENDAR);
    expect([...calendar.days]).toEqual([
      ['2027-01-04', 'rest'],
      ['2027-01-09', 'work'],
      ['2027-01-11', 'rest'],
    ]);
    expect([...calendar.years]).toEqual([2027]);
  });

  it('overrides the package: a make-up Saturday is a posting day, a listed holiday is not', () => {
    const calendar = parseDigestCalendar(CALENDAR);
    expect(isPostingDay('2027-01-09', 'workdays')).toBe(false);
    expect(isPostingDay('2027-01-09', 'workdays', calendar)).toBe(true);
    expect(isPostingDay('2027-01-04', 'workdays')).toBe(true);
    expect(isPostingDay('2027-01-04', 'workdays', calendar)).toBe(false);
    expect(isPostingDay('2027-01-05', 'workdays', calendar)).toBe(true); // unlisted: by the week
    expect(isPostingDay('2027-01-04', 'daily', calendar)).toBe(true);
  });

  it('refuses a malformed line, naming its number and what is wrong', () => {
    expect(parseError('2027-01-04 休\n2027-1-9 班').message).toBe('line 2: “2027-1-9 班”: 2027-1-9 is not a date (YYYY-MM-DD)');
    expect(parseError('# ok\n2027-02-30 休').message).toBe('line 2: “2027-02-30 休”: 2027-02-30 is not a date (YYYY-MM-DD)');
    expect(parseError('2027-01-04').line).toBe(1);
    expect(parseError('2027-01-04 放假').message).toBe('line 1: “2027-01-04 放假” is not a date followed by 休 or 班');
    expect(parseError('2027-01-04 休\n2027-01-04 班').message).toBe('line 2: “2027-01-04 班”: 2027-01-04 is listed both as 休 and as 班');
  });

  it('knows which days neither the package nor the file covers', () => {
    expect(firstUnknownDay('2026-11-30', 30)).toBeUndefined();
    expect(firstUnknownDay('2026-12-15', 30)).toBe('2027-01-01');
    expect(firstUnknownDay('2026-12-15', 30, parseDigestCalendar(CALENDAR))).toBeUndefined();
  });
});
