// @ts-check
/**
 * `npm start` (the app) and `npm run cli -- …` (the command line): run the bundle in `dist/`,
 * building it first only when its inputs changed since it was built (a hash of the sources and
 * the lockfile, a few milliseconds). Nothing is printed of its own: the first line a person sees
 * is the app's.
 *
 *   node scripts/start.mjs            → dist/main.js
 *   node scripts/start.mjs cli ask …  → dist/cli.js ask …
 *
 * The entry is imported into this process, so the Node flags `npm start` passes (the heap sizes)
 * apply to the app itself and no second process is started.
 *
 * npm prints a banner (`> ipplan-assistant@0.1.0 start` and the command) before any script runs.
 * On a terminal, `npm start` takes those lines back before the app writes anything, the way
 * `npm start --silent` would not have printed them.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, DIST, isBuildCurrent } from './build.mjs';
import { npmBannerRows } from './npm-banner.mjs';

const ENTRIES = { main: 'main.js', cli: 'cli.js' };

async function ensureBuilt() {
  if (isBuildCurrent()) return;
  try {
    await build();
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND';
    process.stderr.write(
      missing
        ? 'dist/ is older than src/ and esbuild is not installed to rebuild it: run `npm ci` (with dev dependencies), then `npm start` again.\n'
        : `the build failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}

const [, , first] = process.argv;
const entry = first === 'cli' ? 'cli' : 'main';
await ensureBuilt();
const rows = npmBannerRows(process.env, process.stdout, process.argv.slice(entry === 'cli' ? 3 : 2));
// Move up over the banner's rows and clear from there down.
if (rows > 0) process.stdout.write(`\u001b[${rows}F\u001b[0J`);
// The entry reads its arguments from process.argv as if it had been started directly.
process.argv.splice(1, entry === 'cli' ? 2 : 1, join(DIST, ENTRIES[entry]));
await import(pathToFileURL(join(DIST, ENTRIES[entry])).href);
