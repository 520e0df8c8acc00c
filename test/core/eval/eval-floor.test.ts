import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../../src/core/answer/ask-question.js';
import { loadEvalQuestions } from '../../../src/core/eval/eval-questions.js';
import { scoreEval, type EvalReport } from '../../../src/core/eval/score-eval.js';
import { PROJECT_ROOT } from '../../../src/core/paths.js';
import { testAnswerContext } from '../../support/answer-context.js';

const ctx = testAnswerContext();

function evaluate(file: string): EvalReport {
  return scoreEval(loadEvalQuestions(file), (q) => {
    const answer = askQuestion(ctx, q, { limit: 10 });
    return { numbers: answer.results.map((r) => r.number), ...(answer.results[0] ? { topSnippet: answer.results[0].snippet } : {}) };
  });
}

function expectFloor(report: EvalReport, floor: { r1: number; r3: number; perKind: number; answers: number }): void {
  const misses = report.outcomes.filter((o) => o.rank !== 1).map((o) => `${o.id} ${o.q} → ${o.got.join(',')}`);
  expect(report.recallAt1, misses.join('\n')).toBeGreaterThanOrEqual(floor.r1);
  expect(report.recallAt3).toBeGreaterThanOrEqual(floor.r3);
  for (const [kind, r] of Object.entries(report.recallAt3ByKind)) expect(r.recallAt3, kind).toBeGreaterThanOrEqual(floor.perKind);
  expect(report.answerInSnippet.share).toBeGreaterThanOrEqual(floor.answers);
}

describe('retrieval quality', () => {
  it('holds the bar on the development questions', () => {
    expectFloor(evaluate(join(PROJECT_ROOT, 'test', 'fixtures', 'questions-dev.jsonl')), { r1: 0.9, r3: 0.97, perKind: 0.8, answers: 0.9 });
  });

  it('holds the bar on the team\'s own questions', () => {
    expectFloor(evaluate(join(PROJECT_ROOT, 'test', 'fixtures', 'questions-team.jsonl')), { r1: 0.95, r3: 0.97, perKind: 0.9, answers: 0.9 });
  });

  it('holds the bar on the review set (written apart from the search, first scored unseen)', () => {
    expectFloor(evaluate(join(PROJECT_ROOT, 'test', 'fixtures', 'questions-review.jsonl')), { r1: 0.93, r3: 0.96, perKind: 0.85, answers: 0.9 });
  });
});
