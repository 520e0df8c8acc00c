/**
 * Leaves in node_modules only what runs: the production dependencies and everything they depend
 * on, less the packages that only fetch or compile the two native addons. The container's runtime
 * stage copies node_modules after this, so the build tools (node-pre-gyp with its tar,
 * prebuild-install with its tar-fs, node-addon-api's headers) never ship in the image.
 *
 *   node scripts/prune-build-only.mjs        (in the project, after the addons are built)
 *
 * 1. Keep: from the root's dependencies, each kept package's dependencies, optionalDependencies
 *    and peerDependencies, found the way Node finds them (the nearest node_modules first), minus
 *    the edges in BUILD_ONLY. An optional or peer dependency that is not installed is skipped; a
 *    missing required one stops the build.
 * 2. Delete every installed package outside that set, npm's .bin links and its hidden lockfile
 *    (which would still list what was deleted).
 * 3. Load every root dependency that was kept, so a package wrongly judged build-only fails the
 *    image build here instead of the app at run time.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Dependencies that exist only to install or compile an addon, by the package that declares them
 * ('' is the project itself).
 * @type {Readonly<Record<string, readonly string[]>>}
 */
export const BUILD_ONLY = {
  // Only so that nodejieba's install script, `npx @mapbox/node-pre-gyp install`, finds it without
  // asking to download it; nothing of ours loads it.
  '': ['@mapbox/node-pre-gyp'],
  // index.js loads build/Release/nodejieba.node by its path; node-pre-gyp fetches or builds that
  // file, and node-addon-api is the C++ headers it is compiled with.
  nodejieba: ['@mapbox/node-pre-gyp', 'node-addon-api'],
  // The addon is loaded through `bindings`; prebuild-install only downloads prebuilt binaries.
  'better-sqlite3': ['prebuild-install'],
};

/**
 * @param {string} dir
 * @returns {{ name: string, dependencies?: Record<string, string>, optionalDependencies?: Record<string, string>, peerDependencies?: Record<string, string> }}
 */
function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/**
 * Where Node finds package `name` required from the package in `from`, or undefined.
 * @param {string} root @param {string} from @param {string} name @returns {string | undefined}
 */
function findPackage(root, from, name) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) !== 'node_modules') {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
    }
    if (dir === root || dir === dirname(dir)) return undefined;
  }
}

/**
 * The folders of the packages that run (step 1).
 * @param {string} root @param {Readonly<Record<string, readonly string[]>>} buildOnly @returns {Set<string>}
 */
export function runtimePackages(root, buildOnly = BUILD_ONLY) {
  /** @type {Set<string>} */
  const kept = new Set();
  /** @param {string} dir @param {string} key */
  const visit = (dir, key) => {
    const manifest = readManifest(dir);
    const skip = new Set(buildOnly[key] ?? []);
    const edges = [
      ...Object.keys(manifest.dependencies ?? {}).map((name) => ({ name, required: true })),
      ...Object.keys({ ...manifest.optionalDependencies, ...manifest.peerDependencies }).map((name) => ({ name, required: false })),
    ];
    for (const { name, required } of edges) {
      if (skip.has(name)) continue;
      const found = findPackage(root, dir, name);
      if (found === undefined) {
        if (required && !(name in (manifest.optionalDependencies ?? {}))) {
          throw new Error(`${key || 'the project'} depends on ${name}, which is not installed: run npm ci --omit=dev first`);
        }
        continue;
      }
      if (kept.has(found)) continue;
      kept.add(found);
      visit(found, readManifest(found).name);
    }
  };
  visit(root, '');
  return kept;
}

/**
 * Every installed package folder under root's node_modules, nested ones included.
 * @param {string} root @returns {string[]}
 */
export function installedPackages(root) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} modules */
  const walk = (modules) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const dirs = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((name) => join(modules, entry, name)) : [join(modules, entry)];
      for (const dir of dirs) {
        if (!existsSync(join(dir, 'package.json'))) continue;
        found.push(dir);
        walk(join(dir, 'node_modules'));
      }
    }
  };
  walk(join(root, 'node_modules'));
  return found;
}

/**
 * Steps 1 and 2: deletes what does not run; returns the deleted packages' paths, relative to root.
 * @param {string} root @param {Readonly<Record<string, readonly string[]>>} buildOnly @returns {string[]}
 */
export function pruneBuildOnly(root, buildOnly = BUILD_ONLY) {
  const kept = runtimePackages(root, buildOnly);
  const deleted = installedPackages(root).filter((dir) => !kept.has(dir));
  for (const dir of deleted) rmSync(dir, { recursive: true, force: true });
  /** @param {string} modules */
  const tidy = (modules) => {
    if (!existsSync(modules)) return;
    rmSync(join(modules, '.bin'), { recursive: true, force: true });
    rmSync(join(modules, '.package-lock.json'), { force: true });
    for (const entry of readdirSync(modules)) {
      const dir = join(modules, entry);
      if (entry.startsWith('@')) {
        for (const name of readdirSync(dir)) tidy(join(dir, name, 'node_modules'));
        if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
      } else {
        tidy(join(dir, 'node_modules'));
      }
    }
    if (readdirSync(modules).length === 0) rmSync(modules, { recursive: true });
  };
  tidy(join(root, 'node_modules'));
  return deleted.map((dir) => relative(root, dir));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const deleted = pruneBuildOnly(root);
  // Step 3: this script sits in the project, so a bare import finds the project's node_modules.
  const names = Object.keys(readManifest(root).dependencies ?? {}).filter((name) => !(BUILD_ONLY[''] ?? []).includes(name));
  for (const name of names) await import(name);
  console.log(`prune-build-only: deleted ${deleted.length} packages that only build the addons; ${names.length} dependencies load`);
}
