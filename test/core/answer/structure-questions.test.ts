import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../../src/core/answer/answer-schema.js';
import { askQuestion } from '../../../src/core/answer/ask-question.js';
import { loadEvalQuestions } from '../../../src/core/eval/eval-questions.js';
import { PROJECT_ROOT } from '../../../src/core/paths.js';
import { testAnswerContext } from '../../support/answer-context.js';

const ctx = testAnswerContext();
const ask = (q: string) => askQuestion(ctx, q, { limit: 10 });
const shown = (q: string) => ask(q).results.map((r) => r.number);

describe('measures asked for by their place in the plan', () => {
  it('answers 倒数第三条 with the third measure from the end', () => {
    const answer = ask('倒数第三条');
    expect(answer.kind).toBe('lookup');
    expect(shown('倒数第三条')).toEqual([77]);
    expect(answer.places).toEqual([{ type: 'counted', measure: 77, from: 'end', place: 3 }]);
  });

  it.each([
    ['最后一条', [79]],
    ['倒数第二项', [78]],
    ['整个计划里从后往前数第三条措施是啥？', [77]],
    ['从最后一条往前数第三条是哪条', [77]],
    ['倒过来第三条是什么', [77]],
    ['最后第二条', [78]],
    ['排在最后的那条措施讲的啥？', [79]],
    ['最后三条', [77, 78, 79]],
    ['前三条', [1, 2, 3]],
    ['第一条和最后一条', [1, 79]],
  ])('answers %s from the plan’s order: %j', (q, numbers) => {
    expect(shown(q)).toEqual(numbers);
  });

  it('counts from the end of an area named by its subject', () => {
    const answer = ask('保护那一大块里倒数第二条');
    expect(shown('保护那一大块里倒数第二条')).toEqual([42]);
    expect(answer.places?.[0]).toMatchObject({ from: 'end', place: 2, area: { number: 3 } });
  });

  it.each([
    ['运用那部分的最后一条是什么', [18]],
    ['国际合作部分第一条', [55]],
    ['第三部分的第一条', [19]],
    ['保护效果那部分开头第一条措施是什么？', [19]],
    ['战略组织实施那块，排第一的措施是什么？', [72]],
    ['国际交流部分压轴的那条说了什么？', [63]],
    ['管理和公共服务那部分倒数第一条', [54]],
    ['最后一部分的第一条', [72]],
    ['保护部分的第一条和最后一条', [19, 43]],
    ['第三部分的前三条', [19, 20, 21]],
    ['运用效益部分打头的是哪条', [8]],
    ['基础能力建设部分第一条', [64]],
    ['管理和公共服务部分最后一条是第几条？', [54]],
  ])('answers %s with the area’s own measures: %j', (q, numbers) => {
    expect(shown(q)).toEqual(numbers);
  });

  it('reads 第N条 inside an area as the plan’s number when the area holds that measure', () => {
    expect(shown('第三部分的第二十条')).toEqual([20]);
  });

  it('says how many measures there are when a place is past the end', () => {
    expect(ask('倒数第80条')).toMatchObject({ kind: 'none', notice: { code: 'out-of-range' } });
    expect(ask('倒数第80条').notice?.message).toContain('计划共有 79 条措施');
    expect(ask('第一部分的第十条').notice?.message).toContain('一、提高知识产权创造质量共有 7 条措施');
  });

  it('keeps 第42条 a plain lookup, with no place to say', () => {
    const answer = ask('第42条');
    expect(answer.results.map((r) => r.number)).toEqual([42]);
    expect(answer.places).toBeUndefined();
  });

  it('leaves a question that only says 最后 about a subject to search', () => {
    expect(ask('苹果和三星之间的专利官司最后谁赢了？').kind).not.toBe('lookup');
    expect(ask('专利法最后一条').places).toBeUndefined();
  });
});

