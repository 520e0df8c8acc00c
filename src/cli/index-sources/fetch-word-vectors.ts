/**
 * The word vectors the near meanings are built from (see core/search/near/near-meanings.ts), as
 * `npm run build:index` obtains them: the npm package that ships them is packed by npm itself
 * from the registry into a cache (`npm pack`, nothing installed, no install scripts run), its
 * tarball checked against the integrity recorded in the code, and the vector file read out of it.
 * The package never becomes a dependency: the app reads only the table derived from it.
 *
 * A tarball already in the cache is used as it is once its integrity checks out, so a rebuild
 * downloads nothing; one given on the command line (`--word-vectors FILE`) is checked the same way.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../core/paths.js';
import { WORD_VECTOR_SOURCE } from '../../core/search/near/near-meanings.js';
import { readTarEntry } from './read-tar-entry.js';

/** Where packed tarballs are kept between builds (ignored by git with node_modules/). */
export const WORD_VECTOR_CACHE = join(PROJECT_ROOT, 'node_modules', '.cache', 'ipplan-word-vectors');

export class WordVectorSourceError extends Error {
  constructor(reason: string) {
    super(
      `${reason}. The word vectors come from the npm package ${WORD_VECTOR_SOURCE.name}@${WORD_VECTOR_SOURCE.version}: check that the npm registry is reachable, or pass its tarball with --word-vectors FILE.`,
    );
    this.name = 'WordVectorSourceError';
  }
}

/** The registry's integrity string of a tarball (Subresource Integrity, SHA-512). */
export function tarballIntegrity(tarball: Buffer): string {
  return `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
}

function tarballName(): string {
  return `${WORD_VECTOR_SOURCE.name}-${WORD_VECTOR_SOURCE.version}.tgz`;
}

/** Packs the package from the registry into `dir` (the one network step); returns the tarball's path. */
function packFromRegistry(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const spec = `${WORD_VECTOR_SOURCE.name}@${WORD_VECTOR_SOURCE.version}`;
  try {
    execFileSync('npm', ['pack', spec, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'pipe'], shell: process.platform === 'win32' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new WordVectorSourceError(`npm pack ${spec} failed${stderr ? `: ${stderr.split('\n').at(-1)}` : ''}`);
  }
  return join(dir, tarballName());
}

export interface WordVectorFetchOptions {
  /** A tarball of the package already at hand (checked like a downloaded one). */
  tarball?: string;
  cacheDir?: string;
}

/** The vector file's bytes, from a checked tarball. */
export function fetchWordVectors({ tarball, cacheDir = WORD_VECTOR_CACHE }: WordVectorFetchOptions = {}): Buffer {
  const cached = join(cacheDir, tarballName());
  let file = tarball ?? cached;
  if (!tarball && (!existsSync(cached) || tarballIntegrity(readFileSync(cached)) !== WORD_VECTOR_SOURCE.integrity)) {
    rmSync(cached, { force: true });
    file = packFromRegistry(cacheDir);
  }
  if (!existsSync(file)) throw new WordVectorSourceError(`no tarball at ${file}`);
  const bytes = readFileSync(file);
  const integrity = tarballIntegrity(bytes);
  if (integrity !== WORD_VECTOR_SOURCE.integrity)
    throw new WordVectorSourceError(
      `${file} is not the expected tarball (integrity ${integrity.slice(0, 24)}…, expected ${WORD_VECTOR_SOURCE.integrity.slice(0, 24)}…)`,
    );
  const vectors = readTarEntry(gunzipSync(bytes), WORD_VECTOR_SOURCE.file);
  if (!vectors) throw new WordVectorSourceError(`${file} holds no ${WORD_VECTOR_SOURCE.file}`);
  return vectors;
}
