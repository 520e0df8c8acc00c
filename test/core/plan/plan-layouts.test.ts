import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/core/plan/parse-plan.js';
import { PlanParseError } from '../../../src/core/plan/plan-parse-error.js';
import type { Plan } from '../../../src/core/plan/plan-schema.js';

/** Invented plans in each layout of the family (test/fixtures/plans/), parsed as their file. */
const FIXTURES = new URL('../../fixtures/plans/', import.meta.url);

function fixtureName(name: string): string {
  return `test/fixtures/plans/${name}`;
}

function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function parseFixture(name: string): Plan {
  return parsePlan(readFixture(name), fixtureName(name));
}

function refusal(name: string): string {
  try {
    parseFixture(name);
  } catch (error) {
    if (error instanceof PlanParseError) return error.message;
    throw error;
  }
  throw new Error(`expected ${name} to be refused`);
}

function measureNumbersByArea(plan: Plan): number[][] {
  return plan.areas.map((a) => a.measureNumbers);
}

describe('parsePlan on the direct layout (2015, 2016)', () => {
  const plan = parseFixture('2015-direct-measures.txt');

  it('parses a plan whose areas run straight into numbered measures', () => {
    expect(plan.id).toBe('2015');
    expect(plan.years).toEqual([2015, 2015]);
    expect(plan.year).toBe(2015);
    expect(plan.preamble).toBe('为持续推动知识产权战略落地见效，结合本年度各部门工作安排，制定本计划。');
    expect(plan.areas.map((a) => a.title)).toEqual(['强化知识产权创造质量', '强化知识产权运用', '强化知识产权保护', '强化知识产权管理与服务']);
    expect(measureNumbersByArea(plan)).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
      [13, 14, 15, 16],
    ]);
  });

  it('gives its areas no goals and no sub-sections', () => {
    for (const area of plan.areas) {
      expect(area).not.toHaveProperty('goals');
      expect(area).not.toHaveProperty('goalsClauses');
      expect(area).not.toHaveProperty('sections');
    }
    expect(plan).not.toHaveProperty('notice');
  });

  it('keeps each measure as written, units parenthetical included', () => {
    const source = readFixture('2015-direct-measures.txt');
    for (const m of plan.measures) expect(source.replace(/\n/gu, '')).toContain(`${m.number}．${m.text}`);
    expect(plan.measures[0]?.text).toBe('完善专利审查质量评价办法，定期发布审查质量报告。（知识产权局负责）');
    expect(plan.measures[0]?.clauses).toEqual(['完善专利审查质量评价办法，', '定期发布审查质量报告。', '（知识产权局负责）']);
  });

  it('splits the units responsible into lead and participants', () => {
    expect(plan.measures[8]?.units).toEqual({
      lead: '商务部',
      participants: ['工商总局', '版权局', '知识产权局'],
      text: '（商务部、工商总局、版权局、知识产权局按职责分别负责）',
      line: 28,
    });
    expect(plan.measures[6]?.units).toMatchObject({ lead: '中央军委装备发展部', participants: ['国防科工局'] });
    expect(plan.measures[0]?.units).toMatchObject({ lead: '知识产权局', participants: [] });
  });

  it('reads a lead and those who take part', () => {
    expect(plan.measures[10]?.units).toMatchObject({
      lead: '知识产权局',
      participants: ['司法部', '工商总局'],
      text: '（知识产权局牵头，司法部、工商总局参与）',
    });
  });

  it('finds the units on the line a measure runs on to', () => {
    expect(plan.measures[9]?.line).toBe(30);
    expect(plan.measures[9]?.units).toMatchObject({ lead: '版权局', participants: ['公安部', '工业和信息化部'], line: 31 });
    expect(plan.measures[2]?.text).toBe('引导高校建立职务发明披露制度，提高科研成果专利申请的质量。（教育部、知识产权局按职责分别负责）');
    expect(plan.measures[2]?.units?.line).toBe(12);
  });

  it('gives no units to a measure that names none, or closes with a bracket of another kind', () => {
    expect(plan.measures[5]).not.toHaveProperty('units');
    expect(plan.measures[13]).not.toHaveProperty('units');
    expect(plan.measures[15]?.text).toBe('举办面向中小企业的知识产权培训（每年不少于10期）。');
    expect(plan.measures[15]).not.toHaveProperty('units');
  });
});

