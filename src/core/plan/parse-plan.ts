/**
 * Turns a plan's text into a validated {@link Plan}. The parser knows the layouts of the annual
 * plans, not their content. Its rules, in the order they apply:
 *
 * Rule 1, lines: a byte-order mark is dropped, lines are trimmed, and blank lines mean nothing (a
 *   copy may have them between paragraphs, or none at all).
 * Rule 2, notice: the notice that issued the plan may come first; it is recognised and kept apart
 *   as `notice` (see {@link splitIssuingNotice}).
 * Rule 3, title: the next line is the title, naming the year or years the plan covers (`2014年`,
 *   `2021—2022年度`); they give the plan its `id` (see {@link readPlanYears}).
 * Rule 4, preamble: every line before the first area heading `一、…`.
 * Rule 5, layout: the first area's first line chooses the layout, and every area keeps it:
 *   - labelled (2014): a `目标任务：` paragraph, a `工作措施：` label, then measures;
 *   - direct (2015, 2016): measures straight after the area heading.
 * Rule 6, sub-sections: in either layout an area may be split into sub-sections `（一）…`
 *   (multi-year plans). Then every measure of the area sits in one, and each holds at least one.
 * Rule 7, measures: `1．` `1.` `1、` in full- or half-width digits, numbered 1, 2, 3 … through the
 *   whole plan, across areas and sub-sections. A line that is no heading, label or measure runs on
 *   the paragraph open before it (the preamble, an area's goals, a measure); where the layout
 *   leaves none open, the line is misplaced.
 * Rule 8, units: a measure that closes with the units responsible gets `units`; its `text` keeps
 *   the parenthetical as written (see {@link readUnitsResponsible}).
 *
 * Traditional characters are read as they are: labels are matched in both scripts (目標任務),
 * numerals and numbering are the same, and nothing is converted. Anything outside these rules is a
 * {@link PlanParseError} naming the file and line, never a silently different plan.
 */
import { toAsciiDigits } from './ascii-digits.js';
import { parseChineseNumeral } from './chinese-numerals.js';
import { type NumberedLine, splitIssuingNotice } from './issuing-notice.js';
import { normaliseWhitespace } from './normalise-whitespace.js';
import { PlanParseError } from './plan-parse-error.js';
import { type Area, type Measure, type Plan, PlanSchema } from './plan-schema.js';
import { readPlanYears } from './plan-years.js';
import { splitClauses } from './split-clauses.js';
import { readUnitsResponsible } from './units-responsible.js';

const AREA_HEADING = /^([一二三四五六七八九十]+)[、.．]\s*(\S.*)$/u;
const SECTION_HEADING = /^[（(]([一二三四五六七八九十]+)[）)]\s*(\S.*)$/u;
const GOALS_LABEL = /^目[标標]任[务務][：:]\s*(.*)$/u;
const MEASURES_LABEL = /^工作措施[：:]\s*$/u;
/** `1．` `1、` `１．` and `1.`, but not a decimal such as `2.5亿元` at the start of a running line. */
const MEASURE_LINE = /^([0-9０-９]+)\s*(?:[．、]|\.(?![0-9]))\s*(.*)$/u;
const BYTE_ORDER_MARK = /^\uFEFF/u;
const LINE_BREAK = /\r?\n/u;
/** How much of a misplaced line an error message quotes. */
const QUOTED_LENGTH = 20;

type Layout = 'labelled' | 'direct';

/** What one line of the body is, before it is placed. */
type BodyLine =
  | { kind: 'area'; numeral: string; title: string }
  | { kind: 'section'; numeral: string; title: string }
  | { kind: 'goals'; text: string }
  | { kind: 'measuresLabel' }
  | { kind: 'measure'; number: number; text: string }
  | { kind: 'text' };

/** What the lines read so far left open, so the next line knows what it may continue. */
type Open = 'preamble' | 'areaHeading' | 'goals' | 'measuresLabel' | 'sectionHeading' | 'measure';

type Fail = (line: number, reason: string) => never;

interface DraftSection {
  number: number;
  numeral: string;
  title: string;
  measureNumbers: number[];
  line: number;
}

interface DraftArea {
  number: number;
  numeral: string;
  title: string;
  goalsLines: string[];
  sections: DraftSection[];
  measureNumbers: number[];
  line: number;
}

