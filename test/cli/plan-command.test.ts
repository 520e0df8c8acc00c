import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliDeps } from '../../src/cli/run-cli.js';
import { PLAN_SEED_FILE, PROJECT_ROOT } from '../../src/core/paths.js';
import { cliDeps } from '../support/cli-deps.js';
import { fakeIo } from '../support/fake-io.js';
import { INVENTED_2015, twoPlanLibrary } from '../support/two-plan-library.js';

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/plans');

async function cli(args: string[], deps: CliDeps = cliDeps()) {
  const io = fakeIo();
  const code = await runCli(args, io, deps);
  return { code, out: io.out(), err: io.err() };
}

function writePlan(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ipplan-check-')), 'plan.txt');
  writeFileSync(file, text);
  return file;
}

describe('plan list', () => {
  it('lists the shipped plan as the current one', async () => {
    const { code, out } = await cli(['plan', 'list', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      current: '2014',
      plans: [
        {
          id: '2014',
          year: '2014',
          title: '2014年国家知识产权战略实施推进计划',
          measures: 79,
          areas: 7,
          current: true,
          file: 'seeds/2014-national-ip-strategy-plan.txt',
        },
      ],
    });
  });

  it('lists every plan in PLANS_DIR, newest first, the newest current', async () => {
    const { library, plansDir } = twoPlanLibrary();
    const { code, out } = await cli(['plan', 'list', '--json'], { ...cliDeps(), openLibrary: () => library });
    expect(code).toBe(0);
    const listed = JSON.parse(out);
    expect(listed.current).toBe('2015');
    expect(listed.plans.map((p: { id: string; measures: number; areas: number; current: boolean }) => [p.id, p.measures, p.areas, p.current])).toEqual([
      ['2015', 16, 4, true],
      ['2014', 79, 7, false],
    ]);
    expect(listed.plans[0].file).toBe(join(plansDir, '2015-plan.txt'));
  });

  it('marks the current plan in text', async () => {
    const { library } = twoPlanLibrary();
    const { out } = await cli(['plan', 'list'], { ...cliDeps(), openLibrary: () => library });
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^\* 2015\t2015年知识产权工作推进计划\t4 个领域\t16 条措施\t/u);
    expect(lines[1]).toMatch(/^ {2}2014\t/u);
  });
});

describe('plan check', () => {
  it('reports the labelled layout of the shipped plan', async () => {
    const { code, out } = await cli(['plan', 'check', PLAN_SEED_FILE, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({
      ok: true,
      id: '2014',
      layout: 'labelled',
      sections: false,
      notice: false,
      numbering: { first: 1, last: 79, gaps: [], duplicates: [] },
    });
    expect(report.areas).toHaveLength(7);
    expect(report.areas[0]).toMatchObject({ numeral: '一', measures: [1, expect.any(Number)] });
  });

  it('reports the direct layout, areas and units of a later plan', async () => {
    const { code, out } = await cli(['plan', 'check', INVENTED_2015, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ id: '2015', layout: 'direct', numbering: { first: 1, last: 16 } });
    expect(report.areas.map((a: { measures: number[] }) => a.measures)).toEqual([
      [1, 4],
      [5, 8],
      [9, 12],
      [13, 16],
    ]);
    expect(report.measuresWithUnits).toBe(13);
  });

  it('reports sub-sections', async () => {
    const { out } = await cli(['plan', 'check', join(FIXTURES, '2021-2022-sections.txt'), '--json']);
    expect(JSON.parse(out)).toMatchObject({ ok: true, id: '2021-2022', sections: true });
  });

  it('refuses a numbering gap with its line and the missing numbers, exit 1', async () => {
    const file = writePlan('2015年知识产权工作推进计划\n\n一、创造\n\n1．第一条措施。\n\n2．第二条措施。\n\n5．第五条措施。\n');
    const { code, out } = await cli(['plan', 'check', file, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      ok: false,
      file,
      error: { line: 9, reason: 'measure numbering gap: found 5, expected 3' },
      numbering: { gaps: [3, 4], duplicates: [] },
    });
  });

  it('refuses a duplicate number in text, naming the line', async () => {
    const file = writePlan('2015年知识产权工作推进计划\n一、创造\n1．第一条措施。\n2．第二条措施。\n2．又一条措施。\n');
    const { code, out } = await cli(['plan', 'check', file]);
    expect(code).toBe(1);
    expect(out).toContain(`${file} 第 5 行：duplicate measure number 2 (expected 3)`);
  });

  it('refuses the malformed fixtures, each with a line', async () => {
    const { code, out } = await cli(['plan', 'check', join(FIXTURES, 'malformed-no-year.txt'), '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out).error).toMatchObject({ line: 1, reason: expect.stringContaining('names no year') });
  });

  it('is a usage error without a file, or with one it cannot read', async () => {
    expect((await cli(['plan', 'check'])).code).toBe(2);
    expect((await cli(['plan', 'check', join(tmpdir(), 'no-such-plan.txt')])).code).toBe(2);
    expect((await cli(['plan', 'remove'])).code).toBe(2);
  });
});
