import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDigestScheduler, RETRY_DELAYS_MS } from '../../../src/slack/digest/digest-scheduler.js';
import type { DigestOutcome, DigestPoster } from '../../../src/slack/digest/digest-poster.js';
import { captureLogger } from '../../support/capture-logger.js';

const config = { channel: 'C0DIGEST', cron: '0 9 * * *', timeZone: 'Asia/Shanghai', days: 'workdays' as const, size: 3 };

function fakePoster(outcomes: DigestOutcome[]) {
  const dates: string[] = [];
  const poster: DigestPoster = {
    post: async (date) => {
      dates.push(date);
      return outcomes.shift() ?? { outcome: 'posted', ts: '1.1', issue: 1 };
    },
    idle: async () => undefined,
  };
  return { poster, dates };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the digest scheduler', () => {
  it('posts on a working day, for the date in the digest time zone', async () => {
    const { poster, dates } = fakePoster([]);
    const scheduler = createDigestScheduler({ poster, config, logger: captureLogger().logger, now: () => new Date('2026-11-25T23:30:00Z') });
    expect((await scheduler.tick()).outcome).toBe('posted');
    expect(dates).toEqual(['2026-11-26']); // 07:30 on the 26th in Shanghai
  });

  it('does nothing on a weekend or a public holiday, and does not move the walk', async () => {
    const { poster, dates } = fakePoster([]);
    for (const instant of ['2026-11-28T01:00:00Z', '2026-10-01T01:00:00Z']) {
      const scheduler = createDigestScheduler({ poster, config, logger: captureLogger().logger, now: () => new Date(instant) });
      expect((await scheduler.tick()).outcome).toBe('not-a-posting-day');
    }
    expect(dates).toEqual([]);
  });

  it('retries a failed post with backoff while it is still the same day', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T01:00:00Z') });
    const { poster, dates } = fakePoster([{ outcome: 'failed', error: 'ratelimited', retryable: true }]);
    const scheduler = createDigestScheduler({ poster, config, logger: captureLogger().logger, now: () => new Date() });
    await scheduler.tick();
    expect(dates).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]);
    expect(dates).toEqual(['2026-11-25', '2026-11-25']);
    await scheduler.stop();
  });

  it('posts nothing while the state store cannot be reached, and retries once it can', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T01:00:00Z') });
    const { poster, dates } = fakePoster([]);
    let storeDown = true;
    const flaky: DigestPoster = { ...poster, post: (date) => (storeDown ? Promise.reject(new Error('connect ECONNREFUSED')) : poster.post(date)) };
    const scheduler = createDigestScheduler({ poster: flaky, config, logger: captureLogger().logger, now: () => new Date() });
    expect(await scheduler.tick()).toMatchObject({ outcome: 'failed', retryable: true });
    storeDown = false;
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]);
    expect(dates).toEqual(['2026-11-25']);
    await scheduler.stop();
  });

  it('catches up today\'s missed digest at start-up, but not before its time', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T02:00:00Z') }); // 10:00 in Shanghai: 09:00 has passed
    const late = fakePoster([]);
    const a = createDigestScheduler({ poster: late.poster, config, logger: captureLogger().logger, now: () => new Date() });
    a.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(late.dates).toEqual(['2026-11-25']);
    await a.stop();

    vi.setSystemTime(new Date('2026-11-25T00:30:00Z')); // 08:30: not yet
    const early = fakePoster([]);
    const b = createDigestScheduler({ poster: early.poster, config, logger: captureLogger().logger, now: () => new Date() });
    b.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(early.dates).toEqual([]);
    await vi.advanceTimersByTimeAsync(31 * 60 * 1000); // 09:01
    expect(early.dates).toEqual(['2026-11-25']);
    await b.stop();
  });
});