interface DraftMeasure {
  number: number;
  area: number;
  section: number | undefined;
  lines: NumberedLine[];
  line: number;
}

export function parsePlan(source: string, file = '<plan>'): Plan {
  const fail: Fail = (line, reason) => {
    throw new PlanParseError(file, line, reason);
  };
  const rawLines = source.replace(BYTE_ORDER_MARK, '').split(LINE_BREAK);
  const lines = readLines(rawLines);

  const split = splitIssuingNotice(lines, (text) => AREA_HEADING.test(text));
  if (split.kind === 'unclosed') {
    return fail(split.line, 'the issuing notice that opens the file has no date line (such as 2015年5月8日) before the plan begins');
  }
  const [titleLine, ...bodyLines] = split.rest;
  if (!titleLine) {
    const after = split.kind === 'notice' ? (split.notice.at(-1)?.number ?? 1) : 1;
    return fail(
      after,
      split.kind === 'notice'
        ? "nothing follows the issuing notice: expected the plan's title, then areas 一、…"
        : 'the file is empty: expected a title line, then areas 一、…',
    );
  }
  const title = normaliseWhitespace(titleLine.text);
  const span = readPlanYears(title);
  if (span.kind === 'none') return fail(titleLine.number, `the title "${title}" names no year (such as 2014年)`);
  if (span.kind === 'backwards') return fail(titleLine.number, `the title's years "${span.written}" do not run from an earlier year to a later one`);

  const body = new BodyReader(chooseLayout(bodyLines), fail);
  for (const line of bodyLines) body.read(line);
  body.finish(rawLines.length);

  const [first] = span.years;
  const plan = {
    id: span.id,
    title,
    years: span.years,
    year: first,
    ...(split.kind === 'notice' ? { notice: split.notice.map((l) => normaliseWhitespace(l.text)).join('\n') } : {}),
    preamble: normaliseWhitespace(body.preamble.join('')),
    areas: body.areas.map(assembleArea),
    measures: body.measures.map(assembleMeasure),
  };
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) return fail(1, `the parsed plan is inconsistent: ${checked.error.issues.map((i) => i.message).join('; ')}`);
  return checked.data;
}

/** Rule 1: the non-blank lines, trimmed, with their line numbers. */
function readLines(rawLines: readonly string[]): NumberedLine[] {
  return rawLines.flatMap((raw, index) => {
    const text = raw.trim();
    return text.length === 0 ? [] : [{ number: index + 1, text }];
  });
}

/** Rule 5: labelled when the first area opens with its goals (or its measures label), else direct. */
function chooseLayout(lines: readonly NumberedLine[]): Layout {
  const firstArea = lines.findIndex((l) => AREA_HEADING.test(l.text));
  const opening = firstArea < 0 ? undefined : lines[firstArea + 1]?.text;
  return opening !== undefined && (GOALS_LABEL.test(opening) || MEASURES_LABEL.test(opening)) ? 'labelled' : 'direct';
}

function classify(text: string): BodyLine {
  const area = AREA_HEADING.exec(text);
  if (area) return { kind: 'area', numeral: area[1] ?? '', title: area[2] ?? '' };
  const section = SECTION_HEADING.exec(text);
  if (section) return { kind: 'section', numeral: section[1] ?? '', title: section[2] ?? '' };
  const goals = GOALS_LABEL.exec(text);
  if (goals) return { kind: 'goals', text: goals[1] ?? '' };
  if (MEASURES_LABEL.test(text)) return { kind: 'measuresLabel' };
  const measure = MEASURE_LINE.exec(text);
  if (measure) return { kind: 'measure', number: Number(toAsciiDigits(measure[1] ?? '')), text: measure[2] ?? '' };
  return { kind: 'text' };
}

function quote(text: string): string {
  return `"${text.slice(0, QUOTED_LENGTH)}"`;
}

/** Rules 4, 6 and 7: places each line of the body in the preamble, an area, a sub-section or a measure. */
class BodyReader {
  readonly preamble: string[] = [];
  readonly areas: DraftArea[] = [];
  readonly measures: DraftMeasure[] = [];
  private open: Open = 'preamble';

  constructor(
    private readonly layout: Layout,
    private readonly fail: Fail,
  ) {}

