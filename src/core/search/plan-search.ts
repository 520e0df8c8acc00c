/**
 * Search over the plan: a question is analysed into concepts and terms, MiniSearch ranks the
 * documents by BM25 over those terms (each weighted by its credit), and the ranking is then
 * scaled by *coverage*, the share of the question's concepts (weighted by how rare they are in
 * the plan) a document satisfies. Coverage is also the confidence the answer layer reports.
 */
import type { Plan } from '../plan/plan-schema.js';
import type { Lexicon } from './lexicon/load-lexicon.js';
import { planCorpus } from './dictionary/plan-corpus.js';
import { extractMarkedNames, shortFormsOfNames } from './dictionary/plan-names.js';
import { foldText } from './text/fold-text.js';
import type { SearchIndex } from './index/open-search-index.js';
import type { SegmentedWord } from './text/tokenize.js';
import { parseDocId, planDocuments, type DocumentRef } from './index/search-document.js';
import { QUERY_TERM_SEPARATOR } from './index/index-options.js';
import { analyseQuestion, type Concept, type QuestionAnalysis, type QueryUnderstanding } from './query/analyse-question.js';
import { EVERYDAY_ACTORS, GENERIC_WORDS } from './text/stop-words.js';
import { createEnglishGlossary } from './query/english-glossary.js';
import { createSynonymFinder } from './query/synonym-expansion.js';
import { createRelatedFinder } from './bridge/word-bridge.js';
import { createTypoCorrector } from './query/typo-correction.js';
import { createNearMeaningRanker, type NearMatch } from './near/near-meaning-ranking.js';

/** Even a document covering nothing keeps this share of its BM25 score (it matched something). */
const COVERAGE_FLOOR = 0.25;
/** A word the plan never uses weighs like a fairly rare plan word; a lone unknown character much less. */
const UNKNOWN_WORD_FACTOR = 0.8;
/**
 * …and a word the plan doesn't use that names no thing (a verb, a fragment: 拦, 吵翻) counts for
 * much less: everyday questions are full of them, and they rarely carry what is asked.
 */
const UNKNOWN_OTHER_FACTOR = 0.3;
const SINGLE_CHAR_FACTOR = 0.3;
/**
 * A document where two neighbouring words of the question also stand side by side (核心知识产权培育)
 * gains up to this share of its score: the question's phrase, not just its words.
 */
const ADJACENCY_BONUS = 0.5;
/** A derived term (inner word, synonym) found in more than this share of documents is left out of the query. */
const COMMON_TERM_SHARE = 0.5;

export type ConceptRole = 'subject' | 'plan' | 'none';

export interface SearchHit {
  ref: DocumentRef;
  score: number;
  /** Share (0–1) of the question's weighted concepts this document satisfies. */
  coverage: number;
  /**
   * How well this document states each of the question's concepts (0–1, in the order of
   * `analysis.concepts`): the credit of the best term it contains, halved when the document has
   * the term only inside a longer word of its own (数据 inside 数据库 is another thing).
   */
  support: number[];
  /** The query terms found in this document's text, with their weight. */
  matched: Map<string, number>;
}

export interface PlanSearch {
  analyse(question: string): QuestionAnalysis;
  /**
   * What each of the question's concepts is to an answer (in the order of `analysis.concepts`):
   * - `subject`: a thing the question names that the plan never names (数据 as such, 注册费, 人工智能,
   *   an English word in a Chinese question, a year): an answer must state it, or the plan does
   *   not cover the question;
   * - `plan`: a word of the plan's own; an answer not stating it is a weaker answer;
   * - `none`: question words, generic words (推进, 工作, 机制 …), words most of the plan uses
   *   (知识产权), lone characters, and everyday words that are not names of things.
   */
  roles(analysis: QuestionAnalysis): ConceptRole[];
  /** How much each concept counts (as in coverage): rare plan words most, unknown words like fairly rare ones. */
  weights(analysis: QuestionAnalysis): number[];
  /** Ranked hits over measures and goals paragraphs, best first. */
  search(analysis: QuestionAnalysis): SearchHit[];
  /**
   * The measures by near meaning to the question (near-meaning-ranking.ts), to fuse with `search`:
   * only for a question whose words that nothing else reads (neither the plan, nor the synonyms,
   * nor the concept lexicon) carry at least {@link NEAR_MEANINGS_FROM} of it; undefined otherwise,
   * and without the table. A question in the plan's own words is never ranked by it.
   */
  nearMeanings(analysis: QuestionAnalysis): NearMatch[] | undefined;
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
  /**
   * Per document, each term it states plainly: as a word, as the head of a longer word (效率 in
   * 工作效率), or as a word of a name or phrase (种业 in 种业科技成果产权展示交易平台). Inside a short
   * compound, a word that is not its head is another thing (数据 in 数据库).
   */
  const plainly = new Map<string, ReadonlySet<string>>();
  /** Terms the plan uses as words in their own right somewhere (not only inside longer words). */
  const planWords = new Set<string>();
  const df = new Map<string, number>();
  const typoTargets = new Set<string>();
  for (const doc of documents) {
    const words = index.tokenizer.segment(doc.text);
    const stated = new Set<string>();
    for (const w of words) {
      stated.add(w.word);
      planWords.add(w.word);
      for (const inner of w.innerTerms) if (w.word.endsWith(inner) || w.word.length >= NAME_LENGTH) stated.add(inner);
    }
    plainly.set(doc.id, stated);
    for (const term of new Set(words.flatMap((w) => w.terms))) df.set(term, (df.get(term) ?? 0) + 1);
    for (const phrase of neighbouringWords(words)) typoTargets.add(phrase);
  }
  for (const term of df.keys()) typoTargets.add(term);
  const total = documents.length;
  const documentFrequency = (term: string): number => df.get(term) ?? 0;
  const idf = (term: string): number => bm25Idf(documentFrequency(term), total);
  const unknownWeight = bm25Idf(1, total);
  const planText = [...foldedText.values()].join('\n');
  /** Whether the plan says `phrase` in so many of its paragraphs that it is the background, not a subject (asked once per phrase). */
  const background = new Map<string, boolean>();
  const isBackground = (phrase: string): boolean => {
    let answer = background.get(phrase);
    if (answer === undefined) {
      answer = documents.filter((d) => foldedText.get(d.id)?.includes(phrase)).length > total * GENERIC_SHARE;
      background.set(phrase, answer);
    }
    return answer;
  };

