/**
 * The coordinators' record of how each measure is being carried out. The plan's text names no
 * lead unit, no deadline and no status; this record is kept beside it, one per measure, and
 * every change to it is kept as an audit entry (who, when, which field, before, after), so
 * nothing is ever overwritten without its history. A progress note is such an entry too
 * (field `note`, nothing before it).
 *
 * These are the shapes every surface receives (Slack, the CLI's `--json`), validated here.
 */
import { z } from 'zod';

/** The four states a measure can be in, in the order they are listed everywhere. */
export const PROGRESS_STATUSES = ['未启动', '推进中', '已完成', '受阻'] as const;
export const ProgressStatusSchema = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;

/** A progress note, at most (in UTF-16 code units, as Slack's inputs count them). */
export const MAX_NOTE_LENGTH = 2000;
/** One unit's name, at most. */
export const MAX_UNIT_LENGTH = 100;
/** Lead or participating units listed for one measure, at most. */
export const MAX_UNITS = 20;

/** What a change can touch. */
export const PROGRESS_FIELDS = ['status', 'lead', 'participants', 'due', 'note'] as const;
export const ProgressFieldSchema = z.enum(PROGRESS_FIELDS);
export type ProgressField = z.infer<typeof ProgressFieldSchema>;

/** How each field is named to people. */
export const FIELD_LABELS: Readonly<Record<ProgressField, string>> = {
  status: '状态',
  lead: '牵头单位',
  participants: '参与单位',
  due: '截止日期',
  note: '进展',
};

/** Who made a change: a Slack user id (`U…`, `W…`), or the name an administrator gave on the command line. */
export const AuthorSchema = z.string().min(1).max(100);

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

/** One audit entry: a field's value before and after one update, with who and when. */
export const ProgressChangeSchema = z.object({
  measure: z.number().int().positive(),
  /** The record's version this update produced (1 for the first). */
  version: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  /** Calendar day and time of day in the office's time zone. */
  date: IsoDate,
  time: z.string().regex(/^\d{2}:\d{2}$/u),
  author: AuthorSchema,
  field: ProgressFieldSchema,
  /** The value as shown to people (units joined with 、), null when there was none. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ProgressChange = z.infer<typeof ProgressChangeSchema>;

export const ProgressNoteSchema = z.object({
  at: z.number().int().nonnegative(),
  date: IsoDate,
  time: z.string(),
  author: AuthorSchema,
  text: z.string(),
});
export type ProgressNote = z.infer<typeof ProgressNoteSchema>;

/** A measure's record as it stands. A measure nobody has registered has no record at all. */
export const ProgressRecordSchema = z.object({
  measure: z.number().int().positive(),
  /** Absent until a coordinator sets one (a record may start with its lead unit). */
  status: ProgressStatusSchema.optional(),
  lead: z.array(z.string()),
  participants: z.array(z.string()),
  due: IsoDate.optional(),
  /** Updates so far; a stale edit is recognised by it. */
  version: z.number().int().positive(),
  updatedAt: z.number().int().nonnegative(),
  /** Day and time of the last update, in the office's time zone. */
  updatedDate: IsoDate,
  updatedTime: z.string(),
  updatedBy: AuthorSchema,
  latestNote: ProgressNoteSchema.optional(),
  /** Past its due date and not 已完成, on the day it was read. */
  overdue: z.boolean(),
});
export type ProgressRecord = z.infer<typeof ProgressRecordSchema>;

/** What people call "no record": the sentence every surface uses, never a guess. */
export const NOT_REGISTERED = '计划原文未列明，协调办尚未登记';

/** Units as shown: `海关总署、公安部`. */
export const UNIT_SEPARATOR = '、';
