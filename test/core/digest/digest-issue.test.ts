import { describe, expect, it } from 'vitest';
import { digestIssue } from '../../../src/core/digest/digest-issue.js';
import { isPostingDay, previousPostingDay } from '../../../src/core/digest/posting-days.js';
import { loadPlan } from '../../../src/core/plan/load-plan.js';

const plan = loadPlan();
const base = { plan, postedDates: new Set<string>(), days: 'workdays' as const, size: 3 };

describe('posting days', () => {
  it('skips public holidays and weekends, and includes adjusted working days (调休)', () => {
    expect(isPostingDay('2026-11-25', 'workdays')).toBe(true); // a Wednesday
    expect(isPostingDay('2026-11-28', 'workdays')).toBe(false); // a Saturday
    expect(isPostingDay('2026-10-01', 'workdays')).toBe(false); // National Day
    expect(isPostingDay('2026-10-10', 'workdays')).toBe(true); // a Saturday worked in lieu
    expect(isPostingDay('2026-10-01', 'daily')).toBe(true);
  });

  it('finds the previous posting day across a weekend', () => {
    expect(previousPostingDay('2026-11-30', 'workdays')).toBe('2026-11-27');
    expect(previousPostingDay('2026-11-30', 'daily')).toBe('2026-11-29');
  });
});

describe('where the walk stands', () => {
  it('computes the number of issues from the plan: 79 measures, 3 a day → 27', () => {
    expect(digestIssue({ ...base, date: '2026-11-25', start: '2026-11-25', today: '2026-11-25' })).toEqual({
      number: 1,
      total: 27,
      cycle: 1,
      measures: [1, 2, 3],
    });
    expect(digestIssue({ ...base, size: 5, date: '2026-11-25', start: '2026-11-25', today: '2026-11-25' }).total).toBe(16);
  });

  it('moves on one issue per posting day ahead, skipping weekends and holidays', () => {
    const at = (date: string) => digestIssue({ ...base, date, start: '2026-11-25', today: '2026-11-25' });
    expect(at('2026-11-26').measures).toEqual([4, 5, 6]);
    expect(at('2026-11-27').number).toBe(3);
    expect(at('2026-11-30').number).toBe(4); // Monday: the weekend does not count
  });

  it('counts a past day only if its digest was posted', () => {
    const posted = new Set(['2026-11-23', '2026-11-25']); // 11-24 was missed
    const issue = digestIssue({ ...base, postedDates: posted, date: '2026-11-26', start: '2026-11-23', today: '2026-11-26' });
    expect(issue.number).toBe(3);
    expect(issue.measures).toEqual([7, 8, 9]);
  });

  it('starts over after the last measure', () => {
    const last = digestIssue({ ...base, date: '2027-01-01', start: '2026-11-25', today: '2026-11-25' });
    const issues: number[] = [];
    for (let day = 0; day < 60; day++) {
      const date = new Date(Date.UTC(2026, 10, 25 + day)).toISOString().slice(0, 10);
      if (isPostingDay(date, 'workdays')) issues.push(digestIssue({ ...base, date, start: '2026-11-25', today: '2026-11-25' }).number);
    }
    expect(issues.slice(0, 28)).toEqual([...Array.from({ length: 27 }, (_, i) => i + 1), 1]);
    expect(last.measures.length).toBeGreaterThan(0);
    const wrapped = issues.indexOf(27);
    expect(digestIssue({ ...base, date: '2026-11-25', start: '2026-11-25', today: '2026-11-25' }).cycle).toBe(1);
    expect(wrapped).toBe(26);
  });

  it('previews days before the walk began as if it had run on every posting day', () => {
    const before = digestIssue({ ...base, date: '2026-11-24', start: '2026-11-25', today: '2026-11-25' });
    expect(before.number).toBe(27);
    expect(before.measures).toEqual([79]);
  });
});
