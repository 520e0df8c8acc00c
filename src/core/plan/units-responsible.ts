/**
 * The units responsible for a measure, read from the parenthetical that closes it. From 2015 on,
 * plans end many measures so:
 *
 * - `（知识产权局、法制办按职责分别负责）` — every unit named is responsible;
 * - `（中央军委装备发展部、国防科工局负责）`, `（知识产权局牵头）`;
 * - `（知识产权局牵头，工商总局、版权局参与）` / `（…牵头，…配合）` — one leads, the rest take part.
 *
 * By convention the first unit named leads and the others participate. The parenthetical may sit
 * before or after the final `。`, use full- or half-width brackets, Simplified or Traditional
 * characters, and hold brackets of its own (`各省（区、市）知识产权局`). A closing parenthetical
 * that is not a list of units (`（2014—2020年）`, `（试行）`) is not read as one.
 */
import { normaliseWhitespace } from './normalise-whitespace.js';

export interface UnitsReading {
  lead: string;
  participants: string[];
  /** The parenthetical exactly as written, brackets included. */
  text: string;
  /** Where the parenthetical starts in the measure's text. */
  start: number;
}

const OPENERS = new Set(['（', '(']);
const CLOSERS = new Set(['）', ')']);
const FINAL_STOP = /[。．.]\s*$/u;

const LEAD = '(?:牵头|牽頭)';
const SHARE = '(?:按职责|按職責)?(?:分别|分別|分工)?';
const RESPONSIBLE = `${SHARE}(?:负责|負責)`;
const TAKE_PART = `${SHARE}(?:参与|參與|参加|參加|配合|协助|協助|负责|負責)`;

/** `（xx牵头，yy、zz参与）`: a lead, then those who take part. */
const LEAD_AND_PARTICIPANTS = new RegExp(`^(.+?)${LEAD}[，,；;]\\s*(.+?)${TAKE_PART}$`, 'u');
/** `（xx、yy按职责分别负责）` or `（xx、yy牵头）`: all named, the first leading. */
const ALL_NAMED = new RegExp(`^(.+?)(?:${RESPONSIBLE}|${LEAD})$`, 'u');

/** A unit's name is short and has no clause of its own: `国务院知识产权战略实施工作部际联席会议办公室` is about the longest. */
const MAX_UNIT_NAME_LENGTH = 24;
const NOT_IN_A_NAME = /[，,。；;：:！？\s]/u;
const UNIT_SEPARATOR = '、';
/** `知识产权局等` names the units it lists, and others like them. */
const AND_OTHERS = /等$/u;

export function readUnitsResponsible(text: string): UnitsReading | undefined {
  const parenthetical = closingParenthetical(text);
  if (!parenthetical) return undefined;
  const inner = normaliseWhitespace(parenthetical.text.slice(1, -1));

  const split = LEAD_AND_PARTICIPANTS.exec(inner);
  const lists = split ? [split[1], split[2]] : [ALL_NAMED.exec(inner)?.[1]];
  const [lead, ...participants] = lists.flatMap((list) => unitNames(list ?? ''));
  if (lead === undefined || ![lead, ...participants].every(isUnitName)) return undefined;
  return { lead, participants, text: parenthetical.text, start: parenthetical.start };
}

function unitNames(list: string): string[] {
  return splitOutsideBrackets(list.replace(AND_OTHERS, ''), UNIT_SEPARATOR);
}

function isUnitName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_UNIT_NAME_LENGTH && !NOT_IN_A_NAME.test(name);
}

/** The bracketed group the text ends with (before a final full stop, if any). */
function closingParenthetical(text: string): { text: string; start: number } | undefined {
  const body = text.replace(FINAL_STOP, '').trimEnd();
  const end = body.length - 1;
  const closer = body[end];
  if (closer === undefined || !CLOSERS.has(closer)) return undefined;
  let depth = 0;
  for (let i = end; i >= 0; i--) {
    const c = body[i] ?? '';
    if (CLOSERS.has(c)) depth++;
    else if (OPENERS.has(c)) depth--;
    if (depth === 0) return { text: body.slice(i, end + 1), start: i };
  }
  return undefined;
}

function splitOutsideBrackets(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth--;
    if (c === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}
