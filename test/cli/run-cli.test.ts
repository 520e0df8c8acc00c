import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/core/answer/answer-schema.js';
import { runCli } from '../../src/cli/run-cli.js';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { cliDeps } from '../support/cli-deps.js';
import { fakeIo } from '../support/fake-io.js';
import { tsEntryArgs } from '../support/local-process.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const deps = cliDeps();

async function cli(args: string[], input = '') {
  const io = fakeIo(input);
  const code = await runCli(args, io, deps);
  return { code, out: io.out(), err: io.err() };
}

describe('ask', () => {
  it('prints the answer as one JSON object', async () => {
    const { code, out, err } = await cli(['ask', '商标审查周期要控制在多久？', '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const answer = AnswerSchema.parse(JSON.parse(out));
    expect(answer.query).toBe('商标审查周期要控制在多久？');
    expect(answer.kind).toBe('search');
    expect(answer.results[0]).toMatchObject({ number: 3, area: { number: 1, title: '提高知识产权创造质量' } });
    expect(answer.results[0]?.snippet).toContain('9个月');
    expect(Object.keys(answer.results[0]!)).toEqual(expect.arrayContaining(['number', 'area', 'text', 'snippet', 'score']));
  });

  it('prints text citing the measures it came from', async () => {
    const { out } = await cli(['ask', '商标审查周期要控制在多久？']);
    expect(out).toContain('第 3 条');
    expect(out).toContain('来源：《2014年国家知识产权战略实施推进计划》第 3 条');
  });

  it('honours --limit', async () => {
    const { out } = await cli(['ask', '知识产权', '--json', '--limit', '2']);
    expect(JSON.parse(out).results).toHaveLength(2);
    expect((await cli(['ask', '知识产权', '--limit', '0'])).code).toBe(2);
  });

  it('answers a batch, one JSON line a question, in order, with errors in place', async () => {
    const input = ['第42条', '', '商标审查周期', 'x'.repeat(10_000), '今天天气怎么样'].join('\n');
    const { code, out } = await cli(['ask', '--batch', '--json'], input);
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].results[0].number).toBe(42);
    expect(lines[1].error.code).toBe('empty');
    expect(lines[2].results[0].number).toBe(3);
    expect(lines[3].error.code).toBe('too-long');
    expect(lines[4].kind).toBe('none');
  });
});

describe('measure, area and list', () => {
  it('shows a measure by number in any notation', async () => {
    for (const arg of ['42', '４２', '四十二', '第42条']) {
      const { code, out } = await cli(['measure', arg, '--json']);
      expect(code).toBe(0);
      expect(JSON.parse(out).results.map((r: { number: number }) => r.number)).toEqual([42]);
    }
  });

  it('lists a range', async () => {
    const { out } = await cli(['measure', '15-17', '--json']);
    expect(JSON.parse(out).results.map((r: { number: number }) => r.number)).toEqual([15, 16, 17]);
  });

  it('searches by keyword, and a keyword that matches nothing is not an error', async () => {
    expect(JSON.parse((await cli(['measure', '剑网行动', '--json'])).out).results[0].number).toBe(28);
    const nothing = await cli(['measure', '区块链']);
    expect(nothing.code).toBe(0);
    expect(nothing.out).toContain('计划中没有找到与“区块链”直接相关的内容');
  });

  it('shows an area by number, numeral or keyword, and all areas without one', async () => {
    for (const arg of ['3', '三', '保护']) expect(JSON.parse((await cli(['area', arg, '--json'])).out).area.number).toBe(3);
    const all = await cli(['area']);
    expect(all.out.trimEnd().split('\n')).toHaveLength(8);
    expect(all.out).toContain('三、提高知识产权保护效果（第 19–43 条，共 25 条）');
  });

  it('lists the whole plan as JSON', async () => {
    const plan = JSON.parse((await cli(['list', '--json'])).out);
    expect(Object.keys(plan)).toEqual(['title', 'year', 'areas', 'measures']);
    expect(plan.areas[0]).toEqual({ number: 1, numeral: '一', title: '提高知识产权创造质量', goals: expect.any(String) });
    expect(plan.measures).toHaveLength(79);
    expect(plan.measures[71].text).toContain('行动计划     （2014—2020年）');
  });
});

