import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../src/core/plan/load-plan.js';
import { parsePlan } from '../../../src/core/plan/parse-plan.js';
import { PlanParseError } from '../../../src/core/plan/plan-parse-error.js';
import { PLAN_SEED_FILE } from '../../../src/core/paths.js';

const plan = loadPlan();
const seed = readFileSync(PLAN_SEED_FILE, 'utf8');

function parseError(source: string): PlanParseError {
  try {
    parsePlan(source, 'seeds/test.txt');
  } catch (error) {
    if (error instanceof PlanParseError) return error;
    throw error;
  }
  throw new Error('expected a PlanParseError');
}

const MINIMAL = [
  '2014年测试计划',
  '',
  '一、第一领域',
  '目标任务：目标一。',
  '工作措施：',
  '1．措施一。',
  '2．措施二。',
  '二、第二领域',
  '目标任务：目标二。',
  '工作措施：',
  '3．措施三。',
];

describe('parsePlan on the seed', () => {
  it('reads the title and year', () => {
    expect(plan.title).toBe('2014年国家知识产权战略实施推进计划');
    expect(plan.year).toBe(2014);
  });

  it('finds 7 areas and 79 measures, numbered consecutively', () => {
    expect(plan.areas.map((a) => `${a.numeral}${a.number}`)).toEqual(['一1', '二2', '三3', '四4', '五5', '六6', '七7']);
    expect(plan.measures).toHaveLength(79);
    expect(plan.measures.map((m) => m.number)).toEqual(Array.from({ length: 79 }, (_, i) => i + 1));
  });

  it('assigns each area its measure range', () => {
    expect(plan.areas.map((a) => [a.measureNumbers[0], a.measureNumbers.at(-1)])).toEqual([
      [1, 7],
      [8, 18],
      [19, 43],
      [44, 54],
      [55, 63],
      [64, 71],
      [72, 79],
    ]);
  });

  it('keeps area titles and goals paragraphs', () => {
    expect(plan.areas[2]?.title).toBe('提高知识产权保护效果');
    expect(plan.areas[0]?.goals?.startsWith('完善知识产权考核评价体系')).toBe(true);
    expect(plan.areas[6]?.goals?.endsWith('加大战略组织实施力度。')).toBe(true);
  });

  it('separates measures that follow each other without a blank line', () => {
    // 8/9, 30/31/32, 45/46 and 49/50 share line breaks in the seed.
    expect(plan.measures[7]?.text.endsWith('发布国家战略性新兴产业专利发展报告。')).toBe(true);
    expect(plan.measures[8]?.text.startsWith('开展知识产权密集型产业基础研究')).toBe(true);
    expect(plan.measures[30]?.text).toBe('积极拓展知识产权公证业务领域，加快构建完善的知识产权预防性保护机制。');
    expect(plan.measures[31]?.text.startsWith('加强专业市场知识产权保护')).toBe(true);
    expect(plan.measures[45]?.text.startsWith('研究修订高校院所知识产权管理相关政策文件')).toBe(true);
    expect(plan.measures[49]?.text.startsWith('推进全国专利信息公共服务体系建设')).toBe(true);
  });

  it('keeps each measure exactly as written', () => {
    expect(plan.measures[2]?.text).toBe('提高商标注册工作效率，加强商标审查质量管理，确保商标审查周期控制在9个月内，异议审理周期控制在12个月内。');
    expect(plan.measures[78]?.text).toBe('完成地方知识产权战略实施阶段性总结评价工作，形成地方知识产权战略实施发展报告。');
    for (const m of plan.measures) expect(seed).toContain(`${m.number}．${m.text}`);
  });

  it('normalises the whitespace run in measure 72 for display, not in its text', () => {
    const m72 = plan.measures[71];
    expect(m72?.text).toBe('制定发布《深化实施国家知识产权战略行动计划     （2014—2020年）》。');
    expect(m72?.displayText).toBe('制定发布《深化实施国家知识产权战略行动计划（2014—2020年）》。');
  });

  it('splits clauses at ，；。 but never inside a title', () => {
    expect(plan.measures[2]?.clauses).toEqual([
      '提高商标注册工作效率，',
      '加强商标审查质量管理，',
      '确保商标审查周期控制在9个月内，',
      '异议审理周期控制在12个月内。',
    ]);
    expect(plan.measures[19]?.clauses).toHaveLength(1);
    for (const m of plan.measures) expect(m.clauses.join('')).toBe(m.displayText);
  });
});

describe('parsePlan on broken documents', () => {
  it('parses a minimal well-formed document', () => {
    const parsed = parsePlan(MINIMAL.join('\n'), 'seeds/test.txt');
    expect(parsed.measures.map((m) => m.area)).toEqual([1, 1, 2]);
  });

  it('reports an empty file', () => {
    const error = parseError('\n  \n');
    expect(error.message).toBe('seeds/test.txt:1: the file is empty: expected a title line, then areas 一、…');
  });

  it('reports a numbering gap with its line', () => {
    const source = MINIMAL.map((l) => (l === '2．措施二。' ? '4．措施二。' : l)).join('\n');
    expect(parseError(source).message).toBe('seeds/test.txt:7: measure numbering gap: found 4, expected 2');
  });

  it('reports a duplicate measure number', () => {
    const source = MINIMAL.map((l) => (l === '2．措施二。' ? '1．措施二。' : l)).join('\n');
    expect(parseError(source).message).toBe('seeds/test.txt:7: duplicate measure number 1 (expected 2)');
  });

  it('reports a measure outside any area', () => {
    const source = ['2014年测试计划', '1．游离的措施。', ...MINIMAL.slice(2)].join('\n');
    expect(parseError(source).message).toBe('seeds/test.txt:2: measure 1 is outside any area (no 一、… heading before it)');
  });

  it('reports areas out of order', () => {
    const source = MINIMAL.map((l) => (l === '二、第二领域' ? '三、第二领域' : l)).join('\n');
    expect(parseError(source).message).toBe('seeds/test.txt:8: area heading 三、 out of order: expected area 2');
  });

  it('reports an area without goals or without measures', () => {
    expect(parseError(MINIMAL.filter((l) => l !== '目标任务：目标二。').join('\n')).message).toMatch(
      /^seeds\/test\.txt:8: area 二 has no 目标任务 paragraph$/u,
    );
    expect(parseError(MINIMAL.slice(0, 10).join('\n')).message).toMatch(/^seeds\/test\.txt:\d+: area 二 has no measures under 工作措施$/u);
  });

  it('reports a title without a year', () => {
    expect(parseError(['测试计划', ...MINIMAL.slice(1)].join('\n')).message).toBe('seeds/test.txt:1: the title "测试计划" names no year (such as 2014年)');
  });

  it('joins a measure continued on the next line', () => {
    const source = MINIMAL.map((l) => (l === '1．措施一。' ? '1．措施一的前半，\n后半。' : l)).join('\n');
    expect(parsePlan(source, 'x').measures[0]?.text).toBe('措施一的前半，后半。');
  });
});
