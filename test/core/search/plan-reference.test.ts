import { describe, expect, it } from 'vitest';
import { normaliseQuestion } from '../../../src/core/search/query/clean-question.js';
import { parsePlanReference } from '../../../src/core/search/query/plan-reference.js';

const reference = (q: string) => parsePlanReference(normaliseQuestion(q));

describe('a measure asked for by number', () => {
  it.each([
    ['第42条', 42],
    ['措施15', 15],
    ['第七十二项', 72],
    ['第二十八条', 28],
    ['measure 61', 61],
    ['Measure 61', 61],
    ['42', 42],
    ['４２', 42],
    ['四十二', 42],
    ['第9条', 9],
    ['第五十项', 50],
    ['第3条讲什么', 3],
    ['措施第十九项', 19],
    ['第42条是什么？', 42],
    ['第42条里海关怎么说', 42],
    ['#7', 7],
    ['第 61 条', 61],
    ['第六十一條', 61],
  ])('%s → measure %i', (q, n) => {
    expect(reference(q)).toMatchObject({ type: 'measures', numbers: [n] });
  });

  it('reads several marked measures', () => {
    expect(reference('第3条和第5条')).toMatchObject({ type: 'measures', numbers: [3, 5] });
  });

  it.each([
    ['15-20', 15, 20],
    ['第15至20条', 15, 20],
    ['15到20', 15, 20],
    ['七十五—七十九', 75, 79],
    ['measure 3 to 5', 3, 5],
    ['十五到十七条', 15, 17],
    ['第二十至二十二条', 20, 22],
    ['第十五到十七条分别讲了什么', 15, 17],
    ['三十八到四十条讲的都是什么', 38, 40],
    ['第15条到第17条分别讲了什么', 15, 17],
  ])('%s → range', (q, from, to) => {
    expect(reference(q)).toMatchObject({ type: 'range', from, to, asksMore: false });
  });

  it.each(['在2—3个产业关键技术领域', '第一到第三部分讲了什么', '2014—2020年'])('reads no range of measures in %s', (q) => {
    expect(reference(q)?.type).not.toBe('range');
  });

  it('reads no measure in the 一 of 措施一样多', () => {
    expect(reference('哪两个部分措施一样多')).toBeUndefined();
  });

  it.each([
    ['第三部分', 3],
    ['area 3', 3],
    ['第三个领域讲了什么', 3],
    ['领域七', 7],
    ['三、', 3],
  ])('%s → area %i', (q, n) => {
    expect(reference(q)).toMatchObject({ type: 'area', number: n });
  });

  it.each([
    '标准制定的特殊程序第1部分',
    '第十次打击网络侵权盗版',
    '2014年中国国际版权博览会',
    '在3个专利导航实验区',
    '商标审查周期控制在9个月内',
    '十三五规划',
  ])('leaves %s to search', (q) => {
    expect(reference(q)).toBeUndefined();
  });

  it.each([
    ['第3条跟第35条都讲商标，有啥不同？', [3, 35]],
    ['42、43', [42, 43]],
    ['措施17和18分别讲什么', [17, 18]],
    ['把第1,2,3条发我', [1, 2, 3]],
    ['59 60', [59, 60]],
    ['第72、74、76条内容', [72, 74, 76]],
    ['measure 42 and 43', [42, 43]],
  ])('%s → exactly measures %j', (q, numbers) => {
    expect(reference(q)).toMatchObject({ type: 'measures', numbers });
  });

  it.each([
    ['第七项的目标任务', 7],
    ['第5项下面有多少条措施', 5],
    ['第三部分的目标是啥', 3],
    ['第二个领域的目标是什么', 2],
    ['第4部分概括一下', 4],
  ])('%s → area %i, with what people ask about a whole area around it', (q, n) => {
    expect(reference(q)).toMatchObject({ type: 'area', number: n });
  });

  it('reads 第五十三项措施 as a measure, and an article of another law as no reference at all', () => {
    expect(reference('第五十三项措施')).toMatchObject({ type: 'measures', numbers: [53] });
    expect(reference('商标法第五十七条规定的是什么内容')).toBeUndefined();
  });

  it('says whether the question asks more than what it names', () => {
    expect(reference('第73条说的督导检查具体哪个月开展？')).toMatchObject({ numbers: [73], asksMore: true });
    expect(reference('第42条是什么')).toMatchObject({ numbers: [42], asksMore: false });
  });
});
