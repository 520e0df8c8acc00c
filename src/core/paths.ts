/**
 * Where the project's files live on disk. Resolved from this module's own location so the same
 * answer holds when running from `src/` (tsx, vitest) and from the compiled `dist/`.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');
export const PLAN_SEED_FILE = join(SEEDS_DIR, '2014-national-ip-strategy-plan.txt');
export const INDEX_DIR = join(PROJECT_ROOT, 'index');
export const LEXICON_DIR = join(SEEDS_DIR, 'lexicon');
