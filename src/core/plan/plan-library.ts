/**
 * The office's plans: every plan file in a folder (PLANS_DIR), each parsed from its own layout
 * and known by its year as written (`2014`, `2021-2022`), newest first, and the one answers use
 * when nobody names a year (CURRENT_PLAN, the newest by default).
 *
 * A file that does not parse is an error naming the file and line (never a plan quietly left
 * out); two files with the same year are an error naming both; so is a CURRENT_PLAN the folder
 * does not hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { parsePlan } from './parse-plan.js';
import type { Plan } from './plan-schema.js';

/** A plan file: a UTF-8 text file directly in the folder (sub-folders, such as the lexicons, are not plans). */
const PLAN_FILE = /\.txt$/u;

/** The library cannot be made from the folder as it is: the message says what to fix. */
export class PlanLibraryError extends Error {
  readonly code = 'PLAN_LIBRARY_ERROR';

  constructor(
    readonly variable: 'PLANS_DIR' | 'CURRENT_PLAN',
    message: string,
  ) {
    super(message);
    this.name = 'PlanLibraryError';
  }
}

export interface PlanFile {
  plan: Plan;
  /** The file it was read from, as messages name it (relative to the project when inside it). */
  file: string;
  /** The same file's absolute path. */
  path: string;
}

export interface PlanLibrary {
  /** Newest first (by last year, then first year). */
  readonly plans: readonly Plan[];
  /** The plan answers use when no year is named. */
  readonly current: Plan;
  /** The plan with this id (`2014`, `2021-2022`). */
  find(id: string): Plan | undefined;
  /** The plan that covers this year, the newest one when several do. */
  covering(year: number): Plan | undefined;
  /** Where each plan was read from. */
  fileOf(id: string): string | undefined;
}

const newestFirst = (a: Plan, b: Plan): number => b.years[1] - a.years[1] || b.years[0] - a.years[0];

/** A library of the plans given (already parsed), with `currentId` or the newest as current. */
export function planLibrary(files: readonly PlanFile[], currentId?: string): PlanLibrary {
  if (files.length === 0)
    throw new PlanLibraryError(
      'PLANS_DIR',
      'PLANS_DIR holds no plan file (*.txt): put at least one plan there, or leave PLANS_DIR unset for the plan this project ships.',
    );
  const byId = new Map<string, PlanFile>();
  for (const entry of files) {
    const other = byId.get(entry.plan.id);
    if (other) throw new PlanLibraryError('PLANS_DIR', `PLANS_DIR holds two plans for ${entry.plan.id} (${other.file} and ${entry.file}): keep one.`);
    byId.set(entry.plan.id, entry);
  }
  const plans = files.map((f) => f.plan).sort(newestFirst);
  const newest = plans[0];
  if (!newest) throw new PlanLibraryError('PLANS_DIR', 'PLANS_DIR holds no plan.');
  const current = currentId === undefined ? newest : byId.get(currentId)?.plan;
  if (!current) {
    throw new PlanLibraryError(
      'CURRENT_PLAN',
      `CURRENT_PLAN is ${currentId}, but PLANS_DIR has no plan for it: set it to one of ${plans.map((p) => p.id).join(', ')}, or leave it unset for the newest.`,
    );
  }
  return {
    plans,
    current,
    find: (id) => byId.get(id)?.plan,
    covering: (year) => plans.find((p) => p.years[0] <= year && year <= p.years[1]),
    fileOf: (id) => byId.get(id)?.file,
  };
}

/** Reads every plan file in `dir` (errors name the file and line). */
export function readPlanFiles(dir: string): PlanFile[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && PLAN_FILE.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new PlanLibraryError('PLANS_DIR', `PLANS_DIR ${dir} cannot be read (${reason}): set it to the folder that holds the plan files.`);
  }
  return names.map((name) => {
    const path = resolve(dir, name);
    const file = relative(PROJECT_ROOT, path).startsWith('..') ? path : relative(PROJECT_ROOT, path);
    return { plan: parsePlan(readFileSync(path, 'utf8'), file), file, path };
  });
}
