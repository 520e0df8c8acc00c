import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../../src/core/answer/ask-question.js';
import { testAnswerContext } from '../../support/answer-context.js';

const ctx = testAnswerContext();
const ask = (q: string) => askQuestion(ctx, q);
const top = (q: string) => ask(q).results.map((r) => r.number);

describe('ranking real questions', () => {
  it.each([
    ['商标审查周期要控制在多久？', 3],
    ['异议审理周期是多少', 3],
    ['剑网行动', 28],
    ['金农工程', 51],
    ['傍名牌', 35],
    ['专利导航试点', 15],
    ['知识产权质押融资', 16],
    ['知识产权海关保护', 42],
    ['中医药传统知识保护', 40],
    ['两法衔接', 23],
    ['自贸区知识产权保护', 33],
    ['诉前禁令的司法解释', 20],
    ['WIPO在华办事处', 55],
    ['PPH合作网络', 61],
    ['卖假货的网店怎么管', 27],
    ['专利数据开放', 50],
    ['核心知识产权培育', 6],
    ['copyright registration', 4],
    ['anti-monopoly investigation', 25],
    ['customs protection of intellectual property', 42],
    ['專利導航', 15],
    ['商標審查週期', 3],
    ['专利导行试点', 15],
  ])('%s → measure %i first', (q, n) => {
    expect(top(q)[0]).toBe(n);
  });

  it('lists all the measures of a broad subject', () => {
    expect(
      top('国防知识产权有哪些措施？')
        .slice(0, 5)
        .sort((a, b) => a - b),
    ).toEqual([7, 17, 43, 69, 76]);
  });

  it('shows the clause holding a factoid answer, with the part that answers marked', () => {
    const answer = ask('商标审查周期要控制在多久？');
    const first = answer.results[0]!;
    expect(first.snippet).toContain('9个月');
    const marked = first.highlights.map(([s, e]) => first.snippet.slice(s, e)).join('|');
    expect(marked).toBe('9个月内');
    expect(ask('异议审理周期是多少').results[0]?.snippet).toContain('12个月');
    expect(ask('要修订哪部促进成果转化的法律').results[0]?.snippet).toContain('促进科技成果转化法');
  });

  it('is sure of a direct question and never claims an answer to what the plan does not cover', () => {
    expect(['high', 'medium']).toContain(ask('商标审查周期要控制在多久？').confidence);
    expect(ask('商标审查周期要控制在多久？').notice).toBeUndefined();
    for (const q of ['今天天气怎么样', '股票怎么买', 'how to bake bread', '区块链', '房贷利率是多少']) {
      const answer = ask(q);
      expect(['none', 'not-covered'], q).toContain(answer.kind);
      expect(answer.confidence, q).toBe('none');
    }
  });

  it('answers a measure number with that measure', () => {
    const answer = ask('第42条');
    expect(answer.kind).toBe('lookup');
    expect(answer.results.map((r) => r.number)).toEqual([42]);
    expect(answer.results[0]?.text).toContain('知识产权海关保护执法系统');
  });

  it('explains a number past the end of the plan', () => {
    const answer = ask('第100条');
    expect(answer.kind).toBe('none');
    expect(answer.notice?.message).toBe('计划共有 79 条措施（编号 1–79），没有第 100 条。');
  });

  it('answers an area reference with the area card', () => {
    const answer = ask('第三部分');
    expect(answer.kind).toBe('area');
    expect(answer.area?.title).toBe('提高知识产权保护效果');
    expect(answer.area?.measures.map((m) => m.number)).toEqual(Array.from({ length: 25 }, (_, i) => 19 + i));
  });
});

describe('questions about the plan, its areas and what it does not say', () => {
  it.each([
    ['运用效益', 2],
    ['战略组织实施水平', 7],
    ['知识产权保护今年整体有什么部署？', 3],
    ['国际合作方面今年有什么打算？', 5],
  ])('%s → the card of area %i', (q, n) => {
    const answer = ask(q);
    expect(answer.kind).toBe('area');
    expect(answer.area?.number).toBe(n);
  });

  it('answers a subject named after 领域 or 方面 with its measure, not the area', () => {
    const answer = ask('知识产权领域的反垄断有哪些内容？');
    expect(answer.kind).toBe('search');
    expect(answer.results[0]?.number).toBe(25);
  });

  it('says the plan does not state a month when it states only a year, nor figures its opening paragraph lacks', () => {
    expect(ask('2014年中国国际版权博览会几月开幕？').notice?.message).toContain('计划原文没有写明具体的月份或日期');
    expect(ask('2014年全国一共授权了多少件发明专利？').kind).toBe('not-covered');
  });

  it('hears what a question asks about fees, places and rights in its last clause', () => {
    expect(ask('作品登记要收费吗？去哪个窗口办？').kind).toBe('not-covered');
    expect(ask('商标审查周期控制在9个月，那发明专利的审查周期要控制在多少个月？').notice?.message).toContain('计划原文没有规定');
  });

  it('reads 几项 and 哪天 in an earlier clause as “a few” and “some day”, not as what is asked', () => {
    expect(ask('小公司手里有几项发明，能拿去银行做质押融资吗').kind).toBe('search');
  });

  it('answers a question naming two rights from a measure about one of them', () => {
    expect(ask('开了一家代办商标、专利的小公司，这个行业有没有规范').notice?.code).not.toBe('not-covered');
  });
});
