/**
 * The digest for a date, as data: today's measures grouped under their areas, where the walk
 * stands, and what people asked since the previous digest. A pure function of the plan, the date,
 * the walk's history and the recorded activity, so any date can be previewed.
 */
import { z } from 'zod';
import { areaOf, findMeasure } from '../plan/find-in-plan.js';
import { addDays } from '../time/local-date.js';
import { digestIssue, type DigestIssueInput } from './digest-issue.js';
import type { CalendarOverrides } from './digest-calendar.js';
import { previousPostingDay, type DigestDays } from './posting-days.js';

/** Measures listed as most shown, questions listed as unanswered, at most. */
export const MAX_TOP_MEASURES = 5;
export const MAX_UNANSWERED = 10;
const MAX_QUESTION_SHOWN = 100;

export const DigestContentSchema = z.object({
  date: z.string(),
  /** The walk's first day this content was computed from. */
  start: z.string(),
  planTitle: z.string(),
  issue: z.object({ number: z.number(), total: z.number(), cycle: z.number() }),
  areas: z.array(
    z.object({
      number: z.number(),
      numeral: z.string(),
      title: z.string(),
      measures: z.array(z.object({ number: z.number(), text: z.string() })),
    }),
  ),
  activity: z
    .object({
      from: z.string(),
      to: z.string(),
      questions: z.number(),
      topMeasures: z.array(z.object({ number: z.number(), count: z.number() })),
      unanswered: z.array(z.string()),
      feedback: z.object({ helpful: z.number(), notHelpful: z.number() }),
    })
    .optional(),
});
export type DigestContent = z.infer<typeof DigestContentSchema>;

/** What was recorded on one calendar day: each question with the measures its answer showed, and the feedback clicks. */
export interface DayActivity {
  questions: ReadonlyArray<{ question: string; measures: readonly number[]; found: boolean }>;
  feedback: { helpful: number; notHelpful: number };
}

export interface DigestContentInput extends DigestIssueInput {
  /** Activity of each calendar day the digest reports on (a day missing had none). */
  activity: ReadonlyMap<string, DayActivity>;
}

const NO_ACTIVITY: DayActivity = { questions: [], feedback: { helpful: 0, notHelpful: 0 } };

/** A question cut to {@link MAX_QUESTION_SHOWN} characters, never inside a surrogate pair. */
function shorten(question: string): string {
  const chars = [...question.toWellFormed()];
  return chars.length > MAX_QUESTION_SHOWN ? `${chars.slice(0, MAX_QUESTION_SHOWN - 1).join('')}…` : chars.join('');
}

function mergeActivity(days: readonly DayActivity[]): Omit<NonNullable<DigestContent['activity']>, 'from' | 'to'> {
  const shown = new Map<number, number>();
  const unanswered: string[] = [];
  let questions = 0;
  const feedback = { helpful: 0, notHelpful: 0 };
  for (const day of days) {
    questions += day.questions.length;
    for (const q of day.questions) {
      for (const n of q.measures) shown.set(n, (shown.get(n) ?? 0) + 1);
      if (!q.found && !unanswered.includes(q.question)) unanswered.push(q.question);
    }
    feedback.helpful += day.feedback.helpful;
    feedback.notHelpful += day.feedback.notHelpful;
  }
  return {
    questions,
    topMeasures: [...shown].map(([number, count]) => ({ number, count })).sort((a, b) => b.count - a.count || a.number - b.number).slice(0, MAX_TOP_MEASURES),
    unanswered: unanswered.slice(-MAX_UNANSWERED).map(shorten),
    feedback,
  };
}

/** The days a digest on `date` reports activity for: since the previous posting day, up to yesterday (each day once). */
export function activityDays(date: string, days: DigestDays, calendar?: CalendarOverrides): string[] {
  const to = addDays(date, -1);
  const from = previousPostingDay(date, days, calendar) ?? to;
  const list: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) list.push(d);
  return list;
}

export function digestContent(input: DigestContentInput): DigestContent {
  const { plan, date } = input;
  const issue = digestIssue(input);
  const areas: DigestContent['areas'] = [];
  for (const number of issue.measures) {
    const measure = findMeasure(plan, number);
    if (!measure) continue;
    const area = areaOf(plan, measure);
    let group = areas.find((a) => a.number === area.number);
    if (!group) {
      group = { number: area.number, numeral: area.numeral, title: area.title, measures: [] };
      areas.push(group);
    }
    group.measures.push({ number, text: measure.displayText });
  }

  const days = activityDays(date, input.days, input.calendar);
  const from = days[0] ?? addDays(date, -1);
  const to = days.at(-1) ?? from;
  const activity = mergeActivity(days.map((d) => input.activity.get(d) ?? NO_ACTIVITY));
  const hasActivity = activity.questions > 0 || activity.feedback.helpful + activity.feedback.notHelpful > 0;

  return {
    date,
    start: input.start,
    planTitle: plan.title,
    issue: { number: issue.number, total: issue.total, cycle: issue.cycle },
    areas,
    ...(hasActivity ? { activity: { from, to, ...activity } } : {}),
  };
}