describe('digest', () => {
  it("previews a date's digest, and the next posting day continues where it left off", async () => {
    const first = JSON.parse((await cli(['digest', '--date', '2026-11-25', '--json'])).out);
    const next = JSON.parse((await cli(['digest', '--date', '2026-11-26', '--json'])).out);
    const numbers = (d: { areas: Array<{ measures: Array<{ number: number }> }> }) => d.areas.flatMap((a) => a.measures.map((m) => m.number));
    expect(first.issue.total).toBe(27);
    expect(numbers(first).length).toBeGreaterThan(0);
    expect(next.issue.number).toBe((first.issue.number % 27) + 1);
    expect(numbers(next)[0]).toBe((numbers(first).at(-1)! % 79) + 1);
  });

  it('prints it as text, and refuses a date that is not one', async () => {
    expect((await cli(['digest', '--date', '2026-11-25'])).out).toContain('计划简报 · 第');
    const bad = await cli(['digest', '--date', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('--date 应为 YYYY-MM-DD 格式的日期，收到“2026-02-30”。\n');
  });
});

describe('progress', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  /** The CLI against its own DATA_DIR. */
  function withState() {
    const dir = mkdtempSync(join(tmpdir(), 'ipplan-cli-progress-'));
    dirs.push(dir);
    return async (args: string[]) => {
      const io = fakeIo();
      const code = await runCli(args, io, cliDeps({ DATA_DIR: dir }));
      return { code, out: io.out(), err: io.err() };
    };
  }

  it('sets a record as /progress does, shows it with its history, and exports it as JSON and CSV', async () => {
    const run = withState();
    expect((await run(['progress', 'set', '42', '推进中', '本周完成海关系统联调', '--by', '王协调'])).out).toContain('已登记（第 1 版）');
    expect((await run(['progress', 'set', '42', '牵头', '海关总署、公安部'])).code).toBe(0);
    const shown = await run(['progress', 'show', '42']);
    expect(shown.out).toContain('第 42 条 · 推进中（第 2 版');
    expect(shown.out).toContain('牵头单位：海关总署、公安部');
    expect(shown.out).toMatch(/王协调 {2}第 1 版 {2}进展：本周完成海关系统联调/u);
    const json = JSON.parse((await run(['progress', 'show', '42', '--json'])).out);
    expect(json.record).toMatchObject({ status: '推进中', lead: ['海关总署', '公安部'], version: 2, updatedBy: 'cli' });
    expect(json.history).toHaveLength(3);
    const exported = JSON.parse((await run(['progress', 'export', '--json'])).out);
    expect(exported.format).toBe(2);
    expect(exported.plans).toHaveLength(1);
    expect(exported.plans[0].plan).toBe('2014');
    expect(exported.plans[0].records).toHaveLength(1);
    expect(exported.plans[0].changes.map((c: { field: string }) => c.field)).toEqual(['status', 'note', 'lead']);
    expect(exported).toMatchObject({ escalations: [], standardAnswers: [], answerChannels: [] });
    const csv = (await run(['progress', 'export', '--csv'])).out.trimEnd().split('\r\n');
    expect(csv[0]).toBe(
      'measure,status,lead,participants,due,overdue,version,updated_date,updated_time,updated_by,latest_note_date,latest_note_author,latest_note',
    );
    expect(csv[1]).toMatch(/^42,推进中,海关总署、公安部,,,false,2,\d{4}-\d{2}-\d{2},\d{2}:\d{2},cli,\d{4}-\d{2}-\d{2},王协调,本周完成海关系统联调$/u);
  });

  it('exports the help desk with the record, for a backup: escalations with replies, standard answers with every version, help channels', async () => {
    const run = withState();
    await run(['progress', 'set', '15', '推进中']);
    const dir = dirs.at(-1) ?? '';
    const store = openSqliteStore(dir);
    const { escalation } = await store.helpDesk.escalations.open({
      threadKey: 'D1/1.1',
      askerChannel: 'D1',
      askerThreadTs: '1.1',
      asker: 'U0USER',
      question: '专利导航实验区的工作经费由谁承担？',
      plan: '2014',
      measures: [15],
      createdAt: 1,
      openedBy: 'click:1',
      coordinationChannel: 'C0COORDOFFICE',
    });
    await store.helpDesk.escalations.recordReply({ escalation: escalation.id, messageTs: '2.2', author: 'U0COORD', text: '由地方财政安排。', at: 2 });
    await store.helpDesk.standardAnswers.create({
      text: '由地方财政安排。',
      question: escalation.question,
      plan: '2014',
      measures: [15],
      savedBy: 'U0COORD',
      savedAt: 3,
      reviewBy: '2027-06-01',
      source: 'escalation:1:2.2',
    });
    await store.helpDesk.answerChannels.set({ channel: 'C0HELPDESK', enabled: true, setBy: 'U0COORD', setAt: 4 });
    await store.close();
    const exported = JSON.parse((await run(['progress', 'export', '--json'])).out);
    expect(exported.plans[0].records).toHaveLength(1);
    expect(exported.escalations).toMatchObject([{ id: 1, state: 'open', replies: [{ messageTs: '2.2', text: '由地方财政安排。' }] }]);
    expect(exported.standardAnswers).toMatchObject([{ id: 1, source: 'escalation:1:2.2', history: [{ version: 1 }] }]);
    expect(exported.answerChannels).toEqual([{ channel: 'C0HELPDESK', enabled: true, setBy: 'U0COORD', setAt: 4 }]);
  });

  /** The JSON export of `run`'s state, written to a file in its DATA_DIR. */
  async function exportTo(run: ReturnType<typeof withState>, name: string): Promise<{ file: string; text: string }> {
    const { out } = await run(['progress', 'export', '--json']);
    const file = join(dirs.at(-1) ?? '', name);
    writeFileSync(file, out);
    return { file, text: out };
  }

  it('imports an export into an empty DATA_DIR, whose export is then the same', async () => {
    const source = withState();
    await source(['progress', 'set', '42', '推进中', '本周完成海关系统联调', '--by', '王协调']);
    await source(['progress', 'set', '42', '牵头', '海关总署、公安部']);
    const store = openSqliteStore(dirs.at(-1) ?? '');
    await store.helpDesk.answerChannels.set({ channel: 'C0HELPDESK', enabled: true, setBy: 'U0COORD', setAt: 4 });
    await store.close();
    const { file, text } = await exportTo(source, 'backup.json');

    const target = withState();
    const imported = await target(['progress', 'import', file]);
    expect(imported).toEqual({ code: 0, out: '已导入：1 个计划的 1 条推进记录（含历史），0 条问协调办记录，0 条标准答复，1 个答复频道。\n', err: '' });
    expect((await target(['progress', 'export', '--json'])).out).toBe(text);
  });

  it('refuses a bad file with one line and exit 2, changing nothing', async () => {
    const run = withState();
    await run(['progress', 'set', '42', '推进中']);
    const { file, text } = await exportTo(run, 'backup.json');
    const bad = (name: string, content: string) => {
      const path = join(dirs.at(-1) ?? '', name);
      writeFileSync(path, content);
      return path;
    };
    const exported = JSON.parse(text);
    const cases: Array<[string, RegExp]> = [
      [bad('not-json.json', '{'), /不是 JSON/u],
      [bad('format-1.json', JSON.stringify({ ...exported, format: 1 })), /格式是 1，这个版本只能导入格式 2/u],
      [
        bad('bad-record.json', JSON.stringify({ ...exported, plans: [{ ...exported.plans[0], records: [{ ...exported.plans[0].records[0], version: 0 }] }] })),
        /plans\.0\.records\.0\.version 不对/u,
      ],
      [
        bad('other-plan.json', JSON.stringify({ ...exported, plans: [{ ...exported.plans[0], plan: '1999' }] })),
        /计划 1999 的记录，但计划库（PLANS_DIR）里没有这个计划/u,
      ],
      [
        bad(
          'past-the-end.json',
          JSON.stringify({ ...exported, plans: [{ ...exported.plans[0], records: [{ ...exported.plans[0].records[0], measure: 80 }] }] }),
        ),
        /计划 2014 共有 79 条措施，文件里有第 80 条/u,
      ],
      [join(dirs.at(-1) ?? '', 'missing.json'), /读不到文件/u],
    ];
    for (const [path, message] of cases) {
      const { code, out, err } = await run(['progress', 'import', path]);
      expect({ code, out }).toEqual({ code: 2, out: '' });
      expect(err).toMatch(message);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
    }
    expect((await run(['progress', 'export', '--json'])).out).toBe(text);
    expect((await run(['progress', 'import', file])).code).toBe(0);
  });

  it("refuses to overwrite a record newer than the file's, naming the plan and measure, and overwrites it with --force", async () => {
    const run = withState();
    await run(['progress', 'set', '42', '推进中']);
    const { file, text } = await exportTo(run, 'backup.json');
    await run(['progress', 'set', '42', '已完成']);
    const newer = (await run(['progress', 'export', '--json'])).out;
    const refused = await run(['progress', 'import', file]);
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: 'progress import：现有记录比文件新：计划 2014 第 42 条措施（已登记第 2 版，文件是第 1 版），什么都没有导入；要用文件覆盖请加 --force。\n',
    });
    expect((await run(['progress', 'export', '--json'])).out).toBe(newer);
    expect((await run(['progress', 'import', file, '--force'])).code).toBe(0);
    expect((await run(['progress', 'export', '--json'])).out).toBe(text);
  });

  it('keeps a cell a spreadsheet would read as a formula as text, and refuses bad input with exit 2', async () => {
    const run = withState();
    await run(['progress', 'set', '3', '进展', '=HYPERLINK("x")']);
    expect((await run(['progress', 'show', '3', '--csv'])).out).toContain(`"'=HYPERLINK(""x"")"`);
    const bad = await run(['progress', 'set', '42', '快好了']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('状态只能是 未启动 / 推进中 / 已完成 / 受阻');
    expect((await run(['progress', 'set', '80', '推进中'])).err).toBe('计划共有 79 条措施（编号 1–79），没有第 80 条。\n');
    expect((await run(['progress', 'show', '--json', '--csv'])).code).toBe(2);
    expect(JSON.parse((await run(['progress', 'show', '--json'])).out)).toEqual({ records: [expect.objectContaining({ measure: 3 })] });
  });
});