  read(line: NumberedLine): void {
    const read = classify(line.text);
    switch (read.kind) {
      case 'area':
        return this.area(line.number, read.numeral, read.title);
      case 'section':
        return this.section(line.number, read.numeral, read.title);
      case 'goals':
        return this.goals(line.number, read.text);
      case 'measuresLabel':
        return this.measuresLabel(line.number);
      case 'measure':
        return this.measure(line, read.number, read.text);
      case 'text':
        return this.text(line);
    }
  }

  /** The end of the file: the last area must be complete, and there must be one. */
  finish(lastLine: number): void {
    const area = this.areas.at(-1);
    if (!area) return this.fail(lastLine, 'no area headings (一、…) found');
    this.closeArea(area, lastLine);
  }

  private area(lineNo: number, numeral: string, title: string): void {
    const expected = this.areas.length + 1;
    if (parseChineseNumeral(numeral) !== expected) this.fail(lineNo, `area heading ${numeral}、 out of order: expected area ${expected}`);
    const previous = this.areas.at(-1);
    if (previous) this.closeArea(previous, lineNo);
    this.areas.push({ number: expected, numeral, title: normaliseWhitespace(title), goalsLines: [], sections: [], measureNumbers: [], line: lineNo });
    this.open = 'areaHeading';
  }

  private section(lineNo: number, numeral: string, title: string): void {
    const area = this.areas.at(-1);
    const heading = `sub-section （${numeral}）`;
    if (!area) return this.fail(lineNo, `${heading} is outside any area (no 一、… heading before it)`);
    if (this.layout === 'labelled' && (this.open === 'areaHeading' || this.open === 'goals')) {
      this.fail(lineNo, `${heading} of area ${area.numeral} comes before its 工作措施： label`);
    }
    if (area.sections.length === 0 && area.measureNumbers.length > 0) {
      this.fail(lineNo, `${heading} follows measures of area ${area.numeral} that sit in no sub-section`);
    }
    const expected = area.sections.length + 1;
    if (parseChineseNumeral(numeral) !== expected) this.fail(lineNo, `${heading} of area ${area.numeral} out of order: expected sub-section ${expected}`);
    const previous = area.sections.at(-1);
    if (previous) this.checkSectionHasMeasures(area, previous);
    area.sections.push({ number: expected, numeral, title: normaliseWhitespace(title), measureNumbers: [], line: lineNo });
    this.open = 'sectionHeading';
  }

  private goals(lineNo: number, text: string): void {
    const area = this.areas.at(-1);
    if (!area) return this.fail(lineNo, '目标任务 appears before the first area heading (一、…)');
    if (this.layout === 'direct') {
      this.fail(lineNo, `area ${area.numeral} has a 目标任务 paragraph, but area 一 runs straight into its measures: a plan has one in every area or in none`);
    }
    if (area.goalsLines.length > 0) this.fail(lineNo, `area ${area.numeral} has a second 目标任务 paragraph`);
    if (area.measureNumbers.length > 0) this.fail(lineNo, `area ${area.numeral}: 目标任务 must come before its measures`);
    area.goalsLines.push(text);
    this.open = 'goals';
  }

  private measuresLabel(lineNo: number): void {
    const area = this.areas.at(-1);
    if (!area) return this.fail(lineNo, '工作措施 appears before the first area heading (一、…)');
    if (this.layout === 'direct') {
      this.fail(lineNo, `area ${area.numeral} has a 工作措施： label, but area 一 runs straight into its measures: a plan has one in every area or in none`);
    }
    if (area.goalsLines.length === 0) this.fail(area.line, `area ${area.numeral} has no 目标任务 paragraph`);
    if (this.open !== 'goals') this.fail(lineNo, `area ${area.numeral} has a second 工作措施： label`);
    this.open = 'measuresLabel';
  }

