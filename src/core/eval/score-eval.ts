/**
 * Retrieval figures over an evaluation set: recall@1, recall@3, MRR@10, recall@3 per kind, and for
 * questions with an expected answer, the share whose top snippet contains it.
 */
import type { EvalQuestion } from './eval-questions.js';

export interface RankedAnswer {
  /** Measure numbers, best first. */
  numbers: number[];
  /** The top result's snippet, if any. */
  topSnippet?: string;
}

export interface QuestionOutcome {
  id: string;
  kind: string;
  q: string;
  expect: number[];
  got: number[];
  /** 1-based rank of the first expected measure within the top 10; undefined when missing. */
  rank?: number;
  answerFound?: boolean;
}

export interface EvalReport {
  questions: number;
  recallAt1: number;
  recallAt3: number;
  mrrAt10: number;
  recallAt3ByKind: Record<string, { questions: number; recallAt3: number }>;
  /** Share of questions with an `answer` whose top snippet contains it. */
  answerInSnippet: { questions: number; share: number };
  outcomes: QuestionOutcome[];
}

const MRR_DEPTH = 10;

function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

export function scoreEval(questions: readonly EvalQuestion[], answer: (q: string) => RankedAnswer): EvalReport {
  const outcomes = questions.map((question): QuestionOutcome => {
    const result = answer(question.q);
    const index = result.numbers.slice(0, MRR_DEPTH).findIndex((n) => question.expect.includes(n));
    const outcome: QuestionOutcome = { id: question.id, kind: question.kind, q: question.q, expect: question.expect, got: result.numbers.slice(0, 5) };
    if (index >= 0) outcome.rank = index + 1;
    if (question.answer !== undefined) outcome.answerFound = (result.topSnippet ?? '').includes(question.answer);
    return outcome;
  });

  const within = (k: number, list: readonly QuestionOutcome[]): number => list.filter((o) => o.rank !== undefined && o.rank <= k).length;
  const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
  const withAnswer = outcomes.filter((o) => o.answerFound !== undefined);
  return {
    questions: outcomes.length,
    recallAt1: share(within(1, outcomes), outcomes.length),
    recallAt3: share(within(3, outcomes), outcomes.length),
    mrrAt10: share(outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0), outcomes.length),
    recallAt3ByKind: Object.fromEntries(
      kinds.map((kind) => {
        const list = outcomes.filter((o) => o.kind === kind);
        return [kind, { questions: list.length, recallAt3: share(within(3, list), list.length) }];
      }),
    ),
    answerInSnippet: { questions: withAnswer.length, share: share(withAnswer.filter((o) => o.answerFound).length, withAnswer.length) },
    outcomes,
  };
}
