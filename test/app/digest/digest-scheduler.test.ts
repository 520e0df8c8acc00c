import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDigestCalendar } from '../../../src/core/digest/digest-calendar.js';
import { officeClock } from '../../../src/app/process/office-clock.js';
import { createDigestScheduler, RETRY_DELAYS_MS } from '../../../src/app/digest/digest-scheduler.js';
import type { DigestOutcome, DigestPoster } from '../../../src/app/digest/post-digest.js';
import { captureLogger } from '../../support/capture-logger.js';

const config = { channel: 'C0DIGEST', cron: '0 9 * * *', days: 'workdays' as const };
/** The office's clock in Shanghai, at `now`. */
const clockAt = (now: () => Date) => officeClock('Asia/Shanghai', now);

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
    const scheduler = createDigestScheduler({
      poster,
      schedule: config,
      logger: captureLogger().logger,
      clock: clockAt(() => new Date('2026-11-25T23:30:00Z')),
    });
    expect((await scheduler.tick()).outcome).toBe('posted');
    expect(dates).toEqual(['2026-11-26']); // 07:30 on the 26th in Shanghai
  });

  it('does nothing on a weekend or a public holiday, and does not move the walk', async () => {
    const { poster, dates } = fakePoster([]);
    for (const instant of ['2026-11-28T01:00:00Z', '2026-10-01T01:00:00Z']) {
      const scheduler = createDigestScheduler({ poster, schedule: config, logger: captureLogger().logger, clock: clockAt(() => new Date(instant)) });
      expect((await scheduler.tick()).outcome).toBe('not-a-posting-day');
    }
    expect(dates).toEqual([]);
  });

  it('retries a failed post with backoff while it is still the same day', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T01:00:00Z') });
    const { poster, dates } = fakePoster([{ outcome: 'failed', error: 'ratelimited', retryable: true }]);
    const scheduler = createDigestScheduler({ poster, schedule: config, logger: captureLogger().logger, clock: clockAt(() => new Date()) });
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
    const scheduler = createDigestScheduler({ poster: flaky, schedule: config, logger: captureLogger().logger, clock: clockAt(() => new Date()) });
    expect(await scheduler.tick()).toMatchObject({ outcome: 'failed', retryable: true });
    storeDown = false;
    await vi.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]);
    expect(dates).toEqual(['2026-11-25']);
    await scheduler.stop();
  });

  it("catches up today's missed digest at start-up, but not before its time", async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T02:00:00Z') }); // 10:00 in Shanghai: 09:00 has passed
    const late = fakePoster([]);
    const a = createDigestScheduler({ poster: late.poster, schedule: config, logger: captureLogger().logger, clock: clockAt(() => new Date()) });
    a.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(late.dates).toEqual(['2026-11-25']);
    await a.stop();

    vi.setSystemTime(new Date('2026-11-25T00:30:00Z')); // 08:30: not yet
    const early = fakePoster([]);
    const b = createDigestScheduler({ poster: early.poster, schedule: config, logger: captureLogger().logger, clock: clockAt(() => new Date()) });
    b.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(early.dates).toEqual([]);
    await vi.advanceTimersByTimeAsync(31 * 60 * 1000); // 09:01
    expect(early.dates).toEqual(['2026-11-25']);
    await b.stop();
  });

  describe('with DIGEST_CALENDAR', () => {
    // A schedule made up for the test (the State Council's 2027 schedule is not in the repository).
    const calendar = parseDigestCalendar('2027-01-04 休\n2027-01-09 班\n');
    const withCalendar = { ...config, calendar, calendarFile: '/etc/ipplan/holidays.txt' };
    const at = (date: string) => () => new Date(`${date}T01:00:00Z`); // 09:00 in Shanghai

    it('posts on a make-up Saturday', async () => {
      const { poster, dates } = fakePoster([]);
      const scheduler = createDigestScheduler({ poster, schedule: withCalendar, logger: captureLogger().logger, clock: clockAt(at('2027-01-09')) });
      expect((await scheduler.tick()).outcome).toBe('posted');
      expect(dates).toEqual(['2027-01-09']);
    });

    it('does not post on a listed holiday, though it is a Monday', async () => {
      const { poster, dates } = fakePoster([]);
      const scheduler = createDigestScheduler({ poster, schedule: withCalendar, logger: captureLogger().logger, clock: clockAt(at('2027-01-04')) });
      expect((await scheduler.tick()).outcome).toBe('not-a-posting-day');
      expect(dates).toEqual([]);
    });

    it('warns at start-up and in each run while the next 30 days are not all known, and not once they are', async () => {
      const calendarWarnings = (log: ReturnType<typeof captureLogger>) => log.lines().filter((l) => String(l.msg).startsWith('digest calendar:'));
      const unknown = captureLogger();
      const a = createDigestScheduler({
        poster: fakePoster([]).poster,
        schedule: config,
        logger: unknown.logger,
        clock: clockAt(() => new Date('2026-12-15T00:00:00Z')),
      });
      a.start();
      await a.tick();
      await a.stop();
      expect(calendarWarnings(unknown)).toHaveLength(2);
      expect(calendarWarnings(unknown)[0]).toMatchObject({ level: 40, unknownFrom: '2027-01-01', packageThrough: 2026 });
      expect(String(calendarWarnings(unknown)[0]?.msg)).toContain("add 2027's holidays (休) and make-up working days (班) to the DIGEST_CALENDAR file");

      const known = captureLogger();
      const b = createDigestScheduler({
        poster: fakePoster([]).poster,
        schedule: withCalendar,
        logger: known.logger,
        clock: clockAt(() => new Date('2026-12-15T00:00:00Z')),
      });
      b.start();
      await b.tick();
      await b.stop();
      expect(calendarWarnings(known)).toEqual([]);
    });
  });
});
