/**
 * What a coordinator typed (in the modal, after `/progress`, on the command line) → a checked
 * update, or one Chinese sentence per field saying what is wrong and what would be right. The
 * checks are the same on every surface:
 *
 * 1. Status: one of 未启动 / 推进中 / 已完成 / 受阻 (a few everyday words are read as these).
 * 2. Units: separated by 、，, ； or new lines; each at most {@link MAX_UNIT_LENGTH} characters,
 *    at most {@link MAX_UNITS} of them; an empty field clears the list.
 * 3. Due date: `YYYY-MM-DD` (also `YYYY/M/D`, `YYYY年M月D日`), a real date; 无 or empty clears it.
 * 4. Note: at most {@link MAX_NOTE_LENGTH} characters; line breaks are kept.
 *
 * Text is cleaned of control and invisible characters before any check, so what is stored is
 * what people see.
 */
import { isIsoDate } from '../time/local-date.js';
import {
  MAX_NOTE_LENGTH,
  MAX_UNIT_LENGTH,
  MAX_UNITS,
  PROGRESS_STATUSES,
  ProgressStatusSchema,
  type ProgressField,
  type ProgressStatus,
} from './progress-schema.js';

/** Raw text per field; a field left out is not changed. */
export interface ProgressInput {
  status?: string;
  lead?: string;
  participants?: string;
  due?: string;
  note?: string;
}

/** A checked update: only the fields to change; `due: null` clears the due date. */
export interface ProgressUpdate {
  status?: ProgressStatus;
  lead?: string[];
  participants?: string[];
  due?: string | null;
  note?: string;
}

export type FieldErrors = Partial<Record<ProgressField, string>>;

export type ReadInput = { ok: true; update: ProgressUpdate } | { ok: false; errors: FieldErrors };

/** Everyday words for the four statuses. */
const STATUS_ALIASES: Readonly<Record<string, ProgressStatus>> = {
  未开始: '未启动',
  尚未启动: '未启动',
  进行中: '推进中',
  在推进: '推进中',
  正在推进: '推进中',
  完成: '已完成',
  已办结: '已完成',
  办结: '已完成',
  阻塞: '受阻',
  卡住: '受阻',
  停滞: '受阻',
};

const CLEARING_WORDS: ReadonlySet<string> = new Set(['无', '没有', '清除', '不设', 'none', '-']);

/** Invisible characters and controls other than the line break. */
const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const UNIT_SEPARATORS = /[、,，;；\n]+/u;

/** 无, 清除 …: the field is to be emptied. */
export function isClearing(raw: string): boolean {
  return CLEARING_WORDS.has(cleanText(raw).toLowerCase());
}

export const STATUS_LIST = PROGRESS_STATUSES.join(' / ');

/**
 * Length as Slack's inputs count it for `max_length` (UTF-16 code units: a character outside the
 * Basic Multilingual Plane, such as most emoji, counts twice), so text accepted here always fits
 * the form it is shown in.
 */
function length(text: string): number {
  return text.length;
}

/** Text as it will be stored: controls removed, lines trimmed, runs of blank lines folded. */
export function cleanText(raw: string): string {
  return raw
    .toWellFormed()
    .replace(/\r\n?/gu, '\n')
    .replace(INVISIBLE, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** The status a word names, if it names one. */
export function readStatus(word: string): ProgressStatus | undefined {
  const cleaned = cleanText(word);
  const parsed = ProgressStatusSchema.safeParse(cleaned);
  return parsed.success ? parsed.data : STATUS_ALIASES[cleaned];
}

export function unknownStatusMessage(typed: string): string {
  return `“${quoted(typed)}”不是有效的状态：只能是 ${STATUS_LIST}。`;
}

function quoted(text: string): string {
  const oneLine = [...cleanText(text).replace(/\s+/gu, ' ')];
  return oneLine.length > 20 ? `${oneLine.slice(0, 19).join('')}…` : oneLine.join('');
}

function readUnits(raw: string, label: string): { units: string[] } | { error: string } {
  const units: string[] = [];
  if (isClearing(raw)) return { units };
  for (const part of cleanText(raw).split(UNIT_SEPARATORS)) {
    const unit = part.trim();
    if (unit.length === 0 || units.includes(unit)) continue;
    if (length(unit) > MAX_UNIT_LENGTH)
      return { error: `${label}“${quoted(unit)}”太长了（${length(unit)} 个字），每个单位名称不超过 ${MAX_UNIT_LENGTH} 个字。` };
    units.push(unit);
  }
  if (units.length > MAX_UNITS) return { error: `${label}最多登记 ${MAX_UNITS} 个，现在有 ${units.length} 个。` };
  return { units };
}

/** `2026-12-31`, `2026/12/31`, `2026年12月31日` → `2026-12-31`; undefined when it is not a real date. */
export function readDate(raw: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(cleanText(raw));
  if (!m) return undefined;
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * Checks every field given. `requireStatus`: the modal always submits a status, and an empty one
 * is an error there (the record must say where the measure stands).
 */
export function readProgressInput(input: ProgressInput, options: { requireStatus?: boolean } = {}): ReadInput {
  const errors: FieldErrors = {};
  const update: ProgressUpdate = {};

  if (input.status !== undefined || options.requireStatus) {
    const typed = cleanText(input.status ?? '');
    const status = typed.length > 0 ? readStatus(typed) : undefined;
    if (typed.length === 0) errors.status = `请选择状态：${STATUS_LIST}。`;
    else if (!status) errors.status = unknownStatusMessage(typed);
    else update.status = status;
  }

  for (const [field, label] of [
    ['lead', '牵头单位'],
    ['participants', '参与单位'],
  ] as const) {
    const raw = input[field];
    if (raw === undefined) continue;
    const read = readUnits(raw, label);
    if ('error' in read) errors[field] = read.error;
    else update[field] = read.units;
  }

  if (input.due !== undefined) {
    const typed = cleanText(input.due);
    if (typed.length === 0 || isClearing(typed)) update.due = null;
    else {
      const date = readDate(typed);
      if (date) update.due = date;
      else errors.due = `“${quoted(typed)}”不是有效的日期：请写成 2026-12-31 这样的格式，或写“无”清除截止日期。`;
    }
  }

  if (input.note !== undefined) {
    const note = cleanText(input.note);
    if (length(note) > MAX_NOTE_LENGTH) errors.note = `进展说明太长了（${length(note)} 个字），请控制在 ${MAX_NOTE_LENGTH} 个字以内。`;
    else if (note.length > 0) update.note = note;
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, update };
}
