/**
 * What a semantic search embeds: the same documents the lexical index holds (each measure `m<N>`,
 * each area's 目标任务 paragraph `g<N>`, the opening paragraph `p0`), as their plain text, so a
 * semantic match leads back to the same {@link DocumentRef} a lexical hit does.
 *
 * Their vectors are worth keeping between runs, keyed by the model and by
 * {@link embeddingFingerprint}: a hash of exactly what was embedded, so an edit to the plan (or to
 * what is embedded) never meets vectors of the old text.
 */
import { createHash } from 'node:crypto';
import type { Plan } from '../../plan/plan-schema.js';
import { planDocuments } from '../index/search-document.js';

/** Changes when what is embedded for a document changes (not its text: the plan's edits are hashed). */
const EMBEDDED_FORM_VERSION = '1';
/** Hex digits of the SHA-256 kept: plenty to tell two versions of one plan apart, short enough for a file name. */
const FINGERPRINT_LENGTH = 16;

export interface EmbeddingDocument {
  /** The index's id: `m42`, `g3`, `p0`. */
  id: string;
  text: string;
}

export function embeddingDocuments(plan: Plan): EmbeddingDocument[] {
  return planDocuments(plan).map(({ id, text }) => ({ id, text }));
}

/** A hash of the documents' ids and texts, in order. */
export function embeddingFingerprint(documents: readonly EmbeddingDocument[]): string {
  const hash = createHash('sha256').update(EMBEDDED_FORM_VERSION).update('\0');
  for (const { id, text } of documents) hash.update(id).update('\0').update(text).update('\0');
  return hash.digest('hex').slice(0, FINGERPRINT_LENGTH);
}
