/**
 * The plan's vectors on disk, so that a restart does not embed the plan again: one JSON file per
 * model and version of the plan, `DATA_DIR/embeddings/<model>-<fingerprint>.json`.
 *
 * - The file name is only an address: the file itself names its model, fingerprint and
 *   documents, and is used only when all three are what is expected (two model names may make
 *   the same file name).
 * - A file that cannot be read or parsed, or that does not match, is unusable: the plan is
 *   embedded again and the file replaced. It is never trusted halfway.
 * - Writes are atomic (a temporary file renamed over the old one), so a crash mid-write leaves
 *   the old file or none, never half of one.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { makeDirectory } from '../core/make-directory.js';
import type { DocumentVector } from '../core/search/semantic/semantic-ranking.js';

/** Under DATA_DIR. */
export const EMBEDDINGS_DIR = 'embeddings';
/** Characters of the model's name kept in the file name. */
const MAX_SLUG = 64;

const VectorFileSchema = z.object({
  model: z.string(),
  fingerprint: z.string(),
  dimensions: z.number().int().positive(),
  documents: z.array(z.object({ id: z.string(), vector: z.array(z.number()) })),
});
export type VectorFile = z.infer<typeof VectorFileSchema>;

export type CacheRead = { kind: 'hit'; vectors: DocumentVector[]; dimensions: number } | { kind: 'missing' } | { kind: 'unusable'; reason: string };

/** `bge-m3:latest` → `bge-m3-latest`: the model's name as a file name. */
export function modelSlug(model: string): string {
  const slug = model
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/gu, '-')
    .replace(/^[-.]+|-+$/gu, '')
    .slice(0, MAX_SLUG);
  return slug || 'model';
}

export function vectorCacheFile(dataDir: string, model: string, fingerprint: string): string {
  return join(dataDir, EMBEDDINGS_DIR, `${modelSlug(model)}-${fingerprint}.json`);
}

export interface ExpectedVectors {
  model: string;
  fingerprint: string;
  /** The documents' ids, in order. */
  ids: readonly string[];
}

export async function readVectorCache(file: string, expected: ExpectedVectors): Promise<CacheRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unusable', reason: error instanceof Error ? error.message : String(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unusable', reason: 'not JSON' };
  }
  const parsed = VectorFileSchema.safeParse(json);
  if (!parsed.success)
    return { kind: 'unusable', reason: `not a vector file (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})` };
  const { model, fingerprint, dimensions, documents } = parsed.data;
  if (model !== expected.model) return { kind: 'unusable', reason: `vectors of another model (${model})` };
  if (fingerprint !== expected.fingerprint) return { kind: 'unusable', reason: 'vectors of another version of the plan' };
  if (documents.length !== expected.ids.length || documents.some((d, i) => d.id !== expected.ids[i]))
    return { kind: 'unusable', reason: "not the plan's documents" };
  if (documents.some((d) => d.vector.length !== dimensions)) return { kind: 'unusable', reason: 'vectors of different lengths' };
  return { kind: 'hit', vectors: documents, dimensions };
}

/** Writes the file atomically; throws when the directory cannot be written (the caller logs it). */
export async function writeVectorCache(file: string, content: VectorFile): Promise<void> {
  makeDirectory(dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(content));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
