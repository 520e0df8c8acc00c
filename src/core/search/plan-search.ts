/**
 * Search over the plan: a question is analysed into concepts and terms, MiniSearch ranks the
 * documents by BM25 over those terms (each weighted by its credit), and the ranking is then
 * scaled by *coverage*, the share of the question's concepts (weighted by how rare they are in
 * the plan) a document satisfies. Coverage is also the confidence the answer layer reports.
 */
import type { Plan } from '../plan/plan-schema.js';
import type { Lexicon } from './lexicon/load-lexicon.js';
import { planCorpus } from './dictionary/plan-corpus.js';
import { foldText } from './fold-text.js';
import type { SearchIndex } from './index/open-search-index.js';
import type { SegmentedWord } from './tokenize.js';
import { parseDocId, planDocuments, type DocumentRef } from './index/search-document.js';
import { QUERY_TERM_SEPARATOR } from './index/index-options.js';
import { analyseQuestion, type Concept, type QuestionAnalysis, type QueryUnderstanding } from './query/analyse-question.js';
import { createEnglishGlossary } from './query/english-glossary.js';
import { createSynonymFinder } from './query/synonym-expansion.js';
import { createTypoCorrector } from './query/typo-correction.js';

/** Even a document covering nothing keeps this share of its BM25 score (it matched something). */
const COVERAGE_FLOOR = 0.25;
/** A word the plan never uses weighs like a fairly rare plan word; a lone unknown character much less. */
const UNKNOWN_WORD_FACTOR = 0.8;
const SINGLE_CHAR_FACTOR = 0.3;
/**
 * A document where two neighbouring words of the question also stand side by side (核心知识产权培育)
 * gains up to this share of its score: the question's phrase, not just its words.
 */
const ADJACENCY_BONUS = 0.5;
/** A derived term (inner word, synonym) found in more than this share of documents is left out of the query. */
const COMMON_TERM_SHARE = 0.5;

export interface SearchHit {
  ref: DocumentRef;
  score: number;
  /** Share (0–1) of the question's weighted concepts this document satisfies. */
  coverage: number;
  /** The query terms found in this document's text, with their weight. */
  matched: Map<string, number>;
}

export interface PlanSearch {
  analyse(question: string): QuestionAnalysis;
  /** Ranked hits over measures and goals paragraphs, best first. */
  search(analysis: QuestionAnalysis): SearchHit[];
  documentFrequency(term: string): number;
}

/** Runs of two or three adjacent plan words (联合认定, 地理标志联合认定): what a typo in a short word is found through. */
function neighbouringWords(words: readonly SegmentedWord[]): string[] {
  const phrases: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let phrase = (words[i] as SegmentedWord).word;
    for (let j = i + 1; j < Math.min(words.length, i + 3); j++) {
      const next = words[j] as SegmentedWord;
      if (next.start !== (words[j - 1] as SegmentedWord).end) break;
      phrase += next.word;
      phrases.push(phrase);
    }
  }
  return phrases;
}

