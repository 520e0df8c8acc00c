/**
 * Opens the search index for a running process: the prebuilt one in `index/` when its manifest's
 * fingerprint matches the seeds and lexicon on disk, otherwise one rebuilt in memory (slower, and
 * reported through `onStale` so the operator knows to run `npm run build:index`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { INDEX_DIR } from '../../paths.js';
import type { Plan } from '../../plan/plan-schema.js';
import { parseWordBridge, type BridgeLookup } from '../bridge/word-bridge.js';
import { NEAR_MEANINGS_FORMAT, parseNearMeanings, readNearMeaningsHeader, type NearMeanings } from '../near/near-meanings.js';
import { PLACEHOLDERS } from '../dictionary/base-dictionary.js';
import { parseDictionary } from '../dictionary/dictionary-entry.js';
import type { Lexicon } from '../lexicon/load-lexicon.js';
import { forgetLoadedJieba, loadJieba } from '../text/jieba.js';
import { createTokenizer, type Tokenizer } from '../text/tokenize.js';
import { buildIndexArtifacts } from './build-search-index.js';
import { computeInputsHash, INDEX_FORMAT_VERSION } from './index-inputs.js';
import { DICTIONARY_FILE, NEAR_MEANINGS_FILE, readManifest, SEARCH_INDEX_FILE, WORD_BRIDGE_FILE, type IndexArtifacts } from './index-files.js';
import { indexOptions } from './index-options.js';
import type { SearchDocument } from './search-document.js';

export interface SearchIndex {
  miniSearch: MiniSearch<SearchDocument>;
  tokenizer: Tokenizer;
  /** Every word of the plan dictionary. */
  vocabulary: ReadonlySet<string>;
  /** Everyday words → the plan's words of nearly the same meaning (index/word-bridge.tsv). */
  bridge: BridgeLookup;
  /** Words → the plan's words near in meaning (index/near-meanings.tsv); undefined when it is missing or was built for other inputs. */
  near?: NearMeanings;
  /** A dictionary word's part of speech as jieba tags it (n, v, ns, vn …). */
  tagOf(word: string): string | undefined;
  /** Whether the prebuilt index was used or a fresh one had to be built. */
  source: 'prebuilt' | 'rebuilt';
}

export interface OpenSearchIndexOptions {
  plan: Plan;
  lexicon: Lexicon;
  dir?: string;
  /** Told why the prebuilt index could not be used, before a rebuild starts. */
  onStale?: (reason: string) => void;
  /** How a rebuild is made (by default from the plan and lexicon given); tests share one build. */
  build?: () => IndexArtifacts;
  /** Called when index/near-meanings.tsv cannot be used: questions are then answered without near meanings. */
  onNearMeaningsOff?: (reason: string) => void;
}

/**
 * The near-meaning table in `dir`, when it was built from the current inputs. It cannot be rebuilt
 * at start-up (its source is fetched at build time), so a stale one is left out, with the reason.
 */
export function openNearMeanings(dir: string, inputsHash: string): { near: NearMeanings } | { reason: string } {
  const file = join(dir, NEAR_MEANINGS_FILE);
  if (!existsSync(file)) return { reason: `no ${NEAR_MEANINGS_FILE} in ${dir}` };
  try {
    const bytes = readFileSync(file);
    const header = readNearMeaningsHeader(bytes.toString('utf8', 0, bytes.indexOf(0x0a) + 1));
    if (header.format !== NEAR_MEANINGS_FORMAT) return { reason: `${NEAR_MEANINGS_FILE} is format ${header.format}, not the current ${NEAR_MEANINGS_FORMAT}` };
    if (header.inputsHash !== inputsHash) return { reason: `${NEAR_MEANINGS_FILE} was built for other seeds or lexicons` };
    return { near: parseNearMeanings(bytes) };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}

function openFrom(dictionaryFile: string, searchIndexJson: string, wordBridgeText: string, source: SearchIndex['source']): SearchIndex {
  forgetLoadedJieba();
  loadJieba(dictionaryFile);
  const entries = parseDictionary(readFileSync(dictionaryFile, 'utf8')).filter((e) => !PLACEHOLDERS.has(e.word));
  const tags = new Map(entries.map((e) => [e.word, e.tag]));
  const vocabulary = new Set(tags.keys());
  const tokenizer = createTokenizer(vocabulary);
  const miniSearch = MiniSearch.loadJSON<SearchDocument>(searchIndexJson, indexOptions(tokenizer.tokenize));
  return { miniSearch, tokenizer, vocabulary, bridge: parseWordBridge(wordBridgeText), tagOf: (word) => tags.get(word), source };
}

/** Opens a freshly built index (used after a rebuild and by tests). */
export function openBuiltIndex(artifacts: IndexArtifacts): SearchIndex {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-index-'));
  try {
    const dictionaryFile = join(dir, DICTIONARY_FILE);
    writeFileSync(dictionaryFile, artifacts.dictionaryText);
    return openFrom(dictionaryFile, artifacts.searchIndexJson, artifacts.wordBridgeText, 'rebuilt');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function openSearchIndex(options: OpenSearchIndexOptions): SearchIndex {
  const { dir = INDEX_DIR, onNearMeaningsOff } = options;
  const inputsHash = computeInputsHash();
  const index = openLexicalIndex(options, inputsHash);
  const opened = openNearMeanings(dir, inputsHash);
  if ('reason' in opened) {
    onNearMeaningsOff?.(opened.reason);
    return index;
  }
  return { ...index, near: opened.near };
}

function openLexicalIndex({ plan, lexicon, dir = INDEX_DIR, onStale, build }: OpenSearchIndexOptions, inputsHash: string): SearchIndex {
  const manifest = readManifest(dir);
  let reason: string | undefined;
  if (!manifest) reason = `no readable index manifest in ${dir}`;
  else if (manifest.formatVersion !== INDEX_FORMAT_VERSION) reason = `index format ${manifest.formatVersion} is not the current ${INDEX_FORMAT_VERSION}`;
  else if (manifest.inputsHash !== inputsHash) reason = 'the seeds or lexicon changed since the index was built';

  if (reason === undefined) {
    try {
      const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
      return openFrom(join(dir, DICTIONARY_FILE), read(SEARCH_INDEX_FILE), read(WORD_BRIDGE_FILE), 'prebuilt');
    } catch (error) {
      reason = `the index files could not be loaded (${(error as Error).message})`;
    }
  }
  onStale?.(reason);
  return openBuiltIndex(build ? build() : buildIndexArtifacts(plan, lexicon, inputsHash));
}
