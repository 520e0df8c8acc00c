/**
 * The prebuilt index on disk (`index/`): the MiniSearch index, the plan dictionary jieba loads,
 * the word bridge (derived from CC-CEDICT; see index/README.md for its licence), and a manifest
 * recording the inputs' fingerprint.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const SEARCH_INDEX_FILE = 'search-index.json';
export const DICTIONARY_FILE = 'dictionary.utf8';
export const WORD_BRIDGE_FILE = 'word-bridge.tsv';
/** Built apart from the rest, from word vectors fetched at build time (near-meanings.ts). */
export const NEAR_MEANINGS_FILE = 'near-meanings.tsv';

export const IndexManifestSchema = z.object({
  formatVersion: z.number().int().positive(),
  inputsHash: z.string().regex(/^[0-9a-f]{64}$/u),
  documents: z.number().int().positive(),
  dictionaryWords: z.number().int().positive(),
  names: z.array(z.string()),
  phrases: z.array(z.string()),
  /** Words the word bridge reads. */
  bridgeWords: z.number().int().nonnegative(),
});
export type IndexManifest = z.infer<typeof IndexManifestSchema>;

export interface IndexArtifacts {
  manifest: IndexManifest;
  searchIndexJson: string;
  dictionaryText: string;
  wordBridgeText: string;
  /** Only when built with the word vectors (`npm run build:index`); otherwise index/ keeps its own. */
  nearMeaningsText?: string;
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

export function writeIndexFiles(dir: string, artifacts: IndexArtifacts): void {
  mkdirSync(dir, { recursive: true });
  writeAtomically(join(dir, DICTIONARY_FILE), artifacts.dictionaryText);
  writeAtomically(join(dir, SEARCH_INDEX_FILE), artifacts.searchIndexJson);
  writeAtomically(join(dir, WORD_BRIDGE_FILE), artifacts.wordBridgeText);
  if (artifacts.nearMeaningsText !== undefined) writeAtomically(join(dir, NEAR_MEANINGS_FILE), artifacts.nearMeaningsText);
  // The manifest last: a manifest on disk means the files it describes are complete.
  writeAtomically(join(dir, MANIFEST_FILE), `${JSON.stringify(artifacts.manifest, null, 2)}\n`);
}

/** The manifest in `dir`, or undefined when there is none or it cannot be read. */
export function readManifest(dir: string): IndexManifest | undefined {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = IndexManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
