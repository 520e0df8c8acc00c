import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/core/paths.js';

const { pruneBuildOnly, runtimePackages } = (await import(
  pathToFileURL(join(PROJECT_ROOT, 'scripts', 'prune-build-only.mjs')).href
)) as typeof import('../../scripts/prune-build-only.mjs');

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

type Manifest = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };

/** A project with the given packages installed, each at a path under node_modules. */
function project(dependencies: Record<string, string>, packages: Record<string, Manifest>): string {
  const root = mkdtempSync(join(tmpdir(), 'ipplan-prune-'));
  roots.push(root);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', dependencies }));
  for (const [path, manifest] of Object.entries(packages)) {
    const dir = join(root, 'node_modules', path);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: path.split('/node_modules/').at(-1), ...manifest }));
  }
  mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(root, 'node_modules', '.package-lock.json'), '{}');
  return root;
}

const installed = (root: string, path: string): boolean => existsSync(join(root, 'node_modules', path, 'package.json'));

describe('pruning what only builds the addons', () => {
  it('keeps the addons and what they load, and drops their build tools with the old tar nested under one', () => {
    const root = project(
      { '@mapbox/node-pre-gyp': '^2', nodejieba: '^3', 'better-sqlite3': '^12', pino: '^10' },
      {
        '@mapbox/node-pre-gyp': { dependencies: { tar: '^7', '@isaacs/fs-minipass': '^4' } },
        tar: {},
        '@isaacs/fs-minipass': {},
        nodejieba: { dependencies: { '@mapbox/node-pre-gyp': '^1', 'node-addon-api': '^5' } },
        'nodejieba/node_modules/@mapbox/node-pre-gyp': { dependencies: { tar: '^6' } },
        'nodejieba/node_modules/tar': {},
        'node-addon-api': {},
        'better-sqlite3': { dependencies: { bindings: '^1', 'prebuild-install': '^7' } },
        bindings: { dependencies: { 'file-uri-to-path': '1' } },
        'file-uri-to-path': {},
        'prebuild-install': { dependencies: { 'tar-fs': '^2' } },
        'tar-fs': {},
        pino: { dependencies: { 'sonic-boom': '^4' }, optionalDependencies: { 'not-on-this-platform': '1' } },
        'sonic-boom': {},
      },
    );
    expect(pruneBuildOnly(root).sort()).toEqual(
      [
        '@isaacs/fs-minipass',
        '@mapbox/node-pre-gyp',
        'nodejieba/node_modules/@mapbox/node-pre-gyp',
        'nodejieba/node_modules/tar',
        'node-addon-api',
        'prebuild-install',
        'tar',
        'tar-fs',
      ]
        .map((p) => join('node_modules', p))
        .sort(),
    );
    for (const kept of ['nodejieba', 'better-sqlite3', 'bindings', 'file-uri-to-path', 'pino', 'sonic-boom']) expect(installed(root, kept)).toBe(true);
    // Empty scope folders, emptied nested node_modules, the .bin links and npm's hidden lockfile go too.
    for (const gone of ['@mapbox', '@isaacs', 'nodejieba/node_modules', '.bin', '.package-lock.json'])
      expect(existsSync(join(root, 'node_modules', gone))).toBe(false);
  });

  it("follows Node's resolution: a nested copy serves its parent, the hoisted one the others", () => {
    const root = project(
      { a: '1', b: '1' },
      { a: { dependencies: { c: '2' } }, 'a/node_modules/c': {}, b: { dependencies: { c: '1' } }, c: {}, 'unused/node_modules/c': {}, unused: {} },
    );
    expect(pruneBuildOnly(root, {}).sort()).toEqual([join('node_modules', 'unused'), join('node_modules', 'unused', 'node_modules', 'c')]);
    expect(installed(root, 'a/node_modules/c') && installed(root, 'c')).toBe(true);
  });

  it('stops when a required dependency is missing rather than guess', () => {
    const root = project({ a: '1' }, { a: { dependencies: { gone: '1' } } });
    expect(() => pruneBuildOnly(root, {})).toThrow(/a depends on gone, which is not installed/u);
  });

  it("on this project's own install, keeps both addons and their loaders and none of the build tools", () => {
    const kept = [...runtimePackages(PROJECT_ROOT)].map((dir) => relative(join(PROJECT_ROOT, 'node_modules'), dir));
    expect(kept).toEqual(expect.arrayContaining(['nodejieba', 'better-sqlite3', 'bindings', '@slack/bolt', 'pg', 'minisearch']));
    expect(kept.filter((p) => /(^|\/)(tar|tar-fs|prebuild-install|node-addon-api|@mapbox\/node-pre-gyp)$/u.test(p))).toEqual([]);
  });
});
