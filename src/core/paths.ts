/**
 * Where the project's files live on disk: the nearest folder above this module that holds the
 * project's `package.json`. Found that way, the same answer holds when running from `src/` (tsx,
 * vitest), from the bundle in `dist/` (where this code sits in `dist/*.js`, one level down), and
 * from any other layout a build might choose.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'seeds'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project folder (package.json and seeds/) above ${from}`);
  }
}

export const PROJECT_ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));
export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');
export const PLAN_SEED_FILE = join(SEEDS_DIR, '2014-national-ip-strategy-plan.txt');
export const INDEX_DIR = join(PROJECT_ROOT, 'index');
export const LEXICON_DIR = join(SEEDS_DIR, 'lexicon');
