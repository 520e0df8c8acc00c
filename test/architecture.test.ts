/**
 * The layering the README describes, checked on the code's own imports (type imports included):
 * data flows one way, edges (slack/, cli/) → app/ (the use cases) → core/, renderers beside the
 * edges drawing core values; store/ and embeddings/ implement the ports app/ and core/ declare;
 * service/ runs the Slack edge; one composition root; and no circle between folders at any
 * depth, a folder and its own subfolders included.
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

/** `core`, `app`, `render`, `store`, `slack`, `cli`, `embeddings`, `service`, or a root file's name (`config`, `logger`, `compose`, `main`, `cli.ts`). */
function layerOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  const [first = ''] = parts;
  // `cli.ts` (the command line's entry) is not the `cli/` folder.
  return parts.length === 1 && first !== 'cli.ts' ? first.replace(/\.ts$/u, '') : first;
}

const edges = sourceFiles(SRC).flatMap((file) =>
  // Static imports and exports (type-only ones too), and dynamic import('./…'): each is an arrow.
  [...readFileSync(file, 'utf8').matchAll(/(?:(?:import|export)[^'"]*?from\s+|import\(\s*)'(\.[^']+)'/gu)].map((m) => ({
    from: file,
    to: resolve(dirname(file), (m[1] ?? '').replace(/\.js$/u, '.ts')),
  })),
);

/** Who may import whom: each layer and what it may reach. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: ['core'],
  render: ['render', 'core'],
  app: ['app', 'core', 'logger'],
  store: ['store', 'app', 'core'],
  config: ['core'],
  logger: [],
  embeddings: ['embeddings', 'app', 'core', 'config', 'logger'],
  slack: ['slack', 'app', 'render', 'core', 'store', 'config', 'logger'],
  cli: ['cli', 'app', 'render', 'core', 'config', 'logger'],
  service: ['service', 'app', 'slack', 'store', 'logger'],
  compose: ['app', 'core', 'store', 'slack', 'embeddings', 'service', 'config', 'logger'],
  main: ['compose', 'cli', 'core', 'config', 'logger', 'store'],
  'cli.ts': ['compose', 'cli', 'core', 'logger'],
};

/** The folder of a file, cut to `depth` folders (`slack/listeners` at depth 2); a file at the root of src/ is a node of its own. */
function folderAt(file: string, depth: number): string {
  const folder = dirname(relative(SRC, file));
  return folder === '.' ? relative(SRC, file) : folder.split('/').slice(0, depth).join('/');
}

/** The groups of folders (cut to `depth`) that import each other in a circle: strongly connected components of two or more. */
function circlesAt(depth: number): string[] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = folderAt(from, depth);
    const b = folderAt(to, depth);
    if (!graph.has(b)) graph.set(b, new Set());
    if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    else if (!graph.has(a)) graph.set(a, new Set());
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) circles.push(group.sort().join(' ⇄ '));
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return circles;
}

describe('the architecture', () => {
  it('imports run one way: edges → app → core, renderers beside the edges, adapters implementing ports', () => {
    const against = edges
      .filter(({ from, to }) => !(MAY_IMPORT[layerOf(from)] ?? []).includes(layerOf(to)))
      .map(({ from, to }) => `${relative(SRC, from)} → ${relative(SRC, to)}`);
    expect(against).toEqual([]);
  });

  it('has no circle between folders at any depth, a folder and its subfolders included', () => {
    const deepest = Math.max(...sourceFiles(SRC).map((f) => relative(SRC, f).split('/').length - 1));
    const circles = Array.from({ length: deepest }, (_, i) => circlesAt(i + 1).map((c) => `depth ${i + 1}: ${c}`)).flat();
    expect(circles).toEqual([]);
  });

  it('builds each part of the object graph in one place', () => {
    /** Each constructor, and the one file that may call it (besides its own). */
    const BUILT_IN: Readonly<Record<string, string>> = {
      createSlackApp: 'compose.ts',
      bindPort: 'compose.ts',
      openStore: 'compose.ts',
      openStoreForWriting: 'compose.ts',
      openExistingStore: 'compose.ts',
      createAcknowledgedWork: 'compose.ts',
      createReplicaPresence: 'compose.ts',
      createCoordinators: 'compose.ts',
      createSemanticSearch: 'compose.ts',
      createDigestPoster: 'compose.ts',
      createDigestScheduler: 'compose.ts',
      createService: 'compose.ts',
      createApplication: 'compose.ts',
      createProgressBook: 'app/application.ts',
      createProgressDesk: 'app/application.ts',
      createLookups: 'app/application.ts',
      createConversationReplies: 'app/application.ts',
      createPlanRequests: 'app/application.ts',
      createDigests: 'app/application.ts',
      createAnswerer: 'app/application.ts',
      createThreadMemory: 'app/application.ts',
      createHelpDesk: 'app/application.ts',
      createHomePages: 'app/application.ts',
      createEscalations: 'app/help-desk/help-desk.ts',
      createStandardAnswers: 'app/help-desk/help-desk.ts',
      createAnswerChannels: 'app/help-desk/help-desk.ts',
      openSearchIndex: 'core/search/index/open-plan-indexes.ts',
      createPlanSearch: 'core/answer/open-answer-library.ts',
      openPlanIndexes: 'core/answer/open-answer-library.ts',
    };
    const misplaced = sourceFiles(SRC).flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      const name = relative(SRC, file);
      return Object.entries(BUILT_IN)
        .filter(([part, home]) => name !== home && !code.includes(`function ${part}(`) && new RegExp(`\\b${part}\\(`, 'u').test(code))
        .map(([part, home]) => `${name} calls ${part} (built in ${home})`);
    });
    expect(misplaced).toEqual([]);
  });

  it('keeps the composition root to wiring, short enough to hold in mind', () => {
    // As the formatter lays it out: one argument per line where a call is long.
    const lines = readFileSync(join(SRC, 'compose.ts'), 'utf8').split('\n').length;
    expect(lines).toBeLessThanOrEqual(160);
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
  return [
    ...walk(SRC),
    ...walk(join(PROJECT_ROOT, 'test')),
    ...walk(join(PROJECT_ROOT, 'scripts')),
    ...walk(join(PROJECT_ROOT, '.ci')),
    ...['package.json', 'Dockerfile', 'vitest.config.ts'].map((f) => join(PROJECT_ROOT, f)),
  ];
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
