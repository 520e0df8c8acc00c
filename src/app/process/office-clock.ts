/**
 * The one "now" and the one "today" of the application: the office counts days in one time zone
 * (DIGEST_TZ), and every record, digest and overdue check asks this clock, never a second zone.
 * The instant source is injected so tests set the time.
 */
import { localDate } from '../../core/time/local-date.js';

export interface OfficeClock {
  /** The office's time zone (IANA name). */
  readonly timeZone: string;
  now(): Date;
  /** The office's calendar day now (YYYY-MM-DD). */
  today(): string;
  /** The calendar day of an instant, in the office's time zone. */
  dayOf(instant: Date): string;
}

export function officeClock(timeZone: string, now: () => Date = () => new Date()): OfficeClock {
  return {
    timeZone,
    now,
    today: () => localDate(now(), timeZone),
    dayOf: (instant) => localDate(instant, timeZone),
  };
}
