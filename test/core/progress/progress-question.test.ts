import { describe, expect, it } from 'vitest';
import { progressAnswer, readProgressQuestion } from '../../../src/core/progress/progress-question.js';
import { loadEvalQuestions } from '../../../src/core/eval/eval-questions.js';
import { PROJECT_ROOT } from '../../../src/core/paths.js';
import { testAnswerContext } from '../../support/answer-context.js';
import { RECORD_42 } from '../../support/render-fixtures.js';

const ctx = testAnswerContext();

describe('questions about progress', () => {
  it('are recognised with the measure they are about, by number or by name', () => {
    expect(readProgressQuestion(ctx, '第42条进展如何')).toEqual({ kind: 'measure', intent: 'status', measure: 42 });
    expect(readProgressQuestion(ctx, '第15条由哪个部门牵头？')).toEqual({ kind: 'measure', intent: 'lead', measure: 15 });
    expect(readProgressQuestion(ctx, '剑网行动进展如何？')).toEqual({ kind: 'measure', intent: 'status', measure: 28 });
    expect(readProgressQuestion(ctx, '哪些措施逾期了')).toEqual({ kind: 'list', list: 'overdue' });
    expect(readProgressQuestion(ctx, '哪些措施受阻')).toEqual({ kind: 'list', list: 'blocked' });
    expect(readProgressQuestion(ctx, '哪些措施已完成')).toEqual({ kind: 'list', list: '已完成' });
  });

  it('leave questions about the plan text to the ordinary answer', () => {
    for (const q of ['商标审查周期要控制在多久？', '国防知识产权有哪些措施？', '第42条', '第三部分讲什么', '15-20'])
      expect(readProgressQuestion(ctx, q), q).toBeUndefined();
    // The team's questions ask what the plan says, not how it is carried out.
    const team = loadEvalQuestions(`${PROJECT_ROOT}/test/fixtures/questions-team.jsonl`);
    expect(team.filter((q) => readProgressQuestion(ctx, q.q)).map((q) => q.q)).toEqual([]);
  });

  it('are answered from the record, never invented', () => {
    const asked = { kind: 'measure', intent: 'lead', measure: 42 } as const;
    expect(progressAnswer(ctx.plan, asked, [RECORD_42], '2026-11-25')).toMatchObject({
      kind: 'measure',
      record: { lead: ['海关总署'] },
      measure: { number: 42, area: { number: 3 } },
    });
    expect(progressAnswer(ctx.plan, asked, [], '2026-11-25')).not.toHaveProperty('record');
    expect(
      progressAnswer(ctx.plan, { kind: 'list', list: 'overdue' }, [RECORD_42, { ...RECORD_42, measure: 3, due: undefined, overdue: false }], '2026-11-25'),
    ).toMatchObject({ measures: [{ number: 42 }], registered: 2 });
  });
});
