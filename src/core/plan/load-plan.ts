import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PLAN_SEED_FILE, PROJECT_ROOT } from '../paths.js';
import { parsePlan } from './parse-plan.js';
import type { Plan } from './plan-schema.js';

/** Reads and parses the plan seed; errors name the file relative to the project. */
export function loadPlan(file = PLAN_SEED_FILE): Plan {
  const name = relative(PROJECT_ROOT, file) || file;
  return parsePlan(readFileSync(file, 'utf8'), name);
}
