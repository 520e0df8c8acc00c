/**
 * When the digest runs: the cron expression read in the digest's time zone (croner does the
 * calendar arithmetic, daylight saving included). These are pure functions of the instant given,
 * so a fake clock can check them.
 *
 * A cron can schedule the digest ({@link digestCronProblem}) when, in this order:
 *
 * Rule 1: it has five fields (minute hour day month weekday) or six (second first). croner reads
 *   a seventh as the year, and `* * * * * * *` as every second.
 * Rule 2: with six, the second is one number from 0 to 59: a seconds field of `*` or a step runs
 *   the digest many times a minute, and it is posted once a day at most.
 * Rule 3: croner reads it.
 * Rule 4: it runs at least once a year, whichever year: `0 9 31 2 *` never runs, and
 *   `0 9 29 2 *` waits up to four years. The wait for the next run, from the instant given and
 *   from the same instant in each of the next three years (a leap-year cycle), is at most
 *   {@link MAX_DIGEST_WAIT_DAYS} days.
 */
import { Cron } from 'croner';
import { localDate } from '../time/local-date.js';

/** The longest wait between two digests a cron may have: a year, a leap year's included. */
export const MAX_DIGEST_WAIT_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The years a schedule is checked over: one leap-year cycle. */
const YEARS_CHECKED = 4;
const SECOND = /^(?:[0-5]?\d)$/u;

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

/** Why `cron` cannot schedule the digest (the rules above), or undefined when it can. */
export function digestCronProblem(cron: string, timeZone: string, now: Date): string | undefined {
  const fields = cron.trim().split(/\s+/u);
  if (fields.length !== 5 && fields.length !== 6) return `has ${fields.length} field${fields.length === 1 ? '' : 's'}, not five or six`;
  if (fields.length === 6 && !SECOND.test(fields[0] ?? ''))
    return 'has a seconds field (the first of six) that is not one number from 0 to 59, so it would run many times a minute';
  let job: Cron;
  try {
    job = pattern(cron, timeZone);
  } catch {
    return 'is not a cron expression';
  }
  try {
    for (let year = 0; year < YEARS_CHECKED; year++) {
      const from = new Date(now);
      from.setUTCFullYear(now.getUTCFullYear() + year);
      const next = job.nextRun(from);
      if (!next) return year === 0 ? 'never runs: no date matches it' : 'does not run every year (the longest wait is over a year)';
      if (next.getTime() - from.getTime() > MAX_DIGEST_WAIT_DAYS * DAY_MS) return 'does not run every year (the longest wait is over a year)';
    }
    return undefined;
  } finally {
    job.stop();
  }
}
