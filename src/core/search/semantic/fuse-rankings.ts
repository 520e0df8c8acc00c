/**
 * The lexical hits fused with a semantic ranking by reciprocal rank fusion (Cormack, Clarke and
 * Büttcher, SIGIR 2009): a document scores Σ weight / (k + rank) over the rankings it is in. RRF
 * uses ranks only, so BM25 scores and cosine similarities need no common scale, and no model's
 * similarities need calibrating.
 *
 * The words of the plan stay the evidence; the model may reorder what they found and suggest what
 * they missed, never vouch for it:
 *
 * 1. Strong lexical evidence keeps first place. When the top lexical hit covers at least
 *    {@link STRONG_LEXICAL_COVERAGE} of the question, it stays first whatever the model prefers
 *    (RRF alone would let a document second in both rankings pass one first in one of them).
 * 2. Coverage, support and matched terms stay lexical. The answer layer judges an answer and words
 *    its confidence from them, so semantic agreement never makes an answer sound surer.
 * 3. A document the words did not find enters only from the top of the semantic ranking
 *    ({@link SEMANTIC_ONLY_DEPTH}), with the caller's floor coverage (the least that counts as a
 *    match): it can be shown as the nearest text with a notice to check it, never as a confident
 *    answer. A lexical hit there weaker than the floor is raised to it. The opening paragraph is
 *    left out of this rule: the answer layer reads a hit on it as "why the plan was made", an
 *    answer sure by construction, so only the words can bring it in.
 *
 * 4. A caller may weigh the words more than the model ({@link FusionOptions.lexicalWeight}), and
 *    may keep what only the model found from leading ({@link FusionOptions.modelMayLead}): then the
 *    first hit, the one judged as the answer, is always one the words found, and what only the
 *    model found is shown after it. Where the words found nothing, nothing is added.
 *
 * Fused hits carry the fused score, scaled so that a document first in both rankings scores 1.
 */
import type { SearchHit } from '../plan-search.js';
import { documentId, parseDocId } from '../index/search-document.js';
import type { SemanticRanking } from './semantic-ranking.js';

/** RRF's constant: the value its authors found best and most implementations use. */
export const RRF_K = 60;
/** The semantic ranking's weight; the lexical one's is {@link FusionOptions.lexicalWeight}, never less. */
const SEMANTIC_WEIGHT = 1;
/** Documents without lexical evidence enter from this many of the best semantic matches at most. */
export const SEMANTIC_ONLY_DEPTH = 3;
/** A top lexical hit covering this share of the question keeps first place (the answer layer's "high" for listings). */
export const STRONG_LEXICAL_COVERAGE = 0.7;

export interface FusionOptions {
  /** The coverage a document gets from the semantic ranking alone: the least that counts as a match. */
  semanticOnlyCoverage: number;
  /** The lexical ranking's weight against the semantic one's 1; at least 1 (the default). */
  lexicalWeight?: number;
  /** Whether a document only the model found may come first (and be judged as the answer); true unless said otherwise. */
  modelMayLead?: boolean;
}

interface Candidate {
  hit: SearchHit;
  id: string;
  lexicalRank?: number;
}

export function fuseRankings(
  lexical: readonly SearchHit[],
  semantic: SemanticRanking,
  { semanticOnlyCoverage, lexicalWeight = 1, modelMayLead = true }: FusionOptions,
): SearchHit[] {
  if (semantic.length === 0) return [...lexical];
  const wordsWeight = Math.max(1, lexicalWeight);
  const semanticRank = new Map(semantic.map((match, i) => [match.id, i + 1]));
  const mayEnter = new Set(
    semantic
      .slice(0, SEMANTIC_ONLY_DEPTH)
      .map((m) => m.id)
      .filter((id) => parseDocId(id).type !== 'preamble'),
  );
  const lexicalIds = new Set(lexical.map((hit) => documentId(hit.ref)));

  const candidates: Candidate[] = [
    ...lexical.map((hit, i) => ({ hit, id: documentId(hit.ref), lexicalRank: i + 1 })),
    ...[...mayEnter]
      .filter((id) => !lexicalIds.has(id))
      .map((id) => ({ hit: { ref: parseDocId(id), score: 0, coverage: 0, support: [], matched: new Map<string, number>() }, id })),
  ];
  const firstInBoth = (wordsWeight + SEMANTIC_WEIGHT) / (RRF_K + 1);
  const fused = candidates
    .map(({ hit, id, lexicalRank }): SearchHit => {
      const atSemantic = semanticRank.get(id);
      const rrf =
        (lexicalRank === undefined ? 0 : wordsWeight / (RRF_K + lexicalRank)) + (atSemantic === undefined ? 0 : SEMANTIC_WEIGHT / (RRF_K + atSemantic));
      const coverage = mayEnter.has(id) ? Math.max(hit.coverage, semanticOnlyCoverage) : hit.coverage;
      return { ...hit, coverage, score: rrf / firstInBoth };
    })
    // Array sort is stable: equal scores keep the lexical order.
    .sort((a, b) => b.score - a.score);

  if (!modelMayLead) {
    const lead = fused.findIndex((hit) => lexicalIds.has(documentId(hit.ref)));
    if (lead < 0) return [];
    const [leader] = lead > 0 ? fused.splice(lead, 1) : [];
    if (leader) fused.unshift({ ...leader, score: Math.max(leader.score, fused[0]?.score ?? 0) });
  }
  const [top] = lexical;
  if (top && top.coverage >= STRONG_LEXICAL_COVERAGE) {
    const at = fused.findIndex((hit) => documentId(hit.ref) === documentId(top.ref));
    const [pinned] = at > 0 ? fused.splice(at, 1) : [];
    if (pinned) fused.unshift({ ...pinned, score: Math.max(pinned.score, fused[0]?.score ?? 0) });
  }
  return fused;
}