  private measure(line: NumberedLine, number: number, text: string): void {
    const lineNo = line.number;
    const area = this.areas.at(-1);
    if (!area) return this.fail(lineNo, `measure ${number} is outside any area (no 一、… heading before it)`);
    if (this.layout === 'labelled' && (this.open === 'areaHeading' || this.open === 'goals')) {
      this.fail(lineNo, `measure ${number} appears before area ${area.numeral}'s 工作措施： label`);
    }
    const expected = this.measures.length + 1;
    if (number !== expected) {
      const seen = this.measures.some((m) => m.number === number);
      this.fail(lineNo, seen ? `duplicate measure number ${number} (expected ${expected})` : `measure numbering gap: found ${number}, expected ${expected}`);
    }
    if (text.trim().length === 0) this.fail(lineNo, `measure ${number} has no text`);
    const section = area.sections.at(-1);
    this.measures.push({ number, area: area.number, section: section?.number, lines: [{ number: lineNo, text }], line: lineNo });
    area.measureNumbers.push(number);
    section?.measureNumbers.push(number);
    this.open = 'measure';
  }

  /** A line that is no heading, label or measure: it runs on whatever paragraph is open. */
  private text(line: NumberedLine): void {
    const area = this.areas.at(-1);
    const numeral = area?.numeral ?? '?';
    switch (this.open) {
      case 'preamble':
        this.preamble.push(line.text);
        return;
      case 'goals':
        area?.goalsLines.push(line.text);
        return;
      case 'measure':
        this.measures.at(-1)?.lines.push(line);
        return;
      case 'measuresLabel':
        return this.fail(line.number, `text under 工作措施 does not start with a measure number (N．): ${quote(line.text)}`);
      case 'sectionHeading':
        return this.fail(
          line.number,
          `text in sub-section （${area?.sections.at(-1)?.numeral ?? '?'}） of area ${numeral} before its first measure: ${quote(line.text)}`,
        );
      case 'areaHeading':
        return this.layout === 'labelled'
          ? this.fail(line.number, `unexpected text in area ${numeral} before 目标任务/工作措施: ${quote(line.text)}`)
          : this.fail(
              line.number,
              `text in area ${numeral} before its first measure (N．), where this plan's areas run straight into their measures: ${quote(line.text)}`,
            );
    }
  }

  private closeArea(area: DraftArea, lineNo: number): void {
    if (this.layout === 'labelled' && area.goalsLines.length === 0) this.fail(area.line, `area ${area.numeral} has no 目标任务 paragraph`);
    if (this.layout === 'labelled' && normaliseWhitespace(area.goalsLines.join('')).length === 0) {
      this.fail(area.line, `area ${area.numeral} has an empty 目标任务 paragraph`);
    }
    if (area.measureNumbers.length === 0) {
      this.fail(lineNo, this.layout === 'labelled' ? `area ${area.numeral} has no measures under 工作措施` : `area ${area.numeral} has no measures`);
    }
    const lastSection = area.sections.at(-1);
    if (lastSection) this.checkSectionHasMeasures(area, lastSection);
  }

  private checkSectionHasMeasures(area: DraftArea, section: DraftSection): void {
    if (section.measureNumbers.length === 0) this.fail(section.line, `sub-section （${section.numeral}） of area ${area.numeral} has no measures`);
  }
}

function assembleArea(area: DraftArea): Area {
  const goals = area.goalsLines.length > 0 ? normaliseWhitespace(area.goalsLines.join('')) : undefined;
  return {
    number: area.number,
    numeral: area.numeral,
    title: area.title,
    ...(goals === undefined ? {} : { goals, goalsClauses: splitClauses(goals) }),
    ...(area.sections.length > 0 ? { sections: area.sections.map((s) => ({ ...s })) } : {}),
    measureNumbers: area.measureNumbers,
    line: area.line,
  };
}

function assembleMeasure(measure: DraftMeasure): Measure {
  const text = measure.lines.map((l) => l.text).join('');
  const displayText = normaliseWhitespace(text);
  const units = readUnitsResponsible(text);
  return {
    number: measure.number,
    area: measure.area,
    ...(measure.section === undefined ? {} : { section: measure.section }),
    text,
    displayText,
    clauses: splitClauses(displayText),
    ...(units ? { units: { lead: units.lead, participants: units.participants, text: units.text, line: lineAt(measure.lines, units.start) } } : {}),
    line: measure.line,
  };
}

/** The file line holding character `offset` of a text joined from `lines`. */
function lineAt(lines: readonly NumberedLine[], offset: number): number {
  let end = 0;
  for (const line of lines) {
    end += line.text.length;
    if (offset < end) return line.number;
  }
  return lines.at(-1)?.number ?? 1;
}
