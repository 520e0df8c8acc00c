/**
 * Turns the plan's text into a validated {@link Plan}. The parser knows the document's format,
 * not its content: a title line carrying the year; areas headed `一、…`; in each, a `目标任务：`
 * paragraph and a `工作措施：` list of measures `1．…` numbered consecutively across the whole
 * plan. Measures may follow each other with or without a blank line, and a measure or goals
 * paragraph may run over several lines. Anything outside that format is a {@link PlanParseError}
 * naming the file and line, never a silently different plan.
 */
import { parseChineseNumeral } from './chinese-numerals.js';
import { normaliseWhitespace } from './normalise-whitespace.js';
import { PlanParseError } from './plan-parse-error.js';
import { PlanSchema, type Plan } from './plan-schema.js';
import { splitClauses } from './split-clauses.js';

const AREA_HEADING = /^([一二三四五六七八九十]+)[、.．]\s*(\S.*)$/u;
const GOALS_LABEL = /^目标任务[：:]\s*(.*)$/u;
const MEASURES_LABEL = /^工作措施[：:]\s*$/u;
const MEASURE_LINE = /^([0-9０-９]+)\s*[．.、]\s*(.*)$/u;
const YEAR_IN_TITLE = /([12][0-9]{3})\s*年/u;

type Section = 'preamble' | 'goals' | 'beforeMeasures' | 'measures';

interface DraftArea {
  number: number;
  numeral: string;
  title: string;
  goalsLines: string[];
  measureNumbers: number[];
  line: number;
}

interface DraftMeasure {
  number: number;
  area: number;
  lines: string[];
  line: number;
}

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

export function parsePlan(source: string, file = '<plan>'): Plan {
  const lines = source.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const fail = (line: number, reason: string): never => {
    throw new PlanParseError(file, line, reason);
  };

  let title: string | undefined;
  let titleLine = 1;
  const preamble: string[] = [];
  const areas: DraftArea[] = [];
  const measures: DraftMeasure[] = [];
  let section: Section = 'preamble';

  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    const line = rawLine.trim();
    if (line.length === 0) return;

    if (title === undefined) {
      title = normaliseWhitespace(line);
      titleLine = lineNo;
      return;
    }

    const heading = AREA_HEADING.exec(line);
    if (heading) {
      const numeral = heading[1] as string;
      const number = parseChineseNumeral(numeral);
      const expected = areas.length + 1;
      if (number !== expected) {
        fail(lineNo, `area heading ${numeral}、 out of order: expected area ${expected}`);
      }
      const previous = areas[areas.length - 1];
      if (previous) checkAreaComplete(previous, lineNo);
      areas.push({ number: expected, numeral, title: normaliseWhitespace(heading[2] as string), goalsLines: [], measureNumbers: [], line: lineNo });
      section = 'beforeMeasures';
      return;
    }

    const area = areas[areas.length - 1];
    const goals = GOALS_LABEL.exec(line);
    if (goals) {
      if (!area) return fail(lineNo, '目标任务 appears before the first area heading (一、…)');
      if (area.goalsLines.length > 0) fail(lineNo, `area ${area.numeral} has a second 目标任务 paragraph`);
      if (area.measureNumbers.length > 0) fail(lineNo, `area ${area.numeral}: 目标任务 must come before its measures`);
      area.goalsLines.push(goals[1] as string);
      section = 'goals';
      return;
    }

    if (MEASURES_LABEL.test(line)) {
      if (!area) return fail(lineNo, '工作措施 appears before the first area heading (一、…)');
      section = 'measures';
      return;
    }

    const measure = MEASURE_LINE.exec(line);
    if (measure) {
      const number = Number(toAsciiDigits(measure[1] as string));
      if (!area) return fail(lineNo, `measure ${number} is outside any area (no 一、… heading before it)`);
      if (section !== 'measures') fail(lineNo, `measure ${number} appears before area ${area.numeral}'s 工作措施： label`);
      const expected = measures.length + 1;
      if (number !== expected) {
        const seen = measures.some((m) => m.number === number);
        fail(lineNo, seen ? `duplicate measure number ${number} (expected ${expected})` : `measure numbering gap: found ${number}, expected ${expected}`);
      }
      const text = measure[2] as string;
      if (text.trim().length === 0) fail(lineNo, `measure ${number} has no text`);
      measures.push({ number, area: area.number, lines: [text], line: lineNo });
      area.measureNumbers.push(number);
      return;
    }

    // A continuation line: it belongs to whatever paragraph is open.
    switch (section) {
      case 'preamble':
        preamble.push(line);
        return;
      case 'goals':
        (area as DraftArea).goalsLines.push(line);
        return;
      case 'measures': {
        const last = measures[measures.length - 1];
        if (last && last.area === area?.number) {
          last.lines.push(line);
          return;
        }
        return fail(lineNo, `text under 工作措施 does not start with a measure number (N．): "${line.slice(0, 20)}"`);
      }
      case 'beforeMeasures':
        return fail(lineNo, `unexpected text in area ${area?.numeral ?? '?'} before 目标任务/工作措施: "${line.slice(0, 20)}"`);
    }
  });

  if (title === undefined) return fail(1, 'the file is empty: expected a title line, then areas 一、…');
  const year = YEAR_IN_TITLE.exec(title);
  if (!year) fail(titleLine, `the title "${title}" names no year (such as 2014年)`);
  if (areas.length === 0) fail(lines.length, 'no area headings (一、…) found');
  const lastArea = areas[areas.length - 1] as DraftArea;
  checkAreaComplete(lastArea, lines.length);

  function checkAreaComplete(area: DraftArea, lineNo: number): void {
    if (area.goalsLines.length === 0) fail(area.line, `area ${area.numeral} has no 目标任务 paragraph`);
    if (area.measureNumbers.length === 0) fail(lineNo, `area ${area.numeral} has no measures under 工作措施`);
  }

  const plan = {
    title,
    year: Number((year as RegExpExecArray)[1]),
    preamble: normaliseWhitespace(preamble.join('')),
    areas: areas.map((a) => {
      const goals = normaliseWhitespace(a.goalsLines.join(''));
      return {
        number: a.number,
        numeral: a.numeral,
        title: a.title,
        goals,
        goalsClauses: splitClauses(goals),
        measureNumbers: a.measureNumbers,
        line: a.line,
      };
    }),
    measures: measures.map((m) => {
      const text = m.lines.join('');
      const displayText = normaliseWhitespace(text);
      return { number: m.number, area: m.area, text, displayText, clauses: splitClauses(displayText), line: m.line };
    }),
  };
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) fail(1, `the parsed plan is inconsistent: ${checked.error.issues.map((i) => i.message).join('; ')}`);
  return checked.data as Plan;
}
