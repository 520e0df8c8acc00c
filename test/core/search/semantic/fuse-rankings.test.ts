import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../../../src/core/answer/ask-question.js';
import { MIN_COVERAGE } from '../../../../src/core/answer/answer-values.js';
import { documentId, parseDocId } from '../../../../src/core/search/index/search-document.js';
import type { SearchHit } from '../../../../src/core/search/plan-search.js';
import { embeddingDocuments, embeddingFingerprint } from '../../../../src/core/search/semantic/embedding-documents.js';
import { fuseRankings, SEMANTIC_ONLY_DEPTH } from '../../../../src/core/search/semantic/fuse-rankings.js';
import { cosineSimilarity, rankBySimilarity, type SemanticRanking } from '../../../../src/core/search/semantic/semantic-ranking.js';
import { openSearchIndex } from '../../../../src/core/search/index/open-search-index.js';
import { loadLexicon } from '../../../../src/core/search/lexicon/load-lexicon.js';
import { createPlanSearch } from '../../../../src/core/search/plan-search.js';
import { testAnswerContext } from '../../../support/answer-context.js';

const FLOOR = { semanticOnlyCoverage: MIN_COVERAGE };

/** A lexical hit on document `id` with the given coverage; scores fall in list order. */
function hit(id: string, coverage: number, score = 10): SearchHit {
  return { ref: parseDocId(id), score, coverage, support: [coverage], matched: new Map([['词', 1]]) };
}

/** A semantic ranking of the ids, best first. */
function ranking(...ids: string[]): SemanticRanking {
  return ids.map((id, i) => ({ id, similarity: 1 - i / 100 }));
}

const ids = (hits: readonly SearchHit[]) => hits.map((h) => documentId(h.ref));

describe('fusing the lexical hits with a semantic ranking', () => {
  it('keeps a strong exact match first even when the model ranks it last', () => {
    const lexical = [hit('m3', 0.93, 80), hit('m35', 0.4, 9), hit('m20', 0.3, 8)];
    const fused = fuseRankings(lexical, ranking('m35', 'm20', 'm50', 'm3'), FLOOR);
    expect(ids(fused)[0]).toBe('m3');
    // Plain RRF would have put m35 (second and first) above m3 (first and fourth).
    expect(ids(fused).slice(1, 3)).toEqual(['m35', 'm20']);
    expect(fused[0]?.score).toBeGreaterThanOrEqual(fused[1]?.score ?? Infinity);
  });

  it('lets the model reorder weak lexical hits', () => {
    const lexical = [hit('m10', 0.4), hit('m11', 0.35), hit('m12', 0.3)];
    expect(ids(fuseRankings(lexical, ranking('m12', 'm40', 'm41', 'm11', 'm10'), FLOOR))).toEqual(['m12', 'm10', 'm11', 'm40', 'm41']);
  });

  it('keeps each document its lexical coverage, support and matched terms', () => {
    const lexical = [hit('m10', 0.6), hit('m11', 0.5), hit('m12', 0.4)];
    const fused = fuseRankings(lexical, ranking('m11', 'm12', 'm10'), FLOOR);
    expect(fused.map((h) => [documentId(h.ref), h.coverage, h.support, [...h.matched.keys()]])).toEqual([
      ['m11', 0.5, [0.5], ['词']],
      ['m10', 0.6, [0.6], ['词']],
      ['m12', 0.4, [0.4], ['词']],
    ]);
  });

  it('lets a document the words missed in from the top of the semantic ranking only, at the floor coverage and with no matched words', () => {
    const fused = fuseRankings([hit('m10', 0.4)], ranking('m50', 'm51', 'm52', 'm53', 'm10'), FLOOR);
    expect(SEMANTIC_ONLY_DEPTH).toBe(3);
    expect(ids(fused)).toEqual(['m10', 'm50', 'm51', 'm52']);
    const entered = fused.find((h) => documentId(h.ref) === 'm50');
    expect(entered).toMatchObject({ coverage: MIN_COVERAGE, support: [] });
    expect(entered?.matched.size).toBe(0);
  });

  it('raises a lexical hit the model ranks at the top to the floor coverage, never above its own', () => {
    const fused = fuseRankings([hit('m10', 0.05), hit('m11', 0.9)], ranking('m10', 'm11'), FLOOR);
    expect(fused.map((h) => h.coverage)).toEqual([MIN_COVERAGE, 0.9]);
  });

  it("never lets the opening paragraph in on the model alone (it would be answered as the plan's purpose, with certainty)", () => {
    expect(ids(fuseRankings([], ranking('p0', 'm50'), FLOOR))).toEqual(['m50']);
  });

  it('weighs the words more when asked: what only the model found falls behind what only the words found', () => {
    const lexical = [hit('m10', 0.4), hit('m11', 0.35), hit('m12', 0.3)];
    expect(ids(fuseRankings(lexical, ranking('m50'), FLOOR))).toEqual(['m10', 'm50', 'm11', 'm12']);
    expect(ids(fuseRankings(lexical, ranking('m50'), { ...FLOOR, lexicalWeight: 2 }))).toEqual(['m10', 'm11', 'm12', 'm50']);
  });

  it('keeps what only the model found from leading when asked, and adds nothing where the words found nothing', () => {
    const fused = fuseRankings([hit('m11', 0.3)], ranking('m50', 'm51', 'm11'), { ...FLOOR, modelMayLead: false });
    expect(ids(fused)).toEqual(['m11', 'm50', 'm51']);
    expect(fused[0]?.score).toBeGreaterThanOrEqual(fused[1]?.score ?? Infinity);
    expect(fuseRankings([], ranking('m50'), { ...FLOOR, modelMayLead: false })).toEqual([]);
  });

  it('changes nothing given an empty semantic ranking', () => {
    const lexical = [hit('m1', 0.5, 3), hit('m2', 0.4, 2)];
    expect(fuseRankings(lexical, [], FLOOR)).toEqual(lexical);
  });
});

