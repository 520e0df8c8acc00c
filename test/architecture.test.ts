/**
 * The layering the README describes, checked on the code's own imports: data flows one way,
 * edge (slack/, cli/) → render/ → core/, with store/ beside core and never importing it,
 * embeddings/ (the semantic search's client) at the edge beside slack/ and neither knowing the
 * other, one composition root, and no circle between folders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/core/paths.js';

const SRC = join(PROJECT_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `core`, `render`, `store`, `slack`, `cli`, `embeddings`, or a root file's name (`config`, `logger`, `compose`, `main`, `cli.ts`). */
function layerOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts.length === 1 ? (parts[0] ?? '').replace(/\.ts$/u, '') : (parts[0] ?? '');
}

/** A folder two levels deep (`core/search`, `slack/listeners`), for the cycle check. */
function folderOf(file: string): string {
  return dirname(relative(SRC, file)).split('/').slice(0, 2).join('/');
}

const edges = sourceFiles(SRC).flatMap((file) =>
  // Static imports and exports, and dynamic import('./…') at the edge: each is an arrow between layers.
  [...readFileSync(file, 'utf8').matchAll(/(?:(?:import|export)[^'"]*?from\s+|import\(\s*)'(\.[^']+)'/gu)].map((m) => ({
    from: file,
    to: resolve(dirname(file), (m[1] ?? '').replace(/\.js$/u, '.ts')),
  })),
);

/** Who may import whom: each layer and what it may reach. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: ['core'],
  render: ['render', 'core'],
  store: ['store'],
  config: ['core'],
  logger: [],
  slack: ['slack', 'render', 'core', 'store', 'config', 'logger'],
  cli: ['cli', 'render', 'core', 'config', 'compose'],
  embeddings: ['embeddings', 'core', 'config', 'logger'],
  compose: ['core', 'render', 'store', 'slack', 'embeddings', 'config', 'logger'],
  main: ['compose', 'cli', 'core', 'config', 'logger', 'store'],
  'cli.ts': ['compose', 'cli'],
};

describe('the architecture', () => {
  it('imports run one way: edge → render → core, store beside core', () => {
    const against = edges
      .filter(({ from, to }) => !(MAY_IMPORT[layerOf(from)] ?? []).includes(layerOf(to)))
      .map(({ from, to }) => `${relative(SRC, from)} → ${relative(SRC, to)}`);
    expect(against).toEqual([]);
  });

  it('has no circle between folders', () => {
    // Folders at the same depth are peers; a folder may use what its parent folder holds
    // (`slack/deps.ts` for `slack/listeners/`), so only edges between non-nested folders count.
    const nested = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`) || a === '.' || b === '.';
    const graph = new Map<string, Set<string>>();
    for (const { from, to } of edges) {
      const a = folderOf(from);
      const b = folderOf(to);
      if (!nested(a, b)) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    const cycles = new Set<string>();
    const visit = (node: string, path: string[]): void => {
      for (const next of graph.get(node) ?? []) {
        const at = path.indexOf(next);
        if (at >= 0) cycles.add([...path.slice(at), next].join(' → '));
        else visit(next, [...path, next]);
      }
    };
    for (const node of graph.keys()) visit(node, [node]);
    expect([...cycles]).toEqual([]);
  });

  it('builds the object graph in one place', () => {
    const PARTS = [
      'createSlackApp',
      'openSqliteStore',
      'openPostgresStore',
      'createPlanSearch',
      'openSearchIndex',
      'createAnswering',
      'createAcknowledgedWork',
      'createDigestPoster',
      'createDigestScheduler',
      'resilientStore',
      'createReplicaPresence',
      'createProgressBook',
      'createProgressDesk',
      'createCoordinators',
      'createSemanticSearch',
    ];
    const builders = sourceFiles(SRC)
      .filter((file) => {
        const code = readFileSync(file, 'utf8');
        // A part's own file may use it; anyone else calling it is building the graph.
        return PARTS.some((part) => !code.includes(`function ${part}(`) && new RegExp(`\\b${part}\\(`, 'u').test(code));
      })
      .map((file) => relative(SRC, file));
    expect(builders).toEqual(['compose.ts']);
  });
});

/** Everything a clone runs: the code, the tests, the scripts and the build. */
function repositoryFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === '__snapshots__' || name === 'fixtures' || name === 'holdout' ? [] : walk(path);
      return /\.(ts|mjs|js|json)$|^run$/u.test(name) ? [path] : [];
    });
  return [...walk(SRC), ...walk(join(PROJECT_ROOT, 'test')), ...walk(join(PROJECT_ROOT, 'scripts')), ...walk(join(PROJECT_ROOT, '.ci')), ...['package.json', 'Dockerfile', 'vitest.config.ts'].map((f) => join(PROJECT_ROOT, f))];
}

describe('the repository', () => {
  it('reads nothing outside itself: a clone has no shared/ or anything else beside it', () => {
    const outside = /\.\.\/shared|['"]\.\.['"],\s*['"]shared['"]|PROJECT_ROOT,\s*['"]\.\.['"]/u;
    const readers = repositoryFiles()
      .filter((file) => outside.test(readFileSync(file, 'utf8')))
      .map((file) => relative(PROJECT_ROOT, file));
    expect(readers).toEqual([]);
  });
});
