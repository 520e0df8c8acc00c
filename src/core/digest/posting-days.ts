/**
 * Which days the digest is posted on: every day, or China's working days as the State Council
 * schedules them (public holidays skipped, adjusted working days 调休 included), from the
 * maintained `chinese-days` calendar. For years that calendar does not list yet, working days
 * fall back to Monday–Friday.
 */
import chineseDays from 'chinese-days';
import { addDays } from '../time/local-date.js';

/** `workdays`: China's working days (adjusted working days included); `daily`: every day. */
export type DigestDays = 'workdays' | 'daily';

export function isPostingDay(date: string, days: DigestDays): boolean {
  return days === 'daily' || chineseDays.isWorkday(date);
}

/** The last posting day before `date` (looking back at most a month). */
export function previousPostingDay(date: string, days: DigestDays): string | undefined {
  for (let back = 1; back <= 31; back++) {
    const d = addDays(date, -back);
    if (isPostingDay(d, days)) return d;
  }
  return undefined;
}
