/**
 * The digest for a date, as data: today's measures grouped under their areas, where the walk
 * stands, and what people asked since the previous digest. A pure function of the plan, the date,
 * the walk's history and the recorded activity, so any date can be previewed.
 */
import { z } from 'zod';
import { areaOf, findMeasure } from '../plan/find-in-plan.js';
import type { ActivitySummary } from '../../store/activity-log.js';
import { addDays } from '../time/local-date.js';
import { digestIssue, type DigestIssueInput } from './digest-issue.js';
import { previousPostingDay } from './posting-days.js';

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

export interface DigestContentInput extends DigestIssueInput {
  /** Activity of one calendar day. */
  activityOn: (date: string) => ActivitySummary;
}

/** A question cut to {@link MAX_QUESTION_SHOWN} characters, never inside a surrogate pair. */
function shorten(question: string): string {
  const chars = [...question.toWellFormed()];
  return chars.length > MAX_QUESTION_SHOWN ? `${chars.slice(0, MAX_QUESTION_SHOWN - 1).join('')}…` : chars.join('');
}

function mergeActivity(summaries: readonly ActivitySummary[]): Omit<NonNullable<DigestContent['activity']>, 'from' | 'to'> {
  const shown = new Map<number, number>();
  const unanswered: string[] = [];
  let questions = 0;
  const feedback = { helpful: 0, notHelpful: 0 };
  for (const s of summaries) {
    questions += s.questions;
    for (const m of s.measuresShown) shown.set(m.number, (shown.get(m.number) ?? 0) + m.count);
    for (const q of s.unanswered) if (!unanswered.includes(q)) unanswered.push(q);
    feedback.helpful += s.feedback.helpful;
    feedback.notHelpful += s.feedback.notHelpful;
  }
  return {
    questions,
    topMeasures: [...shown].map(([number, count]) => ({ number, count })).sort((a, b) => b.count - a.count || a.number - b.number).slice(0, MAX_TOP_MEASURES),
    unanswered: unanswered.slice(-MAX_UNANSWERED).map(shorten),
    feedback,
  };
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

  // Activity since the previous digest day, up to yesterday: each day is reported once.
  const to = addDays(date, -1);
  const from = previousPostingDay(date, input.days) ?? to;
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const activity = mergeActivity(days.map(input.activityOn));
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
