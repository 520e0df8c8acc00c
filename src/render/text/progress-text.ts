/**
 * The progress record on the command line: a measure's record and history as text, every record
 * as a table, and CSV for spreadsheets (UTF-8; a cell that a spreadsheet would read as a formula
 * — starting with = + - @ — is prefixed with ' so it stays text).
 */
import type { ProgressAnswer } from '../../core/progress/progress-question.js';
import { type ProgressChange, type ProgressRecord, FIELD_LABELS, NOT_REGISTERED, UNIT_SEPARATOR } from '../../core/progress/progress-schema.js';
import { measureLabel } from '../answer-parts.js';
import { emptyListSentence, progressHeadline, progressListTitle, PROGRESS_SOURCE, progressSource, unavailableSentence } from '../progress-parts.js';

function units(list: readonly string[]): string {
  return list.length > 0 ? list.join(UNIT_SEPARATOR) : '未登记';
}

export function renderRecordText(measure: number, record: ProgressRecord | undefined): string {
  if (!record) return `第 ${measure} 条：${NOT_REGISTERED}。`;
  const lines = [
    `第 ${measure} 条 · ${record.status ?? '状态未登记'}（第 ${record.version} 版，${record.updatedDate} ${record.updatedTime} 由 ${record.updatedBy} 更新）`,
    `  牵头单位：${units(record.lead)}`,
    `  参与单位：${units(record.participants)}`,
    `  截止日期：${record.due ? `${record.due}${record.overdue ? '（已逾期）' : ''}` : '未设'}`,
  ];
  if (record.latestNote) lines.push(`  最新进展（${record.latestNote.date} ${record.latestNote.time} ${record.latestNote.author}）：${record.latestNote.text}`);
  return lines.join('\n');
}

export function renderHistoryText(changes: readonly ProgressChange[]): string {
  if (changes.length === 0) return '（没有记录）';
  return [...changes]
    .reverse()
    .map(
      (c) =>
        `${c.date} ${c.time}  ${c.author}  第 ${c.version} 版  ${FIELD_LABELS[c.field]}：${c.field === 'note' ? (c.after ?? '') : `${c.before ?? '（无）'} → ${c.after ?? '（无）'}`}`,
    )
    .join('\n');
}

/** One line per registered measure. */
export function renderRecordsText(records: readonly ProgressRecord[]): string {
  if (records.length === 0) return `还没有登记任何措施的推进情况（${NOT_REGISTERED}）。`;
  return records
    .map(
      (r) =>
        `第 ${r.measure} 条  ${r.status ?? '未登记'}  截止 ${r.due ?? '未设'}${r.overdue ? '（已逾期）' : ''}  牵头 ${units(r.lead)}  ${r.updatedDate} 更新`,
    )
    .join('\n');
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
  return /[",\n\r]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

function csv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n');
}

export function renderRecordsCsv(records: readonly ProgressRecord[]): string {
  return csv(
    [
      'measure',
      'status',
      'lead',
      'participants',
      'due',
      'overdue',
      'version',
      'updated_date',
      'updated_time',
      'updated_by',
      'latest_note_date',
      'latest_note_author',
      'latest_note',
    ],
    records.map((r) => [
      r.measure,
      r.status,
      r.lead.join(UNIT_SEPARATOR),
      r.participants.join(UNIT_SEPARATOR),
      r.due,
      r.overdue,
      r.version,
      r.updatedDate,
      r.updatedTime,
      r.updatedBy,
      r.latestNote?.date,
      r.latestNote?.author,
      r.latestNote?.text,
    ]),
  );
}

export function renderChangesCsv(changes: readonly ProgressChange[]): string {
  return csv(
    ['measure', 'version', 'date', 'time', 'author', 'field', 'before', 'after'],
    changes.map((c) => [c.measure, c.version, c.date, c.time, c.author, c.field, c.before, c.after]),
  );
}

/** An answer to a question about progress, as the console prints it. */
export function renderProgressAnswerText(answer: ProgressAnswer): string {
  const unavailable = unavailableSentence(answer);
  if (unavailable) return unavailable;
  if (answer.kind === 'list') {
    const empty = emptyListSentence(answer);
    if (empty) return empty;
    const lines = answer.measures.map((l) => `  ${measureLabel(l.number)}  ${l.firstClause}${l.record?.due ? `（截止 ${l.record.due}）` : ''}`);
    return [`${progressListTitle(answer)}（协调办登记，共 ${answer.measures.length} 条）：`, ...lines, PROGRESS_SOURCE].join('\n');
  }
  const { measure, record } = answer;
  return [
    progressHeadline(answer),
    `${measure.area.numeral}、${measure.area.title}｜${measure.firstClause}`,
    ...(record ? [renderRecordText(measure.number, record)] : []),
    progressSource(answer),
  ].join('\n');
}
