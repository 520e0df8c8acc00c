/**
 * Whether a question is the one a standard answer answers, read with the same analysis as the
 * plan's search (core/search: the question's concepts, each with the terms that stand for it and
 * its weight), so 经费 and 资金, a typo, Traditional characters or an everyday word are read the
 * same way here as there.
 *
 * Two questions match when each covers what the other names, weighted: the share of the asked
 * question's concepts the saved question states, and the share of the saved question's concepts
 * the asked one states, combined as their harmonic mean (one long question does not match every
 * short one inside it). Questions that ask for different kinds of fact about one subject (谁出钱
 * and 什么时候验收, both about 专利导航实验区) never match, however much they share.
 *
 * Below {@link STANDARD_MATCH_THRESHOLD} the standard answer is not shown at all: a weak match never
 * displaces the plan's text.
 */
import { askedFor, type AskedFor } from '../answer/asked-for.js';
import type { QuestionAnalysis } from '../search/query/analyse-question.js';

/** The least similarity (0–1) at which a saved question counts as the one asked. */
export const STANDARD_MATCH_THRESHOLD = 0.75;
/** Two words the plan never uses, one inside the other (导航实验区 in 专利导航实验区), state each other this much. */
const CONTAINED_UNKNOWN_WORD = 0.8;
/** Unknown words shorter than this are not matched inside others (区 is in every 实验区). */
const MIN_CONTAINED_LENGTH = 2;

/** A question as matching reads it: its concepts with their terms, what each weighs, and what it asks for. */
export interface QuestionShape {
  concepts: ReadonlyArray<{ label: string; credits: ReadonlyMap<string, number> }>;
  weights: readonly number[];
  asks: readonly AskedFor[];
}

/** What the shape is read with: the plan search's analysis and weights. */
export interface QuestionReader {
  analyse(question: string): QuestionAnalysis;
  weights(analysis: QuestionAnalysis): number[];
}

export function questionShape(reader: QuestionReader, question: string): QuestionShape {
  const analysis = reader.analyse(question);
  return { concepts: analysis.concepts, weights: reader.weights(analysis), asks: askedFor(analysis.normalised) };
}

type ShapeConcept = QuestionShape['concepts'][number];

/** How well `other` states the concept `concept` (0–1). */
function stated(concept: ShapeConcept, other: ShapeConcept): number {
  if (concept.label === other.label) return 1;
  let best = 0;
  for (const [term, credit] of concept.credits) {
    const theirs = other.credits.get(term);
    if (theirs !== undefined) best = Math.max(best, Math.min(credit, theirs));
  }
  const shorter = concept.label.length <= other.label.length ? concept.label : other.label;
  const longer = shorter === concept.label ? other.label : concept.label;
  if (concept.credits.size === 0 && [...shorter].length >= MIN_CONTAINED_LENGTH && longer.includes(shorter)) best = Math.max(best, CONTAINED_UNKNOWN_WORD);
  return best;
}

/** The weighted share of `a`'s concepts that `b` states. */
function coverage(a: QuestionShape, b: QuestionShape): number {
  let total = 0;
  let covered = 0;
  a.concepts.forEach((concept, i) => {
    const weight = a.weights[i] ?? 0;
    total += weight;
    covered += weight * Math.max(0, ...b.concepts.map((other) => stated(concept, other)));
  });
  return total > 0 ? covered / total : 0;
}

/** How alike two questions are (0–1): see the opening comment. */
export function questionSimilarity(a: QuestionShape, b: QuestionShape): number {
  if (a.asks.length > 0 && b.asks.length > 0 && !a.asks.some((kind) => b.asks.includes(kind))) return 0;
  const forward = coverage(a, b);
  const backward = coverage(b, a);
  return forward + backward > 0 ? (2 * forward * backward) / (forward + backward) : 0;
}

/** The saved question most like the one asked, if it is alike enough to show its answer; ties go to the first. */
export function bestMatch<T>(asked: QuestionShape, saved: ReadonlyArray<{ item: T; shape: QuestionShape }>): { item: T; score: number } | undefined {
  let best: { item: T; score: number } | undefined;
  for (const { item, shape } of saved) {
    const score = questionSimilarity(asked, shape);
    if (score >= STANDARD_MATCH_THRESHOLD && (!best || score > best.score)) best = { item, score };
  }
  return best;
}
