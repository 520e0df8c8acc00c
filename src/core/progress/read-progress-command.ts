/**
 * `/progress` (and `progress set` on the command line) as typed → what to do:
 *
 *   42                          show the record
 *   42 历史                     show the history
 *   42 推进中 本周完成海关系统联调  set the status, with an optional note
 *   42 牵头 海关总署、公安部       set the lead units (无 clears them)
 *   42 参与 …                   set the participating units
 *   42 截止 2026-12-31          set the due date (无 clears it)
 *   42 进展 …                   add a note without changing anything else
 *
 * The measure may be written as people write it (42, ４２, 第42条, 四十二). Anything that cannot
 * be read is one Chinese sentence listing what would be valid.
 */
import { CHINESE_NUMERAL_CHARS } from '../plan/chinese-numerals.js';
import { parseMeasureArgument } from '../answer/lookup-measure.js';
import { cleanText, isClearing, readStatus, STATUS_LIST, type ProgressInput } from './progress-input.js';

export type ProgressCommand =
  | { type: 'usage' }
  | { type: 'show'; measure: number }
  | { type: 'history'; measure: number }
  | { type: 'update'; measure: number; input: ProgressInput }
  | { type: 'invalid'; message: string };

const HELP_WORDS: ReadonlySet<string> = new Set(['', 'help', '帮助', '说明', '用法', '?', '？']);
const HISTORY_WORDS = ['历史记录', '历史', '记录', 'history'];

/** Field keywords: the one shown in examples, and every word people use for it (longest first when matched). */
const FIELD_WORDS: ReadonlyArray<{ field: keyof ProgressInput; keyword: string; words: readonly string[]; example: string }> = [
  { field: 'lead', keyword: '牵头', words: ['牵头单位', '牵头部门', '牵头', 'lead'], example: '海关总署' },
  { field: 'participants', keyword: '参与', words: ['参与单位', '配合单位', '参与部门', '参与', '配合', 'participants'], example: '公安部、商务部' },
  { field: 'due', keyword: '截止', words: ['截止日期', '截止', '期限', '到期', 'due'], example: '2026-12-31' },
  { field: 'note', keyword: '进展', words: ['进展', '备注', 'note'], example: '已完成系统联调' },
];

const KEYWORD_LIST = '牵头、参与、截止、进展、历史';
export const PROGRESS_EXAMPLE = '/progress 42 推进中 本周完成海关系统联调';

const MEASURE_PREFIX = new RegExp(`^(第?\\s*(?:[0-9０-９]{1,7}|[${CHINESE_NUMERAL_CHARS}]{1,8})\\s*[条项号]?)(.*)$`, 'su');

function outOfRange(n: number, count: number): string {
  return `计划共有 ${count} 条措施（编号 1–${count}），没有第 ${n} 条。`;
}

/** The keyword the text starts with, and the rest. */
function leadingKeyword(text: string, words: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const word = [...words].sort((a, b) => b.length - a.length).find((w) => lower.startsWith(w) && !/^[a-z]/u.test(text.slice(w.length)));
  return word === undefined ? undefined : text.slice(word.length).trim();
}

function firstWord(text: string): string {
  return [...(text.split(/\s/u)[0] ?? '')].slice(0, 20).join('');
}

export function readProgressCommand(raw: string, measureCount: number): ProgressCommand {
  // Line breaks are kept for the note; the note is stored as typed (never folded).
  const text = cleanText(raw);
  if (HELP_WORDS.has(text.toLowerCase())) return { type: 'usage' };

  const prefix = MEASURE_PREFIX.exec(text);
  const argument = prefix ? parseMeasureArgument(prefix[1] ?? '') : undefined;
  if (!prefix || argument?.type !== 'number') {
    return { type: 'invalid', message: `请先写措施编号（1–${measureCount}），例如 ${PROGRESS_EXAMPLE}。` };
  }
  const measure = argument.number;
  if (measure < 1 || measure > measureCount) return { type: 'invalid', message: outOfRange(measure, measureCount) };

  const rest = (prefix[2] ?? '').trim();
  if (rest.length === 0) return { type: 'show', measure };
  if (leadingKeyword(rest, HISTORY_WORDS) === '') return { type: 'history', measure };

  for (const { field, keyword, words, example } of FIELD_WORDS) {
    const value = leadingKeyword(rest, words);
    if (value === undefined) continue;
    if (value.length === 0) {
      const hint = field === 'note' ? '请写出进展说明' : '请写出内容；要清除请写“无”';
      return { type: 'invalid', message: `${hint}，例如 /progress ${measure} ${keyword} ${example}。` };
    }
    if (field === 'note' && isClearing(value)) return { type: 'invalid', message: '进展说明一经登记就留在历史里，不能清除；可以再登记一条新的说明。' };
    return { type: 'update', measure, input: { [field]: value } };
  }

  // A status, then an optional note: the longest status word at the start.
  const head = rest.split(/\s/u)[0] ?? '';
  for (let end = Math.min(head.length, 4); end >= 2; end--) {
    const status = readStatus(head.slice(0, end));
    if (!status) continue;
    // `42 推进中：本周…` — the punctuation after the status is not part of the note.
    const note = `${head.slice(end)} ${rest.slice(head.length)}`.replace(/^[\s,，:：;；.。、-]+/u, '').trim();
    return { type: 'update', measure, input: { status, ...(note.length > 0 ? { note } : {}) } };
  }
  return {
    type: 'invalid',
    message: `看不懂“${firstWord(rest)}”：状态只能是 ${STATUS_LIST}，也可以写 ${KEYWORD_LIST}。例如 ${PROGRESS_EXAMPLE}，或 /progress ${measure} 牵头 海关总署。`,
  };
}
