/**
 * The calendar file named by DIGEST_CALENDAR: the State Council's public holidays and make-up
 * working days (调休上班) for years the `chinese-days` package does not list yet, one date a line.
 *
 *   # 2026, as the State Council published it on 2025-11-04
 *   2026-01-01 休    元旦
 *   2026-02-14 班    春节调休上班
 *
 * `休` marks a day off (no digest, even on a weekday), `班` a working day (a digest, even on a
 * weekend). Text after the mark, and lines starting with `#`, are comments. A date in the file
 * overrides the package; a year with at least one line counts as known, its unlisted days
 * following the week (Monday–Friday working).
 */
import { isIsoDate } from '../time/local-date.js';

export type DayKind = 'rest' | 'work';

export interface CalendarOverrides {
  days: ReadonlyMap<string, DayKind>;
  /** The years the file speaks for. */
  years: ReadonlySet<number>;
}

export const NO_OVERRIDES: CalendarOverrides = { days: new Map(), years: new Set() };

const MARKS: Readonly<Record<string, DayKind>> = { 休: 'rest', 班: 'work' };
const LINE = /^(\S+)\s+(\S)(?:\s.*)?$/u;

/** A line the calendar cannot read: its 1-based number and what is wrong with it. */
export class CalendarParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CalendarParseError';
  }
}

export function parseDigestCalendar(text: string): CalendarOverrides {
  const days = new Map<string, DayKind>();
  const years = new Set<number>();
  text.split(/\r?\n/u).forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/u, '').trim();
    if (line.length === 0 || line.startsWith('#')) return;
    const shown = `“${line.slice(0, 40)}”`;
    const m = LINE.exec(line);
    const kind = m ? MARKS[m[2] ?? ''] : undefined;
    if (!m || kind === undefined) throw new CalendarParseError(index + 1, `${shown} is not a date followed by 休 or 班`);
    const date = m[1] ?? '';
    if (!isIsoDate(date)) throw new CalendarParseError(index + 1, `${shown}: ${date} is not a date (YYYY-MM-DD)`);
    const earlier = days.get(date);
    if (earlier !== undefined && earlier !== kind) throw new CalendarParseError(index + 1, `${shown}: ${date} is listed both as 休 and as 班`);
    days.set(date, kind);
    years.add(Number(date.slice(0, 4)));
  });
  return { days, years };
}
