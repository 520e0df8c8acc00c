/**
 * The digest for a date, as data: today's measures grouped under their areas, where the walk
 * stands, what people asked since the previous digest, and the coordinators' record: what was
 * updated since the previous digest (昨日进展) and which measures are overdue or blocked
 * (逾期/受阻). A pure function of the plan, the date, the walk's history, the recorded activity
 * and the progress record, so any date can be previewed.
 */
import { z } from 'zod';
import { areaOf, findMeasure } from '../plan/find-in-plan.js';
import { isOverdueOn, measureLines } from '../progress/progress-overview.js';
import { ProgressFieldSchema, ProgressStatusSchema, type ProgressChange, type ProgressRecord } from '../progress/progress-schema.js';
import { addDays } from '../time/local-date.js';
import { digestIssue, type DigestIssueInput } from './digest-issue.js';
import type { CalendarOverrides } from './digest-calendar.js';
import { previousPostingDay, type DigestDays } from './posting-days.js';

/** Measures listed as most shown, questions listed as unanswered, at most. */
export const MAX_TOP_MEASURES = 5;
export const MAX_UNANSWERED = 10;
const MAX_QUESTION_SHOWN = 100;
/** Measures listed under 昨日进展 and under 逾期/受阻, changes shown per measure, and note length, at most. */
export const MAX_PROGRESS_MEASURES = 10;
export const MAX_CHANGES_PER_MEASURE = 4;
const MAX_NOTE_SHOWN = 200;

const ProgressLineSchema = z.object({ number: z.number(), firstClause: z.string() });

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
  /** 昨日进展: measures updated on the days reported on, each with its latest changes. Absent when none. */
  updates: z
    .object({
      from: z.string(),
      to: z.string(),
      measures: z.array(
        ProgressLineSchema.extend({
          changes: z.array(z.object({ field: ProgressFieldSchema, before: z.string().nullable(), after: z.string().nullable() })),
        }),
      ),
      /** Measures updated but not listed (beyond the limit). */
      more: z.number(),
    })
    .optional(),
  /** The digest's record or the activity could not be read just now: the issue number and the sections from the record may be missing. */
  unavailable: z.boolean().optional(),
  /**
   * The help desk's waiting list: questions passed on to the office and not closed (oldest first,
   * with how long they have waited) and standard answers due for review. Absent when neither has any.
   */
  helpDesk: z
    .object({
      open: z.array(z.object({ id: z.number(), question: z.string(), state: z.enum(['open', 'answered']), ageMs: z.number() })),
      openCount: z.number(),
      dueForReview: z.array(z.object({ id: z.number(), question: z.string(), reviewBy: z.string() })),
      dueCount: z.number(),
    })
    .optional(),
  /** 逾期/受阻 on the digest's date. Absent when there are none. */
  attention: z
    .object({
      measures: z.array(ProgressLineSchema.extend({ status: ProgressStatusSchema.optional(), due: z.string().optional(), overdue: z.boolean() })),
      more: z.number(),
    })
    .optional(),
});
export type DigestContent = z.infer<typeof DigestContentSchema>;

/** What a digest says when the state it counts from could not be read just now. */
export const DIGEST_STATE_UNAVAILABLE = '记录暂时读不到：期号按今天起算，昨日问答和推进情况暂缺。';

/** What was recorded on one calendar day: each question with the measures its answer showed, and the feedback clicks. */
export interface DayActivity {
  questions: ReadonlyArray<{ question: string; measures: readonly number[]; found: boolean }>;
  feedback: { helpful: number; notHelpful: number };
}

export interface DigestContentInput extends DigestIssueInput {
  /** Activity of each calendar day the digest reports on (a day missing had none). */
  activity: ReadonlyMap<string, DayActivity>;
  /** The progress record now, and the changes made on the days the digest reports on. */
  progress?: { records: readonly ProgressRecord[]; changes: readonly ProgressChange[] };
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
    topMeasures: [...shown]
      .map(([number, count]) => ({ number, count }))
      .sort((a, b) => b.count - a.count || a.number - b.number)
      .slice(0, MAX_TOP_MEASURES),
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

function cut(text: string | null, max: number): string | null {
  if (text === null) return null;
  const chars = [...text.replace(/\s+/gu, ' ')];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** 昨日进展: every measure changed in the period, in the order first changed, its last few changes each. */
function progressUpdates(input: DigestContentInput, from: string, to: string): DigestContent['updates'] {
  const changes = (input.progress?.changes ?? []).filter((c) => c.date >= from && c.date <= to);
  if (changes.length === 0) return undefined;
  const byMeasure = new Map<number, ProgressChange[]>();
  for (const c of changes) byMeasure.set(c.measure, [...(byMeasure.get(c.measure) ?? []), c]);
  const numbers = [...byMeasure.keys()];
  const lines = measureLines(input.plan, numbers.slice(0, MAX_PROGRESS_MEASURES), new Map());
  return {
    from,
    to,
    measures: lines.map((line) => ({
      number: line.number,
      firstClause: line.firstClause,
      changes: (byMeasure.get(line.number) ?? [])
        .slice(-MAX_CHANGES_PER_MEASURE)
        .map((c) => ({ field: c.field, before: cut(c.before, MAX_NOTE_SHOWN), after: cut(c.after, MAX_NOTE_SHOWN) })),
    })),
    more: Math.max(0, numbers.length - MAX_PROGRESS_MEASURES),
  };
}

/** 逾期/受阻 on the digest's date, by number. */
function progressAttention(input: DigestContentInput): DigestContent['attention'] {
  const records = (input.progress?.records ?? []).filter((r) => r.status === '受阻' || isOverdueOn(r, input.date));
  if (records.length === 0) return undefined;
  const shown = records.slice(0, MAX_PROGRESS_MEASURES);
  const lines = measureLines(
    input.plan,
    shown.map((r) => r.measure),
    new Map(),
  );
  return {
    measures: lines.map((line, i) => {
      const record = shown[i];
      return {
        number: line.number,
        firstClause: line.firstClause,
        ...(record?.status ? { status: record.status } : {}),
        ...(record?.due ? { due: record.due } : {}),
        overdue: record ? isOverdueOn(record, input.date) : false,
      };
    }),
    more: records.length - shown.length,
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

  const days = activityDays(date, input.days, input.calendar);
  const from = days[0] ?? addDays(date, -1);
  const to = days.at(-1) ?? from;
  const activity = mergeActivity(days.map((d) => input.activity.get(d) ?? NO_ACTIVITY));
  const hasActivity = activity.questions > 0 || activity.feedback.helpful + activity.feedback.notHelpful > 0;
  const updates = progressUpdates(input, from, to);
  const attention = progressAttention(input);

  return {
    date,
    start: input.start,
    planTitle: plan.title,
    issue: { number: issue.number, total: issue.total, cycle: issue.cycle },
    areas,
    ...(hasActivity ? { activity: { from, to, ...activity } } : {}),
    ...(updates ? { updates } : {}),
    ...(attention ? { attention } : {}),
  };
}
