/**
 * A library of two plans in a temporary PLANS_DIR: the shipped 2014 plan and the invented 2015
 * plan of test/fixtures/plans (written for these tests, not the real 2015 text), the newest
 * current as the app makes it. Opened once per test process; the indexes are built into a
 * temporary cache as the app does under DATA_DIR/plan-indexes.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAnswerLibrary, type AnswerLibrary } from '../../src/core/answer/open-answer-library.js';
import { PLAN_SEED_FILE, PROJECT_ROOT } from '../../src/core/paths.js';

export const INVENTED_2015 = join(PROJECT_ROOT, 'test/fixtures/plans/2015-direct-measures.txt');

let opened: { library: AnswerLibrary; plansDir: string; cacheDir: string } | undefined;

export function twoPlanLibrary(): { library: AnswerLibrary; plansDir: string; cacheDir: string } {
  if (opened) return opened;
  const root = mkdtempSync(join(tmpdir(), 'ipplan-two-plans-'));
  const plansDir = join(root, 'plans');
  const cacheDir = join(root, 'plan-indexes');
  mkdirSync(plansDir);
  copyFileSync(PLAN_SEED_FILE, join(plansDir, '2014-national-ip-strategy-plan.txt'));
  copyFileSync(INVENTED_2015, join(plansDir, '2015-plan.txt'));
  opened = { library: openAnswerLibrary({ plansDir, cacheDir }), plansDir, cacheDir };
  return opened;
}
