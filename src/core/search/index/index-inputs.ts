/**
 * The fingerprint of everything a built index depends on: the seed documents, the lexicon, the
 * segmenter's dictionary version, the version of the package CC-CEDICT comes from (the word
 * bridge) and this format's version. `index/manifest.json` records it;
 * start-up compares it with the files on disk to know whether the prebuilt index still fits.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, SEEDS_DIR } from '../../paths.js';
import { GLOSS_PACKAGE } from '../bridge/gloss-dictionary.js';
import { ENGLISH_FILE, SYNONYMS_FILE } from '../lexicon/load-lexicon.js';

/** Bump when the index's shape or the way text becomes terms changes. */
export const INDEX_FORMAT_VERSION = 2;

function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function indexInputFiles(): string[] {
  const seeds = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(SEEDS_DIR, f));
  return [...seeds, SYNONYMS_FILE, ENGLISH_FILE];
}

export function computeInputsHash(files = indexInputFiles()): string {
  const hash = createHash('sha256');
  hash.update(`format ${INDEX_FORMAT_VERSION}\n`);
  hash.update(`nodejieba ${packageVersion('nodejieba')}\nminisearch ${packageVersion('minisearch')}\n`);
  hash.update(`${GLOSS_PACKAGE} ${packageVersion(GLOSS_PACKAGE)}\n`);
  for (const file of files) {
    hash.update(`${relative(PROJECT_ROOT, file)}\n`);
    hash.update(readFileSync(file));
    hash.update('\n');
  }
  return hash.digest('hex');
}