  const understanding: QueryUnderstanding = {
    tokenizer: index.tokenizer,
    findSynonyms: createSynonymFinder([
      ...lexicon.synonyms,
      ...shortFormsOfNames(extractMarkedNames(planCorpus(plan)).map(foldText), (prefix) =>
        index.tokenizer.segment(prefix).every((w) => [...w.word].length === 1),
      ),
    ]),
    // An everyday word for the plan's background (知识产权, in most of its paragraphs) says nothing
    // of which measure is meant: only concepts some measures name and others don't are read.
    // Nor is a listed word the plan itself says (审查周期): the plan's own wording is searched as typed.
    findEveryday: createSynonymFinder(
      lexicon.concepts
        .filter((c) => !isBackground(foldText(c.concept)))
        .map((c) => ({ from: c.words.filter((w) => !planText.includes(foldText(w))), to: [c.concept] }))
        .filter((e) => e.from.length > 0),
    ),
    // Below both lexicons, a general-purpose dictionary's near meanings (index/word-bridge.tsv).
    findRelated: createRelatedFinder(index.bridge),
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
  /**
   * Whether the segmenter knows the word as the name of a thing (a noun), not of a place or person
   * (德国, 阳澄湖): where a story happens is a detail of it, not what it asks about.
   */
  function namesAThing(word: string): boolean {
    const tag = index.tagOf(word);
    return tag !== undefined && NOUN_TAGS.test(tag);
  }

  /**
   * How much each concept counts. In a question told in everyday words (one the concept lexicon
   * reads), the other things it names that the plan doesn't (春天, 老板, 袋子) are its story: they
   * count like words that name no thing.
   */
  function conceptWeights(analysis: QuestionAnalysis): number[] {
    const everyday = analysis.concepts.some((c) => c.everyday === true);
    return analysis.concepts.map((c) => conceptWeight(c, everyday));
  }

  function conceptWeight(concept: Concept, storyTold: boolean): number {
    let best = 0;
    for (const [term, value] of concept.credits) {
      if (value >= CREDIT_FOR_FULL_WEIGHT && documentFrequency(term) > 0) best = Math.max(best, idf(term));
    }
    const single = [...concept.label].length === 1 && /\p{Script=Han}/u.test(concept.label);
    const carries =
      concept.everyday === true || (!storyTold && namesAThing(concept.label) && !GENERIC_WORDS.has(concept.label) && !EVERYDAY_ACTORS.has(concept.label));
    const weight = best > 0 ? best : unknownWeight * (carries ? UNKNOWN_WORD_FACTOR : UNKNOWN_OTHER_FACTOR);
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

  function roles(analysis: QuestionAnalysis): ConceptRole[] {
    const latin = (analysis.normalised.match(/[a-z]/gu) ?? []).length;
    const han = (analysis.normalised.match(/\p{Script=Han}/gu) ?? []).length;
    return analysis.concepts.map((concept): ConceptRole => {
      const label = concept.label;
      if (GENERIC_WORDS.has(label) || EVERYDAY_ACTORS.has(label)) return 'none';
      // What the question wants back (哪份文件, 什么报告) is for the answer to supply, not to repeat.
      const head = analysis.focus.head;
      if (head !== undefined && (label.includes(head) || head.includes(label))) return 'none';
      if (!/\p{Script=Han}/u.test(label)) return han > latin && (concept.credits.size === 0 || /^\d{4}$/u.test(label)) ? 'subject' : 'none';
      if ([...label].length === 1) return 'none';
      const full = [...concept.credits].filter(([, v]) => v >= CREDIT_FOR_FULL_WEIGHT).map(([t]) => t);
      if (full.some((t) => planWords.has(t))) {
        const common = Math.max(...full.map(documentFrequency)) > total * GENERIC_SHARE;
        return common ? 'none' : 'plan';
      }
      // A word the plan does not use as such: a name of a thing (a noun) is a subject of the question.
      return namesAThing(label) ? 'subject' : 'none';
    });
  }

  const nearRanker = index.near ? createNearMeaningRanker(index.near) : undefined;
  /** Whether the concept is a word nothing reads: not the plan's, no lexicon's, no full-credit wording. */
  const unread = (c: Concept): boolean =>
    !c.inPlan &&
    c.everyday !== true &&
    /\p{Script=Han}/u.test(c.label) &&
    ![...c.credits].some(([t, v]) => v >= CREDIT_FOR_FULL_WEIGHT && documentFrequency(t) > 0);

  return {
    analyse: (question) => analyseQuestion(question, understanding),
    nearMeanings(analysis) {
      if (!nearRanker) return undefined;
      const weights = conceptWeights(analysis);
      const total = weights.reduce((a, b) => a + b, 0);
      const unreadWeight = analysis.concepts.reduce((sum, c, i) => sum + (unread(c) ? (weights[i] as number) : 0), 0);
      if (total === 0 || unreadWeight < total * NEAR_MEANINGS_FROM) return undefined;
      return nearRanker.rank(analysis.normalised);
    },
    roles,
    weights: conceptWeights,
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
      const weights = conceptWeights(analysis);
      const totalWeight = weights.reduce((a, b) => a + b, 0);
      const conceptTerms = analysis.concepts.map((c) => [...c.credits].filter(([term]) => weightOf.has(term)));
      const phrases = neighbourPhrases(analysis, weights);
      const phraseWeight = phrases.reduce((a, p) => a + p.weight, 0);

      const hits = results.map((result): SearchHit => {
        const inText = (term: string): boolean => result.match[term]?.includes('text') ?? false;
        const whole = plainly.get(String(result.id));
        let covered = 0;
        const support = conceptTerms.map((credits, i) => {
          const ofUnknownWord = analysis.concepts[i]?.inPlan === false;
          let best = 0;
          let stated = 0;
          for (const [term, value] of credits) {
            if (!inText(term)) continue;
            best = Math.max(best, value);
            stated = Math.max(stated, whole?.has(term) ? value : value * INSIDE_LONGER_WORD);
            // A word the plan does not use is stated by its meaningful parts (司法解释 by 解释, 文化部门 by 文化).
            if (ofUnknownWord && !GENERIC_WORDS.has(term) && !EVERYDAY_ACTORS.has(term)) stated = Math.max(stated, PART_OF_UNKNOWN_WORD);
          }
          covered += (weights[i] as number) * best;
          return stated;
        });
        const coverage = totalWeight > 0 ? covered / totalWeight : 0;
        const text = foldedText.get(String(result.id)) ?? '';
        const adjacency = phraseWeight > 0 ? phrases.reduce((a, p) => a + (text.includes(p.phrase) ? p.weight : 0), 0) / phraseWeight : 0;
        const matched = new Map<string, number>();
        for (const term of Object.keys(result.match)) if (inText(term)) matched.set(term, idf(term) * (weightOf.get(term) ?? 1));
        const score = result.score * (COVERAGE_FLOOR + coverage) * (1 + ADJACENCY_BONUS * adjacency);
        return { ref: parseDocId(String(result.id)), score, coverage, support, matched };
      });
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}

/**
 * The near meanings rank a question only when the words nothing else reads carry this share of it:
 * below that, the plan's words and the lexicons have read it, and a model would only reorder what
 * they found for reasons of its own.
 */
export const NEAR_MEANINGS_FROM = 0.1;
/** Terms with at least this credit stand for their concept fully (inner words of a word do not). */
const CREDIT_FOR_FULL_WEIGHT = 0.75;
/** Words this long are names and phrases (专利导航, 植物新品种权), whose inner words are stated too. */
const NAME_LENGTH = 4;
/** A word the plan does not use, when a document has a meaningful part of it, is stated this much. */
const PART_OF_UNKNOWN_WORD = 0.6;
/** A word found in a document only inside a longer word of the document's own states it this much. */
const INSIDE_LONGER_WORD = 0.5;
/** A word in more than this share of the plan's documents is the plan's background (知识产权), not a subject. */
const GENERIC_SHARE = 0.3;
/** jieba's tags for names of things: nouns, proper names, places, organisations, verbal nouns. */
const NOUN_TAGS = /^(?:n|nt|nz|nw|vn|an|eng)$/u;