describe('bad input', () => {
  it.each([
    [['measure', '0'], '计划共有 79 条措施（编号 1–79），没有第 0 条。'],
    [['measure', '999'], '计划共有 79 条措施（编号 1–79），没有第 999 条。'],
    [['measure', '75-90'], '范围 75–90 超出了措施编号 1–79。'],
    [['measure', '-1'], '“-1”不是有效的措施编号：请输入 1–79 之间的整数，或关键词。'],
    [['measure', '1e9'], '“1e9”不是有效的措施编号：请输入 1–79 之间的整数，或关键词。'],
    [['measure', ''], '请输入要查询的内容，例如：商标审查周期要控制在多久？'],
    [['ask', ''], '请输入要查询的内容，例如：商标审查周期要控制在多久？'],
    [['ask', '   '], '请输入要查询的内容，例如：商标审查周期要控制在多久？'],
    [['ask', '专利\u0007申请'], '输入包含控制字符，请只输入文字。'],
    [['area', '9'], '“9”不是有效的领域：计划共有 7 个领域（1–7 或 一…七），也可以输入关键词。'],
  ])('%j → one line on stderr, exit 2', async (args, message) => {
    const { code, out, err } = await cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`${message}\n`);
  });

  it('refuses a 10,000-character question', async () => {
    const { code, err } = await cli(['ask', '专'.repeat(10_000)]);
    expect(code).toBe(2);
    expect(err).toBe('输入太长了（10000 个字符），请控制在 500 个字符以内。\n');
  });

  it('prints its help in Chinese with English beside it, on --help, -h and help, and to standard error without a command', async () => {
    for (const asked of [['--help'], ['-h'], ['help']]) {
      const { code, out, err } = await cli(asked);
      expect(code, asked.join(' ')).toBe(0);
      expect(err).toBe('');
      expect(out).toContain('用法 Usage:');
    }
    const { out } = await cli(['help']);
    for (const command of [
      'ask',
      'measure',
      'area',
      'list',
      'plan list',
      'plan check',
      'progress show',
      'progress set',
      'progress export',
      'progress import',
      'digest',
      'eval',
      'build-index',
      'console',
    ]) {
      const at = out.split('\n').findIndex((line) => line.startsWith(`  ${command} `) || line === `  ${command}`);
      expect(at, command).toBeGreaterThan(0);
      const [zh, en] = out.split('\n').slice(at + 1, at + 3);
      expect(zh, command).toMatch(/\p{Script=Han}/u);
      expect(en, command).toMatch(/^ {6}[A-Z][\x20-\x7e…一-龥]+$/u);
    }
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toBe('');
    expect(bare.err).toContain('Usage:');
  });

  it('refuses unknown commands and options with usage', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['ask', 'x', '--bogus'])).code).toBe(2);
  });
});

describe('the real process', () => {
  const run = promisify(execFile);

  it('exits 2 with one line and no stack trace on bad input', async () => {
    const error = (await run(process.execPath, [...tsEntryArgs('cli'), 'measure', '0'], { cwd: PROJECT_ROOT }).catch((e: unknown) => e)) as {
      code: number;
      stderr: string;
      stdout: string;
    };
    expect(error.code).toBe(2);
    expect(error.stderr).toBe('计划共有 79 条措施（编号 1–79），没有第 0 条。\n');
    expect(error.stdout).toBe('');
  });
});