function bm25Idf(df: number, total: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

export function createPlanSearch(plan: Plan, index: SearchIndex, lexicon: Lexicon): PlanSearch {
  const documents = planDocuments(plan);
  const foldedText = new Map(documents.map((d) => [d.id, foldText(d.text)]));
  const df = new Map<string, number>();
  const typoTargets = new Set<string>();
  for (const doc of documents) {
    const words = index.tokenizer.segment(doc.text);
    for (const term of new Set(words.flatMap((w) => w.terms))) df.set(term, (df.get(term) ?? 0) + 1);
    for (const phrase of neighbouringWords(words)) typoTargets.add(phrase);
  }
  for (const term of df.keys()) typoTargets.add(term);
  const total = documents.length;
  const documentFrequency = (term: string): number => df.get(term) ?? 0;
  const idf = (term: string): number => bm25Idf(documentFrequency(term), total);
  const unknownWeight = bm25Idf(1, total);

  const understanding: QueryUnderstanding = {
    tokenizer: index.tokenizer,
    findSynonyms: createSynonymFinder(lexicon.synonyms),
    readEnglish: createEnglishGlossary(lexicon.english),
    correctTypos: createTypoCorrector(typoTargets, index.vocabulary, planCorpus(plan).map(foldText).join('\n')),
    documentFrequency,
    isKnownWord: (word) => index.vocabulary.has(word),
  };

  /**
   * How much a concept counts: as much as the rarest plan term that fully stands for it (the word
   * itself, or its synonym, English or corrected form). A concept with no such term is a word the
   * plan doesn't use; it counts like a fairly rare word, since the plan failing to mention it is
   * what makes an answer weak. A lone character counts for little either way.
   */
  function conceptWeight(concept: Concept): number {
    let best = 0;
    for (const [term, value] of concept.credits) {
      if (value >= CREDIT_FOR_FULL_WEIGHT && documentFrequency(term) > 0) best = Math.max(best, idf(term));
    }
    const single = [...concept.label].length === 1 && /\p{Script=Han}/u.test(concept.label);
    const weight = best > 0 ? best : unknownWeight * UNKNOWN_WORD_FACTOR;
    return single ? weight * SINGLE_CHAR_FACTOR : weight;
  }

  /** Pairs of plan words that stand next to each other in the question, as one string, with their weight. */
  function neighbourPhrases(analysis: QuestionAnalysis, weights: readonly number[]): Array<{ phrase: string; weight: number }> {
    const phrases: Array<{ phrase: string; weight: number }> = [];
    analysis.concepts.forEach((concept, i) => {
      const next = analysis.concepts[i + 1];
      if (!next || !concept.inPlan || !next.inPlan || next.start !== concept.end) return;
      phrases.push({ phrase: analysis.normalised.slice(concept.start, next.end), weight: ((weights[i] as number) + (weights[i + 1] as number)) / 2 });
    });
    return phrases;
  }

  return {
    analyse: (question) => analyseQuestion(question, understanding),
    documentFrequency,
    search(analysis) {
      // Words inside a question word, or standing in for one, that most of the plan contains add
      // nothing to the ranking but cost a pass over most documents.
      const terms = analysis.terms.filter((t) => t.weight >= 1 || documentFrequency(t.term) <= total * COMMON_TERM_SHARE);
      if (terms.length === 0) return [];
      const weightOf = new Map(terms.map((t) => [t.term, t.weight]));
      const results = index.miniSearch.search(terms.map((t) => t.term).join(QUERY_TERM_SEPARATOR), {
        boostTerm: (term) => weightOf.get(term) ?? 1,
      });
      const weights = analysis.concepts.map(conceptWeight);
      const totalWeight = weights.reduce((a, b) => a + b, 0);
      const conceptTerms = analysis.concepts.map((c) => [...c.credits].filter(([term]) => weightOf.has(term)));
      const phrases = neighbourPhrases(analysis, weights);
      const phraseWeight = phrases.reduce((a, p) => a + p.weight, 0);

      const hits = results.map((result): SearchHit => {
        const inText = (term: string): boolean => result.match[term]?.includes('text') ?? false;
        let covered = 0;
        conceptTerms.forEach((credits, i) => {
          let best = 0;
          for (const [term, value] of credits) if (value > best && inText(term)) best = value;
          covered += (weights[i] as number) * best;
        });
        const coverage = totalWeight > 0 ? covered / totalWeight : 0;
        const text = foldedText.get(String(result.id)) ?? '';
        const adjacency = phraseWeight > 0 ? phrases.reduce((a, p) => a + (text.includes(p.phrase) ? p.weight : 0), 0) / phraseWeight : 0;
        const matched = new Map<string, number>();
        for (const term of Object.keys(result.match)) if (inText(term)) matched.set(term, idf(term) * (weightOf.get(term) ?? 1));
        const score = result.score * (COVERAGE_FLOOR + coverage) * (1 + ADJACENCY_BONUS * adjacency);
        return { ref: parseDocId(String(result.id)), score, coverage, matched };
      });
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}

/** Terms with at least this credit stand for their concept fully (inner words of a word do not). */
const CREDIT_FOR_FULL_WEIGHT = 0.75;
