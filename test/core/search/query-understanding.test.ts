import { describe, expect, it } from 'vitest';
import { testAnswerContext } from '../../support/answer-context.js';
import { normaliseQuestion } from '../../../src/core/search/query/clean-question.js';
import { singleEdit } from '../../../src/core/search/query/typo-correction.js';
import { stemEnglish } from '../../../src/core/search/query/english-glossary.js';

const ctx = testAnswerContext();
const analyse = (q: string) => ctx.search.analyse(q);
const terms = (q: string) => analyse(q).terms.map((t) => t.term);

describe('normalising a question', () => {
  it('converts Traditional characters without rewriting Simplified words', () => {
    expect(normaliseQuestion('商標審查週期')).toBe('商标审查周期');
    expect(normaliseQuestion('專利導航')).toBe('专利导航');
    expect(normaliseQuestion('核心知识产权培育')).toBe('核心知识产权培育');
  });

  it('folds full-width characters, case and invisible characters', () => {
    expect(normaliseQuestion('ＵＰＯＶ　测试\u200b指南')).toBe('upov 测试 指南');
    expect(normaliseQuestion('Measure ４２')).toBe('measure 42');
  });
});

describe("reading a question in the plan's words", () => {
  it("maps everyday words and abbreviations to the plan's wording", () => {
    expect(terms('卖假货的网店怎么管')).toEqual(expect.arrayContaining(['假冒', '互联网', '销售']));
    expect(terms('两法衔接')).toEqual(expect.arrayContaining(['行政执法', '刑事司法', '衔接']));
    expect(terms('自贸区')).toContain('自由贸易区');
    expect(terms('知产质押贷款')).toEqual(expect.arrayContaining(['知识产权', '质押融资']));
    expect(terms('诉前禁令')).toContain('诉前行为保全');
    expect(terms('智慧財產權')).toContain('知识产权');
  });

  it('maps English through the glossary, longest phrase first, ignoring plurals', () => {
    expect(terms('geographical indications')).toContain('地理标志');
    expect(terms('patent pledge financing')).toEqual(expect.arrayContaining(['专利', '质押融资']));
    expect(terms('WIPO office in China')).toContain('世界知识产权组织');
    expect(terms('PPH')).toContain('专利审查高速路');
    expect(stemEnglish('industries')).toBe('industry');
    expect(stemEnglish('patents')).toBe('patent');
  });

  it('corrects a near-miss of a long plan term', () => {
    expect(analyse('专利导行试点').corrections).toEqual([{ typed: '专利导行试点', start: 0, end: 6, word: '专利导航试点' }]);
    expect(analyse('专利导行').corrections.map((c) => c.word)).toEqual(['专利导航']);
    // A slip in a two-character word is found through the plan's phrase around it.
    expect(analyse('地理标志联和认定').corrections.map((c) => c.word)).toEqual(['地理标志联合认定']);
  });

  it('does not "correct" short words, real words or neighbouring characters', () => {
    expect(analyse('商票').corrections).toEqual([]);
    expect(analyse('政府单位电脑用盗版软件').corrections).toEqual([]);
    expect(analyse('世界杯冠军是谁').corrections).toEqual([]);
    expect(analyse('商标审查周期要控制在多久').corrections).toEqual([]);
  });

  it('locates a single edit', () => {
    expect(singleEdit('专利导行', '专利导航')).toEqual({ kind: 'substitute', at: 3 });
    expect(singleEdit('专导利航', '专利导航')).toEqual({ kind: 'swap', at: 1 });
    expect(singleEdit('专利航', '专利导航')).toEqual({ kind: 'delete', at: 2 });
    expect(singleEdit('专利导航航', '专利导航')).toEqual({ kind: 'insert', at: 4 });
    expect(singleEdit('专利申请', '专利导航')).toBeUndefined();
  });

  it('reads what kind of answer a factoid question wants', () => {
    expect(analyse('商标审查周期要控制在多久').focus.wantsNumber).toBe(true);
    expect(analyse('中科院每年要发布什么报告').focus).toMatchObject({ head: '报告', wantsTitle: true });
  });
});
