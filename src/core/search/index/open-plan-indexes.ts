/**
 * The search indexes of every plan in the library, opened for a running process.
 *
 * - One plan, the one this project ships: its prebuilt index in `index/`, exactly as always.
 * - Several plans (or one other plan): jieba holds one dictionary a process, so every plan is
 *   segmented with one dictionary built from all of them, and each plan gets its own MiniSearch
 *   index over it. Building the dictionary takes seconds a plan, so it and the indexes are kept in
 *   `cacheDir` under the fingerprint of what they were built from (the plan files, the lexicons,
 *   the segmenter's and MiniSearch's versions, this format): a later start with the same plans
 *   loads them in milliseconds. Each plan has its own word bridge (built with the indexes, kept
 *   with them); the near meanings in `index/` name the shipped plan's measures, so they serve that
 *   plan alone (other plans are read with the word bridge and the lexicons). A cache that cannot be read or written is rebuilt or skipped, never
 *   trusted half-written (files are renamed into place, the manifest last).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { INDEX_DIR } from '../../paths.js';
import type { Plan } from '../../plan/plan-schema.js';
import { parseGlossDictionary, readGlossSource, type GlossDictionary } from '../bridge/gloss-dictionary.js';
import { buildPlanWordBridge } from '../bridge/plan-word-bridge.js';
import { formatWordBridge, parseWordBridge } from '../bridge/word-bridge.js';
import { PLACEHOLDERS } from '../dictionary/base-dictionary.js';
import { buildPlanDictionary } from '../dictionary/build-dictionary.js';
import { parseDictionary } from '../dictionary/dictionary-entry.js';
import type { Lexicon } from '../lexicon/load-lexicon.js';
import { forgetLoadedJieba, loadJieba } from '../text/jieba.js';
import { createTokenizer } from '../text/tokenize.js';
import { computeInputsHash } from './index-inputs.js';
import { indexOptions } from './index-options.js';
import { openNearMeanings, openSearchIndex, type SearchIndex } from './open-search-index.js';
import { planDocuments, type SearchDocument } from './search-document.js';

/** Bump when what the cache holds, or how, changes. */
const CACHE_FORMAT = 2;
const DICTIONARY = 'dictionary.utf8';
const MANIFEST = 'manifest.json';

const CacheManifestSchema = z.object({ format: z.literal(CACHE_FORMAT), fingerprint: z.string(), plans: z.array(z.string()) });

export interface PlanIndexSource {
  plan: Plan;
  /** The file the plan was read from (part of the fingerprint). */
  file: string;
}

