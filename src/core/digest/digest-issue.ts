/**
 * Where the digest stands on a date: it walks the measures in order, `size` a day, and starts over
 * after the last one. Only days with a digest move it on: past days count if a digest was
 * posted, days from `today` on count if they are posting days (a preview assumes they will be).
 * Dates before the walk's start are previewed as if it had run on every posting day, so
 * consecutive posting days always get consecutive issues.
 */
import type { Plan } from '../plan/plan-schema.js';
import { addDays } from '../time/local-date.js';
import type { CalendarOverrides } from './digest-calendar.js';
import { isPostingDay, type DigestDays } from './posting-days.js';

export interface DigestIssue {
  /** 1-based issue number within the cycle, and how many issues a cycle has. */
  number: number;
  total: number;
  /** Which pass through the plan this is (1 for the first). */
  cycle: number;
  measures: number[];
}

export interface DigestIssueInput {
  plan: Plan;
  date: string;
  /** The first day of the walk (the first digest's date). */
  start: string;
  /** Dates a digest was actually posted on. */
  postedDates: ReadonlySet<string>;
  today: string;
  days: DigestDays;
  /** Holidays and make-up working days over the package's (DIGEST_CALENDAR). */
  calendar?: CalendarOverrides;
  size: number;
}

export function digestIssue({ plan, date, start, postedDates, today, days, calendar, size }: DigestIssueInput): DigestIssue {
  const total = Math.ceil(plan.measures.length / size);
  let offset = 0;
  if (date >= start) {
    for (let day = start; day < date; day = addDays(day, 1)) {
      const hadDigest = day < today ? postedDates.has(day) : isPostingDay(day, days, calendar);
      if (hadDigest) offset += 1;
    }
  } else {
    // Before the walk began: as if it had been running on every posting day.
    for (let day = date; day < start; day = addDays(day, 1)) if (isPostingDay(day, days, calendar)) offset -= 1;
  }
  const index = ((offset % total) + total) % total;
  const first = index * size;
  return {
    number: index + 1,
    total,
    cycle: Math.floor(offset / total) + 1,
    measures: plan.measures.slice(first, first + size).map((m) => m.number),
  };
}