describe('a measure next to another', () => {
  it.each([
    ['第30条的下一条', 31],
    ['第三十条后面紧接着的那条是什么？', 31],
    ['第五十四条之后的下一条措施是哪条？', 55],
    ['第六十四条的上一条是什么内容？', 63],
    ['紧跟在第43条后面的是哪一条', 44],
  ])('answers %s with measure %i', (q, n) => {
    const answer = ask(q);
    expect(answer.results.map((r) => r.number)).toEqual([n]);
    expect(answer.places?.[0]).toMatchObject({ type: 'neighbour', measure: n });
  });

  it('says the plan has 79 measures when asked for the one after the last', () => {
    const answer = ask('第79条的下一条措施讲什么？');
    expect(answer.kind).toBe('none');
    expect(answer.results).toEqual([]);
    expect(answer.notice?.message).toContain('计划共有 79 条措施');
  });
});

describe('areas asked for by their place or their size', () => {
  it.each([
    ['第五部分是干嘛的', 5],
    ['第五部分讲什么', 5],
    ['第二块内容主要讲的是什么', 2],
    ['第三大块说的是哪方面的工作？', 3],
    ['五、那一部分是干什么的？', 5],
    ['最后一部分讲什么', 7],
    ['倒数第二部分是干什么的', 6],
    ['第七部分一共多少条措施？', 7],
  ])('answers %s with area %i itself', (q, area) => {
    const answer = ask(q);
    expect(answer.kind).toBe('area');
    expect(answer.area?.number).toBe(area);
  });

  it('says there are 7 areas when asked for an 8th', () => {
    for (const q of ['第八部分', '第八部分讲什么']) {
      expect(ask(q)).toMatchObject({ kind: 'none', notice: { message: '计划共有 7 个部分（一…七），没有第八部分。' } });
    }
  });

  it('names the area with the most measures and the one with the fewest', () => {
    expect(ask('哪一部分安排的措施条数最多？').overview).toMatchObject({ facet: 'most-measures', named: [3] });
    expect(ask('按措施条数算，哪块最短？').overview).toMatchObject({ facet: 'fewest-measures', named: [1] });
    expect(ask('措施最多的是第几部分？').overview).toMatchObject({ facet: 'most-measures', named: [3] });
  });

  it('says ties as ties', () => {
    expect(ask('措施第二多的是哪个部分').overview).toMatchObject({ facet: 'most-measures', rank: 2, named: [2, 4] });
    expect(ask('哪个领域的措施第二少').overview).toMatchObject({ facet: 'fewest-measures', rank: 2, named: [6, 7] });
    expect(ask('哪两个部分措施一样多').overview).toMatchObject({ facet: 'equal-measures', named: [2, 4, 6, 7] });
  });

  it('lists every area with its measures when asked how the plan is divided', () => {
    const asked = [
      '一共分哪几块，列一下',
      '这份推进计划的一级标题有哪些？',
      '把七个领域的名称列出来',
      '有哪几个部分，各从第几条到第几条',
      '措施是每部分重新编号还是全计划连续编号？',
    ];
    for (const q of asked) {
      const answer = ask(q);
      expect(answer.overview?.facet, q).toBe('areas');
      expect(answer.overview?.areas.map((a) => `${a.firstMeasure}–${a.lastMeasure}`)).toEqual(['1–7', '8–18', '19–43', '44–54', '55–63', '64–71', '72–79']);
    }
  });
});

describe('ranges written in Chinese numerals', () => {
  it.each([
    ['十五到十七条', [15, 16, 17]],
    ['第十五到十七条分别讲了什么？', [15, 16, 17]],
    ['第二十至二十二条', [20, 21, 22]],
    ['七十二到七十四条的内容概括一下。', [72, 73, 74]],
  ])('looks up %s like 15-17', (q, numbers) => {
    expect(ask(q)).toMatchObject({ kind: 'lookup' });
    expect(shown(q)).toEqual(numbers);
  });
});

describe('every answer about the plan’s structure', () => {
  it('is an Answer every surface can take', () => {
    for (const { q } of loadEvalQuestions(`${PROJECT_ROOT}/test/fixtures/questions-structure.jsonl`)) {
      expect(AnswerSchema.safeParse(ask(q)).success, q).toBe(true);
    }
  });
});
