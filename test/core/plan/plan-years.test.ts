import { describe, expect, it } from 'vitest';
import { readPlanYears } from '../../../src/core/plan/plan-years.js';

describe('readPlanYears', () => {
  it('names a one-year plan by its year', () => {
    expect(readPlanYears('2014年国家知识产权战略实施推进计划')).toEqual({ kind: 'years', id: '2014', years: [2014, 2014] });
    expect(readPlanYears('２０１６年知識產權工作推進計劃')).toEqual({ kind: 'years', id: '2016', years: [2016, 2016] });
  });

  it('names a plan over several years by its span, whatever the dash', () => {
    for (const title of ['2021—2022年度推进计划', '2021-2022年推进计划', '2021－2022年推进计划', '2021–2022年度推进计划', '2021 — 2022 年度推进计划']) {
      expect(readPlanYears(title), title).toEqual({ kind: 'years', id: '2021-2022', years: [2021, 2022] });
    }
  });

  it("takes the span the title names first, not a cited document's", () => {
    expect(readPlanYears('2021—2022年贯彻落实《纲要（2021—2035年）》推进计划')).toMatchObject({ id: '2021-2022' });
  });

  it('tells a title without a year, and a span that runs backwards', () => {
    expect(readPlanYears('知识产权工作推进计划')).toEqual({ kind: 'none' });
    expect(readPlanYears('2022—2021年度推进计划')).toEqual({ kind: 'backwards', written: '2022—2021年' });
    expect(readPlanYears('2021—2021年度推进计划')).toEqual({ kind: 'backwards', written: '2021—2021年' });
  });
});