describe('parsePlan on a multi-year plan with sub-sections', () => {
  const plan = parseFixture('2021-2022-sections.txt');

  it('skips the issuing notice before the title', () => {
    expect(plan.title).toBe('2021—2022年度知识产权工作推进计划');
    expect(plan.preamble).toBe('为统筹推进两年间知识产权重点工作，明确任务分工，制定本计划。');
    expect(plan.notice?.split('\n')).toEqual([
      '关于印发《2021—2022年知识产权工作推进计划》的通知',
      '各成员单位，各省、自治区、直辖市有关部门：',
      '为做好今明两年知识产权各项工作，现将《2021—2022年知识产权工作推进计划》印发给你们，请结合实际认真组织实施。',
      '特此通知。',
      '知识产权工作联席会议办公室',
      '2021年9月15日',
      '（此件公开发布）',
    ]);
  });

  it('names the plan by its span of years', () => {
    expect(plan.id).toBe('2021-2022');
    expect(plan.years).toEqual([2021, 2022]);
    expect(plan.year).toBe(2021);
  });

  it('numbers measures continuously through sub-sections', () => {
    expect(plan.measures.map((m) => m.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(plan.areas[0]?.sections).toEqual([
      { number: 1, numeral: '一', title: '健全法律法规', measureNumbers: [1, 2], line: 21 },
      { number: 2, numeral: '二', title: '完善政策体系', measureNumbers: [3, 4], line: 27 },
    ]);
    expect(plan.areas[1]?.sections?.map((s) => s.measureNumbers)).toEqual([
      [5, 6],
      [7, 8, 9],
    ]);
    expect(plan.measures.slice(4, 9).map((m) => [m.area, m.section])).toEqual([
      [2, 1],
      [2, 1],
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
  });

  it('leaves sub-sections out of an area that has none', () => {
    expect(plan.areas[3]).not.toHaveProperty('sections');
    expect(plan.areas[3]?.measureNumbers).toEqual([14, 15, 16]);
    expect(plan.measures[13]).not.toHaveProperty('section');
  });

  it('reads a lead and those who assist', () => {
    expect(plan.measures[3]?.units).toMatchObject({ lead: '知识产权局', participants: ['市场监管总局'] });
  });

  it('keeps a unit whose name holds brackets of its own whole', () => {
    expect(plan.measures[8]?.units).toMatchObject({ lead: '各省（区、市）人民政府', participants: [], text: '（各省（区、市）人民政府负责）' });
  });
});

describe('parsePlan on the labelled layout with sub-sections', () => {
  it("places sub-sections under an area's 工作措施 label", () => {
    const source = [
      '2018年测试计划',
      '一、第一领域',
      '目标任务：目标一。',
      '工作措施：',
      '（一）第一部分',
      '1．措施一。',
      '（二）第二部分',
      '2．措施二。',
      '3．措施三。',
    ].join('\n');
    const plan = parsePlan(source, 'x.txt');
    expect(plan.areas[0]?.goals).toBe('目标一。');
    expect(plan.areas[0]?.sections?.map((s) => [s.title, s.measureNumbers])).toEqual([
      ['第一部分', [1]],
      ['第二部分', [2, 3]],
    ]);
  });

  it('refuses a sub-section before the 工作措施 label', () => {
    const source = ['2018年测试计划', '一、第一领域', '目标任务：目标一。', '（一）第一部分', '工作措施：', '1．措施一。'].join('\n');
    expect(() => parsePlan(source, 'x.txt')).toThrow('x.txt:4: sub-section （一） of area 一 comes before its 工作措施： label');
  });
});

describe('parsePlan on Traditional characters', () => {
  it('reads Traditional characters and half-width numbering', () => {
    const plan = parseFixture('2016-traditional-half-width.txt');
    expect(plan.id).toBe('2016');
    expect(plan.title).toBe('2016年知識產權工作推進計劃');
    expect(plan.preamble).toBe('為進一步推動知識產權事業發展,明確年度重點任務,制定本計劃。');
    expect(measureNumbersByArea(plan)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
      [10, 11],
    ]);
    expect(plan.measures[5]?.text).toBe('引導企業建立知識產權管理規範,提高管理水準。(工業和資訊化部、知識產權局按職責分別負責)');
    expect(plan.measures[5]?.clauses).toEqual(['引導企業建立知識產權管理規範,', '提高管理水準。', '(工業和資訊化部、知識產權局按職責分別負責)']);
  });

  it('splits Traditional units written with half-width brackets and commas', () => {
    const plan = parseFixture('2016-traditional-half-width.txt');
    expect(plan.measures[1]?.units).toMatchObject({ lead: '工商總局', participants: ['知識產權局'], text: '(工商總局、知識產權局按職責分別負責)' });
    expect(plan.measures[6]?.units).toMatchObject({ lead: '全國打擊侵權假冒工作領導小組辦公室', participants: ['商務部', '公安部'] });
    expect(plan.measures[8]).not.toHaveProperty('units');
  });

  it('does not read a decimal opening a running line as a measure number', () => {
    const source = readFixture('2016-traditional-half-width.txt').replace('提高管理水準。', '2.5萬家企業達標。').replace(/\n/gu, '\r\n');
    expect(parsePlan(source, 'x.txt').measures[5]?.text).toBe('引導企業建立知識產權管理規範,2.5萬家企業達標。(工業和資訊化部、知識產權局按職責分別負責)');
  });

  it('reads Traditional 目標任務 and 工作措施 labels and full-width digits, keeping the text as written', () => {
    const plan = parseFixture('2017-traditional-labelled.txt');
    expect(plan.id).toBe('2017');
    expect(plan.title).toBe('２０１７年知識產權工作推進計劃');
    expect(plan.areas.map((a) => a.goals)).toEqual(['提升專利和商標審查品質,引導創新主體注重品質。', '健全保護體系,提高維權效率。']);
    expect(plan.areas[1]?.goalsClauses).toEqual(['健全保護體系,', '提高維權效率。']);
    expect(measureNumbersByArea(plan)).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    expect(plan.measures[4]?.text).toBe('開展網路環境下版權保護專項檢查。');
  });
});

describe('parsePlan refusing what it cannot place', () => {
  it('refuses a measure out of sequence naming file and line', () => {
    expect(refusal('malformed-measure-out-of-sequence.txt')).toBe(
      'test/fixtures/plans/malformed-measure-out-of-sequence.txt:11: measure numbering gap: found 4, expected 3',
    );
  });

  it('refuses a sub-section outside any area', () => {
    expect(refusal('malformed-section-outside-area.txt')).toBe(
      'test/fixtures/plans/malformed-section-outside-area.txt:5: sub-section （一） is outside any area (no 一、… heading before it)',
    );
  });

  it('refuses an area without measures', () => {
    expect(refusal('malformed-area-without-measures.txt')).toBe('test/fixtures/plans/malformed-area-without-measures.txt:9: area 二 has no measures');
  });

  it('refuses text between an area heading and its first measure where areas run straight into measures', () => {
    expect(refusal('malformed-text-before-measures.txt')).toBe(
      'test/fixtures/plans/malformed-text-before-measures.txt:9: text in area 二 before its first measure (N．), where this plan\'s areas run straight into their measures: "本领域重点推动知识产权成果落地转化。"',
    );
  });

  it('refuses a title without a year', () => {
    expect(refusal('malformed-no-year.txt')).toBe(
      'test/fixtures/plans/malformed-no-year.txt:1: the title "知识产权工作推进计划" names no year (such as 2014年)',
    );
  });

  it('refuses a notice with no date line to close it', () => {
    expect(refusal('malformed-notice-without-date.txt')).toBe(
      'test/fixtures/plans/malformed-notice-without-date.txt:1: the issuing notice that opens the file has no date line (such as 2015年5月8日) before the plan begins',
    );
  });

  it('refuses a sub-section without measures', () => {
    expect(refusal('malformed-section-without-measures.txt')).toBe(
      'test/fixtures/plans/malformed-section-without-measures.txt:5: sub-section （一） of area 一 has no measures',
    );
  });

  it('refuses goals in one area of a plan whose areas run straight into measures', () => {
    expect(refusal('malformed-goals-in-direct-layout.txt')).toBe(
      'test/fixtures/plans/malformed-goals-in-direct-layout.txt:9: area 二 has a 目标任务 paragraph, but area 一 runs straight into its measures: a plan has one in every area or in none',
    );
  });

  it('refuses sub-sections after measures that sit in none', () => {
    expect(refusal('malformed-measures-outside-sections.txt')).toBe(
      'test/fixtures/plans/malformed-measures-outside-sections.txt:7: sub-section （一） follows measures of area 一 that sit in no sub-section',
    );
  });

  it('refuses sub-sections out of order', () => {
    const source = readFixture('2021-2022-sections.txt').replace('（二）完善政策体系', '（三）完善政策体系');
    expect(() => parsePlan(source, 'x.txt')).toThrow('x.txt:27: sub-section （三） of area 一 out of order: expected sub-section 2');
  });

  it('refuses a span of years that runs backwards', () => {
    const source = readFixture('2021-2022-sections.txt').replace('2021—2022年度知识产权', '2022—2021年度知识产权');
    expect(() => parsePlan(source, 'x.txt')).toThrow('x.txt:15: the title\'s years "2022—2021年" do not run from an earlier year to a later one');
  });

  it('refuses a file that holds only an issuing notice', () => {
    const notice = readFixture('2021-2022-sections.txt').split('\n').slice(0, 13).join('\n');
    expect(() => parsePlan(notice, 'x.txt')).toThrow("x.txt:13: nothing follows the issuing notice: expected the plan's title, then areas 一、…");
  });
});
