/**
 * Runs the digest on its schedule: at each cron time, on posting days, it posts today's digest
 * through the exactly-once poster. After a start-up it posts today's digest if today's time has
 * passed without one (today's only, never a backlog). A failed post is retried with backoff
 * while it is still the same day. At start-up and in each run it warns when the working-day
 * calendar (the `chinese-days` package and DIGEST_CALENDAR) does not know the next 30 days.
 */
import { Cron } from 'croner';
import type { CalendarOverrides } from '../../core/digest/digest-calendar.js';
import { ranEarlierToday } from '../../core/digest/digest-schedule.js';
import { firstUnknownDay, isPostingDay, lastPackageYear, type DigestDays } from '../../core/digest/posting-days.js';
import type { Logger } from '../../logger.js';
import type { OfficeClock } from '../process/office-clock.js';
import type { DigestOutcome, DigestPoster } from './post-digest.js';

/** Waits between retries of a failed post, then the last one repeats until the day ends. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000] as const;

/** How far ahead the working-day calendar should know the State Council's schedule. */
export const CALENDAR_LOOKAHEAD_DAYS = 30;

export type TickOutcome = DigestOutcome | { outcome: 'not-a-posting-day' };

export interface DigestScheduler {
  start(): void;
  /** Stops scheduling and waits for a post in progress to finish. */
  stop(): Promise<void>;
  /** Posts today's digest if today is a posting day (what the cron runs). */
  tick(): Promise<TickOutcome>;
}

/** When the digest runs (DIGEST_CRON in the office's time zone), on which days, and where (for the log). */
export interface DigestSchedule {
  cron: string;
  days: DigestDays;
  calendar?: CalendarOverrides;
  /** DIGEST_CALENDAR, named in the warning when the calendar runs out. */
  calendarFile?: string;
  channel: string;
}

export interface DigestSchedulerDeps {
  poster: DigestPoster;
  schedule: DigestSchedule;
  logger: Logger;
  clock: OfficeClock;
}

export function createDigestScheduler({ poster, schedule, logger, clock }: DigestSchedulerDeps): DigestScheduler {
  let job: Cron | undefined;
  let retry: NodeJS.Timeout | undefined;
  let retries = 0;
  let stopped = false;

  function scheduleRetry(date: string): void {
    const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)] as number;
    if (stopped || clock.dayOf(new Date(clock.now().getTime() + delay)) !== date) return;
    retries += 1;
    clearTimeout(retry);
    retry = setTimeout(() => void tick(), delay);
    retry.unref();
    logger.info({ kind: 'digest', date, inMs: delay, attempt: retries + 1 }, 'digest: retry scheduled');
  }

  /** Warns when, within the lookahead, working days would only be guessed (Monday–Friday). */
  function checkCalendar(today: string): void {
    if (schedule.days !== 'workdays') return;
    const unknown = firstUnknownDay(today, CALENDAR_LOOKAHEAD_DAYS, schedule.calendar);
    if (unknown === undefined) return;
    const year = unknown.slice(0, 4);
    logger.warn(
      { kind: 'digest', unknownFrom: unknown, packageThrough: lastPackageYear(Number(today.slice(0, 4))), calendarFile: schedule.calendarFile ?? null },
      `digest calendar: no State Council holiday schedule for ${year} (from ${unknown}), so working days there are taken as Monday–Friday: add ${year}'s holidays (休) and make-up working days (班) to the DIGEST_CALENDAR file`,
    );
  }

  async function tick(): Promise<TickOutcome> {
    const started = performance.now();
    const date = clock.today();
    checkCalendar(date);
    if (!isPostingDay(date, schedule.days, schedule.calendar)) {
      logger.info({ kind: 'digest', date, outcome: 'not-a-posting-day' }, 'digest: not a posting day');
      return { outcome: 'not-a-posting-day' };
    }
    let result: DigestOutcome;
    try {
      result = await poster.post(date);
    } catch (error) {
      // The state store could not be reached: without a claim nothing is posted (never twice).
      logger.error({ kind: 'digest', date, err: error }, 'digest: could not claim the date; will retry');
      result = { outcome: 'failed', error: 'state_store_unavailable', retryable: true };
    }
    logger.info({ kind: 'digest', date, ms: Math.round(performance.now() - started), ...result }, `digest: ${result.outcome}`);
    if (result.outcome === 'failed' && result.retryable) scheduleRetry(date);
    else retries = 0;
    return result;
  }

  return {
    start() {
      job = new Cron(
        schedule.cron,
        { timezone: clock.timeZone, protect: true, catch: (error) => logger.error({ err: error }, 'digest schedule failed') },
        () => void tick(),
      );
      logger.info(
        { kind: 'digest', cron: schedule.cron, timeZone: clock.timeZone, channel: schedule.channel, next: job.nextRun()?.toISOString() },
        'digest scheduled',
      );
      // A catch-up run checks the calendar itself.
      if (ranEarlierToday(schedule.cron, clock.timeZone, clock.now())) void tick();
      else checkCalendar(clock.today());
    },
    async stop() {
      stopped = true;
      job?.stop();
      clearTimeout(retry);
      await poster.idle();
    },
    tick,
  };
}
