import { describe, expect, it } from 'vitest';
import { digestCronProblem, nextDigestRun, ranEarlierToday } from '../../../src/core/digest/digest-schedule.js';

describe('the digest schedule', () => {
  it('reads the cron in the digest time zone: 09:00 in Shanghai is 01:00 UTC', () => {
    expect(nextDigestRun('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(nextDigestRun('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T01:00:01Z'))?.toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(nextDigestRun('0 9 * * *', 'UTC', new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it("knows whether today's time has passed (a missed digest to catch up)", () => {
    expect(ranEarlierToday('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T00:59:00Z'))).toBe(false);
    expect(ranEarlierToday('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T01:30:00Z'))).toBe(true);
    // 23:30 UTC on the 25th is already the 26th in Shanghai, before 09:00: nothing missed today.
    expect(ranEarlierToday('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T23:30:00Z'))).toBe(false);
  });

  describe('which crons can schedule the digest', () => {
    const now = new Date('2026-12-02T02:00:00Z');
    const problem = (cron: string) => digestCronProblem(cron, 'Asia/Shanghai', now);

    it.each(['0 9 * * *', '30 8 * * 1-5', '0 9 1 1 *', '0 9 L * *', '0 0 9 * * *', '59 30 17 * * 5', '* 9 * * *'])('takes %s', (cron) => {
      expect(problem(cron)).toBeUndefined();
    });

    it.each([
      ['0 9 31 2 *', 'never runs: no date matches it'],
      ['0 9 30 2 *', 'never runs: no date matches it'],
      ['0 9 29 2 *', 'does not run every year (the longest wait is over a year)'],
      ['* * * * * * *', 'has 7 fields, not five or six'],
      ['0 9 * * * * *', 'has 7 fields, not five or six'],
      ['0 9 * *', 'has 4 fields, not five or six'],
      ['@daily', 'has 1 field, not five or six'],
      ['* 0 9 * * *', 'has a seconds field (the first of six) that is not one number from 0 to 59, so it would run many times a minute'],
      ['*/5 * * * * *', 'has a seconds field (the first of six) that is not one number from 0 to 59, so it would run many times a minute'],
      ['0,30 0 9 * * *', 'has a seconds field (the first of six) that is not one number from 0 to 59, so it would run many times a minute'],
      ['60 0 9 * * *', 'has a seconds field (the first of six) that is not one number from 0 to 59, so it would run many times a minute'],
      ['0 25 * * *', 'is not a cron expression'],
    ])('refuses %s: it %s', (cron, reason) => {
      expect(problem(cron)).toBe(reason);
    });

    it('judges 29 February the same whatever the year it is asked in', () => {
      for (const asked of ['2027-03-01T00:00:00Z', '2027-12-31T00:00:00Z', '2028-02-28T00:00:00Z'])
        expect(digestCronProblem('0 9 29 2 *', 'UTC', new Date(asked))).toBeDefined();
    });
  });
});
