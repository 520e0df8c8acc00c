import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { INDEX_DIR } from '../../../src/core/paths.js';
import { loadPlan } from '../../../src/core/plan/load-plan.js';
import { buildIndexArtifacts } from '../../../src/core/search/index/build-search-index.js';
import { computeInputsHash } from '../../../src/core/search/index/index-inputs.js';
import {
  DICTIONARY_FILE,
  MANIFEST_FILE,
  NEAR_MEANINGS_FILE,
  SEARCH_INDEX_FILE,
  WORD_BRIDGE_FILE,
  type IndexArtifacts,
} from '../../../src/core/search/index/index-files.js';
import { NEAR_MEANINGS_FORMAT, readNearMeaningsHeader, WORD_VECTOR_SOURCE } from '../../../src/core/search/near/near-meanings.js';
import { openSearchIndex } from '../../../src/core/search/index/open-search-index.js';
import { loadLexicon } from '../../../src/core/search/lexicon/load-lexicon.js';

const plan = loadPlan();
const lexicon = loadLexicon();
const dirs: string[] = [];

/** One fresh build, shared: the comparison with index/ and both rebuilds use it. */
let built: IndexArtifacts | undefined;
const freshBuild = (): IndexArtifacts => (built ??= buildIndexArtifacts(plan, lexicon));

afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  // Building and rebuilding pointed this process's one jieba dictionary elsewhere; the other test
  // files that share the process segment with the committed one, so it is loaded again.
  openSearchIndex({ plan, lexicon });
});

function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

describe('the committed index/', () => {
  it('was built from the current seeds, lexicon and code (run `npm run build:index` if this fails)', () => {
    const fresh = freshBuild();
    const manifest = JSON.parse(readFileSync(join(INDEX_DIR, MANIFEST_FILE), 'utf8')) as { inputsHash: string };
    expect(manifest.inputsHash).toBe(computeInputsHash());
    expect(readFileSync(join(INDEX_DIR, MANIFEST_FILE), 'utf8')).toBe(`${JSON.stringify(fresh.manifest, null, 2)}\n`);
    expect(readFileSync(join(INDEX_DIR, DICTIONARY_FILE), 'utf8')).toBe(fresh.dictionaryText);
    expect(readFileSync(join(INDEX_DIR, SEARCH_INDEX_FILE), 'utf8')).toBe(fresh.searchIndexJson);
    expect(readFileSync(join(INDEX_DIR, WORD_BRIDGE_FILE), 'utf8')).toBe(fresh.wordBridgeText);
    expect(fresh.nearMeaningsText).toBeUndefined();
  });

  it('holds near meanings built from the same inputs and the recorded word vectors (rebuilding them needs the vectors: npm run build:index fetches them)', () => {
    const header = readNearMeaningsHeader(readFileSync(join(INDEX_DIR, NEAR_MEANINGS_FILE), 'utf8'));
    expect(header).toEqual({
      format: NEAR_MEANINGS_FORMAT,
      inputsHash: computeInputsHash(),
      source: `${WORD_VECTOR_SOURCE.name}@${WORD_VECTOR_SOURCE.version}`,
      integrity: WORD_VECTOR_SOURCE.integrity,
    });
  });

  it('is loaded as is when its fingerprint matches', () => {
    const onStale = vi.fn();
    const index = openSearchIndex({ plan, lexicon, onStale });
    expect(index.source).toBe('prebuilt');
    expect(onStale).not.toHaveBeenCalled();
    expect(index.near?.size).toBeGreaterThan(10_000);
  });

  it('leaves the near meanings out, saying why, when they were built for other inputs or are missing', () => {
    const dir = scratch('stale-near-');
    cpSync(INDEX_DIR, dir, { recursive: true });
    const file = join(dir, NEAR_MEANINGS_FILE);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(computeInputsHash(), '0'.repeat(64)));
    const onNearMeaningsOff = vi.fn();
    expect(openSearchIndex({ plan, lexicon, dir, onNearMeaningsOff }).near).toBeUndefined();
    expect(onNearMeaningsOff).toHaveBeenCalledWith(`${NEAR_MEANINGS_FILE} was built for other seeds or lexicons`);
    rmSync(file);
    expect(openSearchIndex({ plan, lexicon, dir, onNearMeaningsOff }).near).toBeUndefined();
    expect(onNearMeaningsOff).toHaveBeenLastCalledWith(`no ${NEAR_MEANINGS_FILE} in ${dir}`);
  });

  it('is rebuilt, with a warning, when its fingerprint does not match', () => {
    const dir = scratch('stale-index-');
    cpSync(INDEX_DIR, dir, { recursive: true });
    const manifestFile = join(dir, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, inputsHash: '0'.repeat(64) }));
    const onStale = vi.fn();
    const build = vi.fn(freshBuild);
    const index = openSearchIndex({ plan, lexicon, dir, onStale, build });
    expect(index.source).toBe('rebuilt');
    expect(onStale).toHaveBeenCalledWith('the seeds or lexicon changed since the index was built');
    expect(build).toHaveBeenCalledOnce();
    expect(index.miniSearch.documentCount).toBe(87); // 79 measures, 7 goals paragraphs, the opening paragraph
  });

  it('is rebuilt when missing', () => {
    const onStale = vi.fn();
    expect(openSearchIndex({ plan, lexicon, dir: scratch('no-index-'), onStale, build: freshBuild }).source).toBe('rebuilt');
    expect(onStale.mock.calls[0]?.[0]).toMatch(/^no readable index manifest in /u);
  });
});
