/**
 * When the digest runs: the cron expression read in the digest's time zone (croner does the
 * calendar arithmetic, daylight saving included). These are pure functions of the instant given,
 * so a fake clock can check them.
 */
import { Cron } from 'croner';
import { localDate } from '../time/local-date.js';

function pattern(cron: string, timeZone: string): Cron {
  return new Cron(cron, { timezone: timeZone, paused: true });
}

/** The next scheduled instant after `from`. */
export function nextDigestRun(cron: string, timeZone: string, from: Date): Date | undefined {
  const job = pattern(cron, timeZone);
  const next = job.nextRun(from) ?? undefined;
  job.stop();
  return next;
}

/** Whether a scheduled time has already passed today (in `timeZone`) at `now`: a missed run to catch up. */
export function ranEarlierToday(cron: string, timeZone: string, now: Date): boolean {
  const job = pattern(cron, timeZone);
  const [previous] = job.previousRuns(1, now);
  job.stop();
  return previous !== undefined && localDate(previous, timeZone) === localDate(now, timeZone);
}
