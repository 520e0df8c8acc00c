import { describe, expect, it } from 'vitest';
import { nextDigestRun, ranEarlierToday } from '../../../src/core/digest/digest-schedule.js';

describe('the digest schedule', () => {
  it('reads the cron in the digest time zone: 09:00 in Shanghai is 01:00 UTC', () => {
    expect(nextDigestRun('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(nextDigestRun('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T01:00:01Z'))?.toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(nextDigestRun('0 9 * * *', 'UTC', new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('knows whether today\'s time has passed (a missed digest to catch up)', () => {
    expect(ranEarlierToday('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T00:59:00Z'))).toBe(false);
    expect(ranEarlierToday('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T01:30:00Z'))).toBe(true);
    // 23:30 UTC on the 25th is already the 26th in Shanghai, before 09:00: nothing missed today.
    expect(ranEarlierToday('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-25T23:30:00Z'))).toBe(false);
  });
});
