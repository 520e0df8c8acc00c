// @ts-check
/**
 * The build: `src/main.ts` and `src/cli.ts` bundled by esbuild into `dist/` (ES modules, with
 * shared chunks), so that start-up reads a handful of files instead of hundreds. Run as
 * `npm run build` (and by `npm ci` through `prepare`); `scripts/start.mjs` calls it only when the
 * inputs changed. Type-checking is `npm run typecheck` (part of `npm test`), not part of the build.
 *
 * 1. Native addons (nodejieba, better-sqlite3) stay outside the bundle: they find their compiled
 *    `.node` files relative to their own package.
 * 2. Bolt loads every receiver it has. A few of its dependencies that this app's mode may never
 *    construct — Socket Mode's client in HTTP mode, the OAuth installer, the Express and AWS
 *    Lambda receivers — are bundled behind a deferring shim: the module is evaluated the first
 *    time one of its exports is read, not when Bolt is loaded.
 * 3. `dist/build-info.json` records a hash of every input (sources, lockfile, this script), so a
 *    start can tell in a few milliseconds whether the build is current.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
const BUILD_INFO = 'build-info.json';

/** What the bundle is made from: a change to any of these means a rebuild. */
const INPUT_DIRS = ['src'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

/** Packages with native addons, loaded from node_modules at run time. */
const EXTERNAL = ['nodejieba', 'better-sqlite3'];

/**
 * Modules Bolt requires eagerly that are evaluated only when first used (see 2. above). Bolt's
 * index reads the receivers' `default` export as it loads (`exports.ExpressReceiver =
 * ExpressReceiver_1.default`), so for those the shim hands out a stand-in class that loads the
 * real one when it is constructed or looked into.
 */
const DEFERRED = [
  { from: '@slack/bolt', request: '@slack/socket-mode', lazyDefault: false },
  { from: '@slack/bolt', request: '@slack/oauth', lazyDefault: false },
  { from: '@slack/bolt', request: './receivers/ExpressReceiver', lazyDefault: true },
  { from: '@slack/bolt', request: './receivers/AwsLambdaReceiver', lazyDefault: true },
];

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A hash of every input's path and content. */
export function inputsHash() {
  const hash = createHash('sha256');
  const files = [...INPUT_DIRS.flatMap((d) => filesUnder(join(ROOT, d))), ...INPUT_FILES.map((f) => join(ROOT, f))].sort();
  for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Whether `outdir` holds a build of the current inputs. */
export function isBuildCurrent(outdir = DIST) {
  try {
    const info = JSON.parse(readFileSync(join(outdir, BUILD_INFO), 'utf8'));
    return typeof info === 'object' && info !== null && info.inputsHash === inputsHash();
  } catch {
    return false;
  }
}

/**
 * The deferring shim: a stand-in whose properties load the real module on first access. Bolt's
 * TypeScript-compiled code reads `__esModule` when it loads; the real modules are compiled the
 * same way (checked at build time), so the shim answers that one without loading anything.
 * @type {import('esbuild').Plugin}
 */
const deferBoltExtras = {
  name: 'defer-bolt-extras',
  setup(build) {
    // esbuild filters are Go regular expressions: no `u` flag.
    build.onResolve({ filter: new RegExp(`^(${DEFERRED.map((d) => d.request.replace(/[./]/gu, '\\$&')).join('|')})$`) }, (args) => {
      const deferred = DEFERRED.find((d) => d.request === args.path && args.importer.includes(`${join('node_modules', d.from)}/`));
      if (!deferred || args.pluginData?.real) return undefined;
      return { path: args.path, namespace: 'deferred', pluginData: { resolveDir: args.resolveDir, lazyDefault: deferred.lazyDefault } };
    });
    build.onLoad({ filter: /.*/, namespace: 'deferred' }, async (args) => {
      const real = await build.resolve(args.path, { resolveDir: args.pluginData.resolveDir, kind: 'require-call', pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      if (!readFileSync(real.path, 'utf8').includes('Object.defineProperty(exports, "__esModule", { value: true })')) {
        return { errors: [{ text: `${args.path} is not an ES module compiled to CommonJS; it cannot be deferred` }] };
      }
      return {
        resolveDir: dirname(real.path),
        loader: 'js',
        contents: `
          let real;
          const load = () => (real ??= require(${JSON.stringify(real.path)}));
          const lazyDefault = ${
            args.pluginData.lazyDefault
              ? `new Proxy(function () {}, {
            construct: (_, args, newTarget) => Reflect.construct(load().default, args, newTarget === lazyDefault ? load().default : newTarget),
            apply: (_, self, args) => Reflect.apply(load().default, self, args),
            get: (_, key) => load().default[key],
            has: (_, key) => key in load().default,
            getPrototypeOf: () => Reflect.getPrototypeOf(load().default),
          })`
              : 'undefined'
          };
          module.exports = new Proxy({}, {
            get: (_, key) => (key === '__esModule' ? true : key === 'default' && lazyDefault ? lazyDefault : load()[key]),
            has: (_, key) => key in load(),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_, key) => {
              const found = Object.getOwnPropertyDescriptor(load(), key);
              return found && { ...found, configurable: true };
            },
          });`,
      };
    });
  },
};

/** Bundles the entry points into `outdir` (emptied first) and records the inputs' hash. */
export async function build(outdir = DIST) {
  const { build: esbuild } = await import('esbuild');
  const hash = inputsHash();
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ['src/main.ts', 'src/cli.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    external: EXTERNAL,
    plugins: [deferBoltExtras],
    // CommonJS dependencies in an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  writeFileSync(join(outdir, BUILD_INFO), `${JSON.stringify({ inputsHash: hash }, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build(process.argv[2] ? resolve(process.argv[2]) : DIST);
}
