import { describe, expect, it } from 'vitest';
import { normaliseQuestion } from '../../../src/core/search/query/clean-question.js';
import { parsePlanReference } from '../../../src/core/search/query/plan-reference.js';

const reference = (q: string) => parsePlanReference(normaliseQuestion(q));

describe('a measure asked for by number', () => {
  it.each([
    ['第42条', 42], ['措施15', 15], ['第七十二项', 72], ['第二十八条', 28], ['measure 61', 61], ['Measure 61', 61],
    ['42', 42], ['４２', 42], ['四十二', 42], ['第9条', 9], ['第五十项', 50], ['第3条讲什么', 3], ['措施第十九项', 19],
    ['第42条是什么？', 42], ['第42条里海关怎么说', 42], ['#7', 7], ['第 61 条', 61], ['第六十一條', 61],
  ])('%s → measure %i', (q, n) => {
    expect(reference(q)).toEqual({ type: 'measures', numbers: [n] });
  });

  it('reads several marked measures', () => {
    expect(reference('第3条和第5条')).toEqual({ type: 'measures', numbers: [3, 5] });
  });

  it.each([
    ['15-20', 15, 20], ['第15至20条', 15, 20], ['15到20', 15, 20], ['七十五—七十九', 75, 79], ['measure 3 to 5', 3, 5],
  ])('%s → range', (q, from, to) => {
    expect(reference(q)).toEqual({ type: 'range', from, to });
  });

  it.each([['第三部分', 3], ['area 3', 3], ['第三个领域讲了什么', 3], ['领域七', 7], ['三、', 3]])('%s → area %i', (q, n) => {
    expect(reference(q)).toEqual({ type: 'area', number: n });
  });

  it.each(['标准制定的特殊程序第1部分', '第十次打击网络侵权盗版', '2014年中国国际版权博览会', '在3个专利导航实验区', '商标审查周期控制在9个月内', '十三五规划'])(
    'leaves %s to search',
    (q) => {
      expect(reference(q)).toBeUndefined();
    },
  );
});
