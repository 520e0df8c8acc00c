/**
 * Which days the digest is posted on: every day, or China's working days as the State Council
 * schedules them (public holidays skipped, make-up working days 调休 included), from the
 * maintained `chinese-days` calendar and, over it, the DIGEST_CALENDAR file. For a year neither
 * lists, working days fall back to Monday–Friday, and {@link firstUnknownDay} says so.
 */
import chineseDays from 'chinese-days';
import { addDays } from '../time/local-date.js';
import { NO_OVERRIDES, type CalendarOverrides } from './digest-calendar.js';

/** `workdays`: China's working days (adjusted working days included); `daily`: every day. */
export type DigestDays = 'workdays' | 'daily';

export function isPostingDay(date: string, days: DigestDays, calendar: CalendarOverrides = NO_OVERRIDES): boolean {
  if (days === 'daily') return true;
  const listed = calendar.days.get(date);
  return listed === undefined ? chineseDays.isWorkday(date) : listed === 'work';
}

/** The last posting day before `date` (looking back at most a month). */
export function previousPostingDay(date: string, days: DigestDays, calendar: CalendarOverrides = NO_OVERRIDES): string | undefined {
  for (let back = 1; back <= 31; back++) {
    const d = addDays(date, -back);
    if (isPostingDay(d, days, calendar)) return d;
  }
  return undefined;
}

const packageYears = new Map<number, boolean>();

/** Whether `chinese-days` lists the State Council's schedule for `year` (it lists its holidays). */
function packageKnows(year: number): boolean {
  let known = packageYears.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    packageYears.set(year, known);
  }
  return known;
}

/** The last year `chinese-days` lists (it lists every year from 2004 up to it). */
export function lastPackageYear(from: number): number {
  let year = from;
  while (packageKnows(year + 1)) year += 1;
  while (!packageKnows(year) && year > 2004) year -= 1;
  return year;
}

/**
 * The first day from `from` to `days` days later whose year's schedule neither the package nor
 * the calendar file knows (working days there are only a guess), or undefined when all are known.
 */
export function firstUnknownDay(from: string, days: number, calendar: CalendarOverrides = NO_OVERRIDES): string | undefined {
  for (let i = 0; i <= days; i++) {
    const date = addDays(from, i);
    const year = Number(date.slice(0, 4));
    if (!packageKnows(year) && !calendar.years.has(year)) return date;
  }
  return undefined;
}
