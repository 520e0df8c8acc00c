import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../../src/core/answer/ask-question.js';
import { testAnswerContext } from '../../support/answer-context.js';

const ctx = testAnswerContext();
const ask = (q: string) => askQuestion(ctx, q, { limit: 10 });

describe('things the plan counts but does not name', () => {
  it('declines to name pilot cities the plan only counts', () => {
    const answer = ask('那几个试点城市分别是哪些');
    expect(answer.kind).toBe('not-covered');
    expect(answer.results.map((r) => r.number)).toEqual([15]);
    expect(answer.notice?.message).toBe(
      '计划原文只写了数量，没有列出具体是哪些：第 15 条写的是“在3个专利导航实验区开展专利导航分析项目”，没有写明名称或名单。',
    );
  });

  it.each([
    ['计划里说的3个专利导航实验区分别在哪儿？', 15],
    ['专利导航那几个实验区是哪几个城市的？列一下名单。', 15],
    ['那2—3个产业关键技术领域具体是哪几个', 15],
    ['“法律六进”是哪六进？计划里怎么列的？', 71],
    ['法律六进具体指哪六个方面', 71],
    ['第15条里的3个实验区分别是哪些', 15],
  ])('says only the number is given for %s, citing measure %i', (q, measure) => {
    const answer = ask(q);
    expect(answer.kind).toBe('not-covered');
    expect(answer.results[0]?.number).toBe(measure);
    expect(answer.notice?.message).toContain(`计划原文只写了数量，没有列出具体是哪些：第 ${measure} 条`);
  });

  it('marks the count in the clause it cites', () => {
    const [result] = ask('计划里说的3个专利导航实验区分别在哪儿？').results;
    const [start, end] = result?.highlights[0] ?? [0, 0];
    expect(result?.snippet.slice(start, end)).toBe('3个');
  });

  it('still answers what a measure does list, and a subject whose measure only has a count in it', () => {
    expect(ask('第20条列了哪些司法解释')).toMatchObject({ kind: 'lookup' });
    expect(ask('第二十条里列了几个司法解释或规定？')).toMatchObject({ kind: 'lookup' });
    expect(ask('专利导航都有哪些工作').kind).toBe('search');
  });

  it('leaves things the plan neither counts nor names to the usual decline', () => {
    const answer = ask('哪几个省被确定为知识产权强省建设省份？');
    expect(answer.kind).toBe('not-covered');
    expect(answer.notice?.message).not.toContain('只写了数量');
  });
});
