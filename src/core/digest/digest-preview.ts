/**
 * The digest for a date as it would be posted now: the pure {@link digestContent} fed from the
 * digest's history (when the walk started, which dates have a digest, what was asked on the days
 * it reports on). The history is read through {@link DigestHistory}, which the state store
 * implements, so the preview, `/plan digest`, the CLI and the poster all compute the same thing.
 */
import type { Plan } from '../plan/plan-schema.js';
import type { ProgressBook } from '../progress/progress-book.js';
import { addDays } from '../time/local-date.js';
import { activityDays, digestContent, type DayActivity, type DigestContent } from './digest-content.js';
import type { CalendarOverrides } from './digest-calendar.js';
import type { DigestDays } from './posting-days.js';

export interface DigestHistory {
  /** The first day of the walk, once a digest was posted. */
  cycleStart(): Promise<string | undefined>;
  postedDates(): Promise<Set<string>>;
  activityOn(date: string): Promise<DayActivity>;
  /** The coordinators' record (昨日进展, 逾期/受阻); without it the digest has no progress sections. */
  progress?: Pick<ProgressBook, 'records' | 'changesBetween'>;
}

export interface DigestSettings {
  days: DigestDays;
  /** Holidays and make-up working days over the package's (DIGEST_CALENDAR). */
  calendar?: CalendarOverrides;
  size: number;
  /** Pins the walk's first day (DIGEST_START). */
  start?: string;
}

/** The walk's first day: DIGEST_START, else the first digest's date, else (nothing posted yet) today. */
export async function walkStart(history: DigestHistory, settings: DigestSettings, today: string): Promise<string> {
  return settings.start ?? (await history.cycleStart()) ?? today;
}

export async function previewDigest(plan: Plan, history: DigestHistory, settings: DigestSettings, date: string, today: string): Promise<DigestContent> {
  const days = activityDays(date, settings.days, settings.calendar);
  const from = days[0] ?? addDays(date, -1);
  const to = days.at(-1) ?? from;
  const [start, postedDates, activity, progress] = await Promise.all([
    walkStart(history, settings, today),
    history.postedDates(),
    Promise.all(days.map(async (d) => [d, await history.activityOn(d)] as const)),
    history.progress ? Promise.all([history.progress.records(), history.progress.changesBetween(from, to)]) : undefined,
  ]);
  return digestContent({
    plan,
    date,
    start,
    postedDates,
    today,
    days: settings.days,
    ...(settings.calendar ? { calendar: settings.calendar } : {}),
    size: settings.size,
    activity: new Map(activity),
    ...(progress ? { progress: { records: progress[0], changes: progress[1] } } : {}),
  });
}
