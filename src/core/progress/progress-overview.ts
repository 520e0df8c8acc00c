/**
 * The record seen across the plan: how many measures stand where, per area; which were updated
 * lately; which are overdue or blocked. Pure functions of the plan, the records and a date.
 *
 * A measure nobody has registered, or registered without a status, counts as 未登记: the
 * record never presumes a status the coordinators did not give.
 */
import { areaRef, areaCard } from '../answer/answer-values.js';
import type { AreaRef } from '../answer/answer-schema.js';
import type { Plan } from '../plan/plan-schema.js';
import { PROGRESS_STATUSES, type ProgressRecord, type ProgressStatus } from './progress-schema.js';

export type StatusCounts = Record<ProgressStatus | '未登记', number> & { overdue: number };

/** A measure in a list: its number, its first clause as a summary, and its record if it has one. */
export interface MeasureLine {
  number: number;
  firstClause: string;
  record?: ProgressRecord;
}

export interface AreaProgress {
  area: AreaRef;
  counts: StatusCounts;
}

export interface ProgressDashboard {
  today: string;
  /** Measures with a record, and all measures. */
  registered: number;
  measureCount: number;
  totals: StatusCounts;
  areas: AreaProgress[];
  /** Most recently updated first. */
  recent: MeasureLine[];
  overdue: MeasureLine[];
  blocked: MeasureLine[];
  /** The record could not be read just now: nothing above is known (the counts are not zero). */
  unavailable?: boolean;
}

/** Recently updated measures on the dashboard, at most. */
export const DASHBOARD_RECENT = 8;

/** Whether a record is past its due date on `date` and not done. */
export function isOverdueOn(record: Pick<ProgressRecord, 'due' | 'status'>, date: string): boolean {
  return record.due !== undefined && record.due < date && record.status !== '已完成';
}

export function statusCounts(numbers: readonly number[], records: ReadonlyMap<number, ProgressRecord>, date: string): StatusCounts {
  const counts: StatusCounts = { 未启动: 0, 推进中: 0, 已完成: 0, 受阻: 0, 未登记: 0, overdue: 0 };
  for (const n of numbers) {
    const record = records.get(n);
    counts[record?.status ?? '未登记'] += 1;
    if (record && isOverdueOn(record, date)) counts.overdue += 1;
  }
  return counts;
}

/** The statuses in their fixed order, then 未登记: how counts are listed everywhere. */
export const COUNTED = [...PROGRESS_STATUSES, '未登记'] as const;

function byMeasure(records: readonly ProgressRecord[]): Map<number, ProgressRecord> {
  return new Map(records.map((r) => [r.measure, r]));
}

/** Lines for measures of the plan, each with its record. */
export function measureLines(plan: Plan, numbers: readonly number[], records: ReadonlyMap<number, ProgressRecord>): MeasureLine[] {
  const firstClauses = new Map(plan.areas.flatMap((a) => areaCard(plan, a).measures.map((m) => [m.number, m.firstClause] as const)));
  return numbers.map((number) => {
    const record = records.get(number);
    return { number, firstClause: firstClauses.get(number) ?? '', ...(record ? { record } : {}) };
  });
}

/** One area's measures with their records and counts (`/area 3`, a click on the dashboard). */
export function areaProgress(
  plan: Plan,
  areaNumber: number,
  records: readonly ProgressRecord[],
  date: string,
): { area: AreaRef; counts: StatusCounts; measures: MeasureLine[] } | undefined {
  const area = plan.areas.find((a) => a.number === areaNumber);
  if (!area) return undefined;
  const map = byMeasure(records);
  return { area: areaRef(area), counts: statusCounts(area.measureNumbers, map, date), measures: measureLines(plan, area.measureNumbers, map) };
}

/** Overdue (past due, not done) and blocked measures on `date`, by number. */
export function needingAttention(records: readonly ProgressRecord[], date: string): { overdue: ProgressRecord[]; blocked: ProgressRecord[] } {
  return {
    overdue: records.filter((r) => isOverdueOn(r, date)),
    blocked: records.filter((r) => r.status === '受阻'),
  };
}

export function progressDashboard(plan: Plan, records: readonly ProgressRecord[], date: string): ProgressDashboard {
  const map = byMeasure(records);
  const all = plan.measures.map((m) => m.number);
  const lines = (list: readonly ProgressRecord[]) =>
    measureLines(
      plan,
      list.map((r) => r.measure),
      map,
    );
  const attention = needingAttention(records, date);
  const recent = [...records].sort((a, b) => b.updatedAt - a.updatedAt || a.measure - b.measure).slice(0, DASHBOARD_RECENT);
  return {
    today: date,
    registered: records.length,
    measureCount: all.length,
    totals: statusCounts(all, map, date),
    areas: plan.areas.map((a) => ({ area: areaRef(a), counts: statusCounts(a.measureNumbers, map, date) })),
    recent: lines(recent),
    overdue: lines(attention.overdue),
    blocked: lines(attention.blocked),
  };
}