export interface OpenPlanIndexesOptions {
  plans: readonly PlanIndexSource[];
  lexicon: Lexicon;
  /** The plan file `index/` was built for (the one this project ships). */
  shippedPlanFile: string;
  indexDir?: string;
  /** Where the library's dictionary and indexes are kept between starts; none: built in memory each time. */
  cacheDir?: string;
  /** Told why the prebuilt index of the shipped plan could not be used. */
  onStale?: (reason: string) => void;
  /** Told why index/near-meanings.tsv could not be used for the shipped plan. */
  onNearMeaningsOff?: (reason: string) => void;
  /** Told when the library's indexes had to be built (how long it took), so a slow first start is explained. */
  onBuilt?: (info: { plans: number; ms: number; cached: boolean }) => void;
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

function fingerprintOf(sources: readonly PlanIndexSource[], lexicon: Lexicon): string {
  const hash = createHash('sha256');
  hash.update(`library cache ${CACHE_FORMAT}\n`);
  hash.update(computeInputsHash(sources.map((s) => s.file)));
  hash.update(`\n${lexicon.synonyms.length} ${lexicon.english.length}\n`);
  return hash.digest('hex');
}

interface Cached {
  dictionaryText: string;
  indexJson: Map<string, string>;
  bridgeText: Map<string, string>;
}

function readCache(dir: string, fingerprint: string, ids: readonly string[]): Cached | undefined {
  try {
    const manifest = CacheManifestSchema.safeParse(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')));
    if (!manifest.success || manifest.data.fingerprint !== fingerprint || manifest.data.plans.join() !== ids.join()) return undefined;
    const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
    return {
      dictionaryText: read(DICTIONARY),
      indexJson: new Map(ids.map((id) => [id, read(`${id}.json`)])),
      bridgeText: new Map(ids.map((id) => [id, read(`${id}.bridge.tsv`)])),
    };
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, fingerprint: string, cached: Cached): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeAtomically(join(dir, DICTIONARY), cached.dictionaryText);
    for (const [id, json] of cached.indexJson) writeAtomically(join(dir, `${id}.json`), json);
    for (const [id, text] of cached.bridgeText) writeAtomically(join(dir, `${id}.bridge.tsv`), text);
    writeAtomically(join(dir, MANIFEST), JSON.stringify({ format: CACHE_FORMAT, fingerprint, plans: [...cached.indexJson.keys()] }));
  } catch {
    // A cache that cannot be written only costs the next start the build again.
  }
}

function loadDictionaryText(text: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-library-'));
  try {
    const file = join(dir, DICTIONARY);
    writeFileSync(file, text);
    forgetLoadedJieba();
    loadJieba(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every plan's index, by plan id. */
export function openPlanIndexes(options: OpenPlanIndexesOptions): Map<string, SearchIndex> {
  const { plans, lexicon } = options;
  const [only] = plans;
  if (only && plans.length === 1 && only.file === options.shippedPlanFile) {
    const index = openSearchIndex({
      plan: only.plan,
      lexicon,
      ...(options.indexDir ? { dir: options.indexDir } : {}),
      ...(options.onStale ? { onStale: options.onStale } : {}),
      ...(options.onNearMeaningsOff ? { onNearMeaningsOff: options.onNearMeaningsOff } : {}),
    });
    return new Map([[only.plan.id, index]]);
  }

  const started = performance.now();
  const ids = plans.map((p) => p.plan.id);
  const fingerprint = fingerprintOf(plans, lexicon);
  const cacheDir = options.cacheDir ? join(options.cacheDir, fingerprint.slice(0, 16)) : undefined;
  let cached = cacheDir && existsSync(cacheDir) ? readCache(cacheDir, fingerprint, ids) : undefined;
  const fromCache = cached !== undefined;
  if (!cached) {
    const dictionary = buildPlanDictionary(
      plans.map((p) => p.plan),
      lexicon,
    );
    cached = { dictionaryText: dictionary.text, indexJson: new Map(), bridgeText: new Map() };
  }

  // One dictionary for every plan, loaded once (jieba reads it from a file while loading).
  loadDictionaryText(cached.dictionaryText);
  const entries = parseDictionary(cached.dictionaryText).filter((e) => !PLACEHOLDERS.has(e.word));
  const tags = new Map(entries.map((e) => [e.word, e.tag]));
  const vocabulary = new Set(tags.keys());
  const tokenizer = createTokenizer(vocabulary);

  const shipped = plans.find((p) => p.file === options.shippedPlanFile);
  const near = shipped ? openNearMeanings(options.indexDir ?? INDEX_DIR, computeInputsHash()) : undefined;
  if (near && 'reason' in near) options.onNearMeaningsOff?.(near.reason);

  let glosses: GlossDictionary | undefined;
  const indexes = new Map<string, SearchIndex>();
  for (const { plan } of plans) {
    const json = cached.indexJson.get(plan.id);
    let miniSearch: MiniSearch<SearchDocument>;
    if (json) {
      miniSearch = MiniSearch.loadJSON<SearchDocument>(json, indexOptions(tokenizer.tokenize));
    } else {
      miniSearch = new MiniSearch(indexOptions(tokenizer.tokenize));
      miniSearch.addAll(planDocuments(plan));
      cached.indexJson.set(plan.id, JSON.stringify(miniSearch));
    }
    let bridgeText = cached.bridgeText.get(plan.id);
    if (bridgeText === undefined) {
      glosses ??= parseGlossDictionary(readGlossSource());
      bridgeText = formatWordBridge(
        buildPlanWordBridge(
          planDocuments(plan).map((d) => tokenizer.tokenize(d.text)),
          glosses,
        ),
      );
      cached.bridgeText.set(plan.id, bridgeText);
    }
    const nearForPlan = near && 'near' in near && plan === shipped?.plan ? { near: near.near } : {};
    indexes.set(plan.id, {
      miniSearch,
      tokenizer,
      vocabulary,
      bridge: parseWordBridge(bridgeText),
      ...nearForPlan,
      tagOf: (word) => tags.get(word),
      source: fromCache ? 'prebuilt' : 'rebuilt',
    });
  }
  if (!fromCache && cacheDir) writeCache(cacheDir, fingerprint, cached);
  options.onBuilt?.({ plans: plans.length, ms: Math.round(performance.now() - started), cached: fromCache });
  return indexes;
}