describe('semantic ranking arithmetic', () => {
  it('ranks documents by cosine similarity, whatever their length', () => {
    expect(cosineSimilarity([1, 0], [3, 0])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 2])).toBeCloseTo(0);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(cosineSimilarity([1, 0], [1, 0, 0])).toBe(0);
    const ranked = rankBySimilarity(
      [1, 1],
      [
        { id: 'm1', vector: [1, 0] },
        { id: 'm2', vector: [2, 2] },
        { id: 'm3', vector: [-1, -1] },
      ],
    );
    expect(ranked.map((m) => m.id)).toEqual(['m2', 'm1', 'm3']);
  });

  it('fingerprints exactly what is embedded: every measure, goals paragraph and the opening', () => {
    const { plan } = testAnswerContext();
    const documents = embeddingDocuments(plan);
    expect(documents).toHaveLength(plan.measures.length + plan.areas.length + 1);
    expect(documents.map((d) => d.id)).toEqual(expect.arrayContaining(['m1', 'm79', 'g1', 'g7', 'p0']));
    const fingerprint = embeddingFingerprint(documents);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/u);
    expect(embeddingFingerprint(documents.map((d) => ({ ...d })))).toBe(fingerprint);
    const edited = documents.map((d) => (d.id === 'm42' ? { ...d, text: `${d.text}。` } : d));
    expect(embeddingFingerprint(edited)).not.toBe(fingerprint);
  });
});

describe('answering with a semantic ranking', () => {
  const ctx = testAnswerContext();
  /** Without the near meanings, which would find the plan's words for 小公司 of their own. */
  const lexicalOnly = {
    plan: ctx.plan,
    search: createPlanSearch(ctx.plan, { ...openSearchIndex({ plan: ctx.plan, lexicon: loadLexicon() }), near: undefined }, loadLexicon()),
  };
  const preferring =
    (...order: string[]) =>
    () =>
      ranking(...order);

  it('answers an exact question the same, with the same measure first, whatever the model prefers', () => {
    const q = '商标审查周期要控制在多久？';
    const lexical = askQuestion(ctx, q);
    const fused = askQuestion(ctx, q, { semantic: preferring('m50', 'm12', 'g3', 'm35') });
    expect(fused.results[0]?.number).toBe(3);
    expect(fused.results[0]?.snippet).toBe(lexical.results[0]?.snippet);
    expect(fused.confidence).toBe(lexical.confidence);
    expect(fused.notice).toBeUndefined();
  });

  it('shows what only the model found as the nearest text, with the notice to check it', () => {
    const q = '这个计划对小公司有什么帮助';
    expect(askQuestion(lexicalOnly, q).kind).toBe('none');
    const answer = askQuestion(lexicalOnly, q, { semantic: preferring('m50', 'm12', 'p0') });
    expect(answer.results.map((r) => r.number)).toEqual([50, 12]);
    expect(answer.confidence).toBe('low');
    expect(answer.notice?.message).toBe('以下是最接近的原文，请核对。');
  });

  it("still declines what the plan does not cover, offering the model's nearest only as related", () => {
    const answer = askQuestion(ctx, '今天天气怎么样', { semantic: preferring('m50', 'm12') });
    expect(answer.kind).toBe('not-covered');
    expect(answer.confidence).toBe('none');
  });

  it('asks for a ranking only when it searches, with the text searched', () => {
    const asked: string[] = [];
    const record = (question: string) => {
      asked.push(question);
      return undefined;
    };
    askQuestion(ctx, '第42条', { semantic: record });
    askQuestion(ctx, '计划一共有多少条措施', { semantic: record });
    expect(asked).toEqual([]);
    const lexical = askQuestion(ctx, '剑网行动');
    expect(askQuestion(ctx, '剑网行动', { semantic: record })).toEqual(lexical);
    expect(asked).toEqual(['剑网行动']);
  });
});
