/**
 * The notice that issued a plan, when a copy of the plan carries it before the title:
 *
 *   关于印发《2015年……推进计划》的通知        ← its own title (ends with 通知), or none
 *   各有关单位：                             ← the addressees (ends with ：)
 *   ……现印发给你们，请认真贯彻落实。          ← the body
 *   特此通知。
 *   ……办公室                                ← the issuing office
 *   2015年5月8日                             ← the date, which closes the notice
 *   （此件公开发布）                          ← remarks in brackets, or an 附件 line, may follow
 *
 * A file opens with a notice exactly when its first line ends with 通知 or with a colon; a notice
 * with no date line before the plan's body begins is one the parser cannot close.
 */
import { toAsciiDigits } from './ascii-digits.js';

export interface NumberedLine {
  /** 1-based line in the file. */
  number: number;
  /** The line, trimmed; never empty. */
  text: string;
}

export type NoticeSplit =
  | { kind: 'none'; rest: NumberedLine[] }
  | { kind: 'notice'; notice: NumberedLine[]; rest: NumberedLine[] }
  | { kind: 'unclosed'; line: number };

const NOTICE_OPENING = /(?:通知|[：:])$/u;
const DATE_DIGIT = '[0-9〇零○一二三四五六七八九十]';
const DATE_LINE = new RegExp(`^${DATE_DIGIT}{4}年${DATE_DIGIT}{1,2}月${DATE_DIGIT}{1,3}日$`, 'u');
/** After the date: `（此件公开发布）`, `附件：…`. */
const AFTER_THE_DATE = /^(?:[（(][^（）()]*[）)]|附件.*)$/u;

/** `startsTheBody` tells a line of the plan's body (an area heading), where a notice can no longer be. */
export function splitIssuingNotice(lines: readonly NumberedLine[], startsTheBody: (text: string) => boolean): NoticeSplit {
  const [first] = lines;
  if (!first || !NOTICE_OPENING.test(first.text)) return { kind: 'none', rest: [...lines] };
  const body = lines.findIndex((l) => startsTheBody(l.text));
  const date = lines.slice(0, body < 0 ? lines.length : body).findIndex((l) => DATE_LINE.test(toAsciiDigits(l.text)));
  if (date < 0) return { kind: 'unclosed', line: first.number };
  let end = date + 1;
  while (end < lines.length && AFTER_THE_DATE.test(lines[end]?.text ?? '')) end++;
  return { kind: 'notice', notice: lines.slice(0, end), rest: lines.slice(end) };
}
