import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../../src/core/eval/eval-questions.js';
import { scoreEval, type EvalAnswer } from '../../../src/core/eval/score-eval.js';

function question(form: string, fields: Partial<EvalQuestion> = {}): EvalQuestion {
  return { id: form, q: form, kind: 'structure', form, expect: [], ...fields };
}

function passed(q: EvalQuestion, answer: EvalAnswer): boolean {
  return scoreEval([q], () => answer).outcomes[0]?.passed ?? false;
}

describe('scoring structure questions', () => {
  it('passes a measure counted from the end only when it is exactly that measure', () => {
    const q = question('from-end', { expect: [77] });
    expect(passed(q, { kind: 'lookup', numbers: [77] })).toBe(true);
    expect(passed(q, { kind: 'lookup', numbers: [3] })).toBe(false);
    expect(passed(q, { kind: 'search', numbers: [77, 78] })).toBe(false);
    expect(passed(q, { kind: 'not-covered', numbers: [77] })).toBe(false);
  });

  it('passes a range only in order', () => {
    const q = question('range', { expect: [15, 16, 17] });
    expect(passed(q, { kind: 'lookup', numbers: [15, 16, 17] })).toBe(true);
    expect(passed(q, { kind: 'lookup', numbers: [17, 16, 15] })).toBe(false);
  });

  it('passes an area asked by ordinal only as that area', () => {
    const q = question('area-by-ordinal', { area: 5 });
    expect(passed(q, { kind: 'area', numbers: [], area: 5 })).toBe(true);
    expect(passed(q, { kind: 'area', numbers: [], area: 4 })).toBe(false);
    expect(passed(q, { kind: 'overview', numbers: [], namedAreas: [5] })).toBe(false);
  });

  it('passes the area with the most measures as its card or an overview naming it', () => {
    const q = question('area-most', { area: 3 });
    expect(passed(q, { kind: 'area', numbers: [], area: 3 })).toBe(true);
    expect(passed(q, { kind: 'overview', numbers: [], namedAreas: [3] })).toBe(true);
    expect(passed(q, { kind: 'overview', numbers: [], listsEveryArea: true })).toBe(false);
  });

  it('passes the list of areas only when every area is listed', () => {
    const q = question('area-list');
    expect(passed(q, { kind: 'overview', numbers: [], listsEveryArea: true })).toBe(true);
    expect(passed(q, { kind: 'overview', numbers: [], listsEveryArea: false })).toBe(false);
  });

  it('passes things counted but not named only as a decline citing the measure that counts them', () => {
    const q = question('counted-not-named', { expect: [15] });
    expect(passed(q, { kind: 'not-covered', numbers: [15] })).toBe(true);
    expect(passed(q, { kind: 'not-covered', numbers: [16, 15] })).toBe(false);
    expect(passed(q, { kind: 'search', numbers: [15] })).toBe(false);
  });

  it('passes a measure that does not exist only when nothing is shown as the answer', () => {
    const q = question('neighbour');
    expect(passed(q, { kind: 'none', numbers: [] })).toBe(true);
    expect(passed(q, { kind: 'lookup', numbers: [79] })).toBe(false);
  });

  it('reports structure questions by form', () => {
    const report = scoreEval([question('range', { expect: [1, 2] }), question('neighbour')], () => ({ kind: 'lookup', numbers: [1, 2] }));
    expect(report.byKind.structure?.byForm).toEqual({ neighbour: { questions: 1, score: 0 }, range: { questions: 1, score: 1 } });
  });
});
