/**
 * `plan list` and `plan check FILE`: the plans the app answers from, and whether a file would be
 * one of them. `check` parses the file exactly as the app does at start-up (`parsePlan`), so a
 * file it accepts is a file PLANS_DIR accepts; a refusal names the line to fix and exits 1.
 */
import { readFileSync } from 'node:fs';
import { PlanParseError } from '../../core/plan/plan-parse-error.js';
import { parsePlan } from '../../core/plan/parse-plan.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import { CliUsageError, EXIT } from '../terminal/cli-error.js';
import type { CliCommand, CliRun } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/** One plan as `plan list` shows it. */
interface PlanRow {
  id: string;
  year: string;
  title: string;
  measures: number;
  areas: number;
  current: boolean;
  file: string;
}

/** What `plan check` found in a file the parser accepts. */
interface PlanShape {
  id: string;
  title: string;
  /** `labelled`: 目标任务 then 工作措施 in each area (2014); `direct`: measures straight after the area heading. */
  layout: 'labelled' | 'direct';
  /** Whether areas are split into sub-sections `（一）…`. */
  sections: boolean;
  /** Whether the issuing notice comes before the title. */
  notice: boolean;
  /** The parser accepts only 1, 2, 3 … without gaps or repeats, so these are the first and last. */
  numbering: { first: number; last: number; gaps: number[]; duplicates: number[] };
  areas: { numeral: string; title: string; measures: [number, number] }[];
  /** How many measures close with the units responsible (牵头/参与/负责). */
  measuresWithUnits: number;
}

const yearOf = (plan: Plan): string => (plan.years[0] === plan.years[1] ? String(plan.years[0]) : `${plan.years[0]}—${plan.years[1]}`);

function listPlans({ library, options, io }: CliRun): number {
  const plans = library().plans;
  const rows: PlanRow[] = plans.plans.map((plan) => ({
    id: plan.id,
    year: yearOf(plan),
    title: plan.title,
    measures: plan.measures.length,
    areas: plan.areas.length,
    current: plan.id === plans.current.id,
    file: plans.fileOf(plan.id) ?? '',
  }));
  if (options.json) {
    writeLine(io.stdout, JSON.stringify({ current: plans.current.id, plans: rows }));
    return EXIT.ok;
  }
  for (const row of rows) {
    writeLine(io.stdout, `${row.current ? '*' : ' '} ${row.id}\t${row.title}\t${row.areas} 个领域\t${row.measures} 条措施\t${row.file}`);
  }
  writeLine(io.stdout, `（* 为当前计划：未指明年份的提问和命令都按它回答）`);
  return EXIT.ok;
}

function planShape(plan: Plan): PlanShape {
  return {
    id: plan.id,
    title: plan.title,
    layout: plan.areas.some((a) => a.goals !== undefined) ? 'labelled' : 'direct',
    sections: plan.areas.some((a) => a.sections !== undefined),
    notice: plan.notice !== undefined,
    numbering: { first: plan.measures[0]?.number ?? 0, last: plan.measures.at(-1)?.number ?? 0, gaps: [], duplicates: [] },
    areas: plan.areas.map((a) => ({ numeral: a.numeral, title: a.title, measures: [a.measureNumbers[0] ?? 0, a.measureNumbers.at(-1) ?? 0] })),
    measuresWithUnits: plan.measures.filter((m) => m.units !== undefined).length,
  };
}

/** The measure numbers a refusal is about, read back from the parser's reason. */
function numberingProblem(reason: string): { gaps: number[]; duplicates: number[] } {
  const gap = /measure numbering gap: found (\d+), expected (\d+)/u.exec(reason);
  if (gap) return { gaps: Array.from({ length: Number(gap[1]) - Number(gap[2]) }, (_, i) => Number(gap[2]) + i), duplicates: [] };
  const duplicate = /duplicate measure number (\d+)/u.exec(reason);
  if (duplicate) return { gaps: [], duplicates: [Number(duplicate[1])] };
  return { gaps: [], duplicates: [] };
}

function checkPlan({ argument, options, io }: CliRun): number {
  const file = argument.trim();
  if (file.length === 0) throw new CliUsageError('plan check 需要一个计划文件：plan check <文件.txt>', 'empty');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new CliUsageError(`无法读取 ${file}（${reason}）。`, 'unreadable');
  }
  let plan: Plan;
  try {
    plan = parsePlan(text, file);
  } catch (error) {
    if (!(error instanceof PlanParseError)) throw error;
    const numbering = numberingProblem(error.reason);
    if (options.json) {
      writeLine(io.stdout, JSON.stringify({ ok: false, file, error: { line: error.line, reason: error.reason }, numbering }));
    } else {
      writeLine(io.stdout, `不能作为计划读入：${error.file} 第 ${error.line} 行：${error.reason}`);
    }
    return EXIT.failure;
  }
  const shape = planShape(plan);
  if (options.json) {
    writeLine(io.stdout, JSON.stringify({ ok: true, file, ...shape }));
    return EXIT.ok;
  }
  const layout = shape.layout === 'labelled' ? '每个领域先有“目标任务：”，再有“工作措施：”和措施' : '领域标题后直接是措施';
  writeLine(io.stdout, `可以读入：${shape.title}（id ${shape.id}）`);
  writeLine(io.stdout, `版式：${layout}${shape.sections ? '，领域内分（一）（二）…小节' : ''}${shape.notice ? '，标题前有印发通知' : ''}`);
  writeLine(io.stdout, `措施：第 ${shape.numbering.first}–${shape.numbering.last} 条，编号连续无重复；${shape.measuresWithUnits} 条写明了负责单位`);
  for (const area of shape.areas) writeLine(io.stdout, `  ${area.numeral}、${area.title}（第 ${area.measures[0]}–${area.measures[1]} 条）`);
  return EXIT.ok;
}

/** `plan list [--json]`, `plan check <文件> [--json]`. */
export const planCommand: CliCommand = (run) => {
  const [sub = '', ...rest] = run.argument.split(' ');
  switch (sub) {
    case 'list':
      return listPlans(run);
    case 'check':
      return checkPlan({ ...run, argument: rest.join(' ') });
    default:
      throw new CliUsageError(`plan 后应为 list 或 check，收到“${sub.slice(0, 40)}”。`);
  }
};
