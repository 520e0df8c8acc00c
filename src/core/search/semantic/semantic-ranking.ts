/**
 * A question's semantic ranking: the plan's documents ordered by the cosine similarity of their
 * vectors to the question's vector, best first. Vectors come from an embeddings model at the
 * edge; this is only the arithmetic, so it is the same whatever model made them.
 */

/** One document's place in a semantic ranking. */
export interface SemanticMatch {
  /** The index's id: `m42`, `g3`, `p0`. */
  id: string;
  /** Cosine similarity to the question, −1…1 (its scale depends on the model: only the order is used). */
  similarity: number;
}

/** Documents best first. */
export type SemanticRanking = readonly SemanticMatch[];

/**
 * The semantic ranking of a question, when its vector is at hand; undefined when it is not (no
 * model configured, the model unavailable, the plan's vectors not ready yet). Never waits.
 */
export type SemanticRanker = (question: string) => SemanticRanking | undefined;

export interface DocumentVector {
  id: string;
  vector: readonly number[];
}

function norm(vector: readonly number[]): number {
  let sum = 0;
  for (const x of vector) sum += x * x;
  return Math.sqrt(sum);
}

/** Cosine similarity; 0 when either vector is all zeros or their lengths differ. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  const scale = norm(a) * norm(b);
  return scale === 0 ? 0 : dot / scale;
}

/** The documents by similarity to `question`, best first; ties keep the documents' order. */
export function rankBySimilarity(question: readonly number[], documents: readonly DocumentVector[]): SemanticMatch[] {
  return documents.map(({ id, vector }) => ({ id, similarity: cosineSimilarity(question, vector) })).sort((a, b) => b.similarity - a.similarity);
}
