/**
 * The progress record in core: what coordinators type (on /progress, in the form, on the command
 * line), checked; and the book that keeps every change as an audit row over the store.
 */
import { describe, expect, it } from 'vitest';
import { readProgressCommand } from '../../../src/core/progress/read-progress-command.js';
import { readProgressInput } from '../../../src/core/progress/progress-input.js';
import { createProgressBook } from '../../../src/core/progress/progress-book.js';
import type { ProgressLedger } from '../../../src/core/progress/progress-ledger.js';
import { memorySqliteStore } from '../../../src/store/sqlite/sqlite-store.js';

const parse = (text: string) => readProgressCommand(text, 79);

describe('/progress as typed', () => {
  it('reads a status with a note, a lead unit, participants, a due date and a note alone', () => {
    expect(parse('42 推进中 本周完成海关系统联调')).toEqual({ type: 'update', measure: 42, input: { status: '推进中', note: '本周完成海关系统联调' } });
    expect(parse('第42条 牵头 海关总署、公安部')).toEqual({ type: 'update', measure: 42, input: { lead: '海关总署、公安部' } });
    expect(parse('４２ 参与单位 公安部')).toEqual({ type: 'update', measure: 42, input: { participants: '公安部' } });
    expect(parse('四十二 截止 2026-12-31')).toEqual({ type: 'update', measure: 42, input: { due: '2026-12-31' } });
    expect(parse('42 进展 已与海关总署对接\n下周联调')).toEqual({ type: 'update', measure: 42, input: { note: '已与海关总署对接\n下周联调' } });
    expect(parse('42已完成')).toEqual({ type: 'update', measure: 42, input: { status: '已完成' } });
    expect(parse('42 完成 验收通过')).toEqual({ type: 'update', measure: 42, input: { status: '已完成', note: '验收通过' } });
    expect(parse('42 受阻：等待海关总署答复')).toEqual({ type: 'update', measure: 42, input: { status: '受阻', note: '等待海关总署答复' } });
  });

  it('shows the record, the history, or usage', () => {
    expect(parse('42')).toEqual({ type: 'show', measure: 42 });
    expect(parse(' 42 历史 ')).toEqual({ type: 'history', measure: 42 });
    for (const text of ['', 'help', '帮助', '？']) expect(parse(text)).toEqual({ type: 'usage' });
  });

  it('says what is valid for an unknown measure, status or keyword', () => {
    expect(parse('99 推进中')).toEqual({ type: 'invalid', message: '计划共有 79 条措施（编号 1–79），没有第 99 条。' });
    expect(parse('海关 推进中')).toMatchObject({ type: 'invalid', message: expect.stringContaining('请先写措施编号（1–79）') });
    const status = parse('42 差不多了');
    expect(status).toMatchObject({ type: 'invalid', message: expect.stringContaining('状态只能是 未启动 / 推进中 / 已完成 / 受阻') });
    expect(status).toMatchObject({ message: expect.stringContaining('牵头、参与、截止、进展、历史') });
    expect(parse('42 牵头')).toMatchObject({ type: 'invalid', message: expect.stringContaining('要清除请写“无”') });
  });
});

describe('what a coordinator typed, checked', () => {
  it('splits units, reads dates as people write them, and clears with 无', () => {
    expect(readProgressInput({ lead: ' 海关总署，公安部、海关总署\n商务部 ', due: '2026年1月5日', participants: '无' })).toEqual({
      ok: true,
      update: { lead: ['海关总署', '公安部', '商务部'], participants: [], due: '2026-01-05' },
    });
    expect(readProgressInput({ due: '无' })).toEqual({ ok: true, update: { due: null } });
  });

  it('refuses notes over 2,000 characters, unit names over 100, more than 20 units, unknown statuses and impossible dates', () => {
    const result = readProgressInput({
      status: '差不多',
      lead: '单'.repeat(101),
      participants: Array.from({ length: 21 }, (_, i) => `单位${i}`).join('、'),
      due: '2026-02-30',
      note: '说'.repeat(2001),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      status: '“差不多”不是有效的状态：只能是 未启动 / 推进中 / 已完成 / 受阻。',
      lead: expect.stringContaining('每个单位名称不超过 100 个字'),
      participants: '参与单位最多登记 20 个，现在有 21 个。',
      due: expect.stringContaining('请写成 2026-12-31 这样的格式'),
      note: '进展说明太长了（2001 个字），请控制在 2000 个字以内。',
    });
    expect(readProgressInput({ note: '说'.repeat(2000) }).ok).toBe(true);
  });

  it('requires a status from the form, and keeps text as typed but without control characters', () => {
    expect(readProgressInput({ status: '', note: 'x' }, { requireStatus: true })).toEqual({
      ok: false,
      errors: { status: '请选择状态：未启动 / 推进中 / 已完成 / 受阻。' },
    });
    expect(readProgressInput({ note: '  第一行\u0007\n\n\n\n第二行\u200b  ' })).toEqual({ ok: true, update: { note: '第一行\n\n第二行' } });
  });
});
/** A book over an empty in-memory store, with a clock the test moves. */
function book(start = '2026-11-24T02:00:00Z') {
  let now = new Date(start);
  const store = memorySqliteStore();
  return {
    book: createProgressBook({ ledger: store.progress.forPlan('2014'), measureCount: 79, timeZone: 'Asia/Shanghai', now: () => now }),
    store,
    at: (iso: string) => void (now = new Date(iso)),
  };
}

describe('the progress book', () => {
  it('keeps every change as an audit row: who, when, field, before and after, with the note', async () => {
    const { book: b, at } = book();
    const first = await b.update({ measure: 42, author: 'U0COORD', input: { status: '推进中', note: '本周完成海关系统联调' } });
    expect(first).toMatchObject({
      outcome: 'updated',
      record: {
        measure: 42,
        status: '推进中',
        version: 1,
        updatedDate: '2026-11-24',
        updatedTime: '10:00',
        latestNote: { text: '本周完成海关系统联调', author: 'U0COORD' },
      },
    });
    at('2026-11-25T03:30:00Z');
    await b.update({ measure: 42, author: 'U0OTHER', input: { status: '受阻', lead: '海关总署' } });
    expect((await b.history(42)).map((c) => [c.version, c.date, c.time, c.author, c.field, c.before, c.after])).toEqual([
      [1, '2026-11-24', '10:00', 'U0COORD', 'status', null, '推进中'],
      [1, '2026-11-24', '10:00', 'U0COORD', 'note', null, '本周完成海关系统联调'],
      [2, '2026-11-25', '11:30', 'U0OTHER', 'status', '推进中', '受阻'],
      [2, '2026-11-25', '11:30', 'U0OTHER', 'lead', null, '海关总署'],
    ]);
    expect(await b.record(42)).toMatchObject({ status: '受阻', lead: ['海关总署'], version: 2, latestNote: { text: '本周完成海关系统联调' } });
  });

  it('refuses an edit computed from an older version, and changes nothing', async () => {
    const { book: b } = book();
    await b.update({ measure: 42, author: 'U1', input: { status: '推进中' } });
    await b.update({ measure: 42, author: 'U2', input: { status: '已完成' } });
    const stale = await b.update({ measure: 42, author: 'U1', input: { status: '受阻', note: '晚到的说明' }, expectedVersion: 1 });
    expect(stale).toMatchObject({ outcome: 'stale', current: { status: '已完成', version: 2, updatedBy: 'U2' } });
    expect((await b.history(42)).map((c) => c.version)).toEqual([1, 2]);
  });

  it('saves nothing when nothing changes, and refuses bad input and unknown measures before writing', async () => {
    const { book: b } = book();
    await b.update({ measure: 42, author: 'U1', input: { status: '推进中', lead: '海关总署' } });
    expect(await b.update({ measure: 42, author: 'U1', input: { lead: '海关总署' } })).toMatchObject({ outcome: 'unchanged', record: { version: 1 } });
    expect(await b.update({ measure: 42, author: 'U1', input: { status: '差不多' } })).toMatchObject({
      outcome: 'invalid',
      errors: { status: expect.any(String) },
    });
    expect(await b.update({ measure: 80, author: 'U1', input: { status: '推进中' } })).toEqual({
      outcome: 'unknown-measure',
      message: '计划共有 79 条措施（编号 1–79），没有第 80 条。',
    });
    expect((await b.history(42)).length).toBe(2);
    expect(await b.record(80)).toBeUndefined();
  });

  it('calls a measure overdue after its due date until it is done, and lists changes by day', async () => {
    const { book: b, at } = book('2026-11-20T02:00:00Z');
    await b.update({ measure: 42, author: 'U1', input: { status: '推进中', due: '2026-11-23' } });
    expect((await b.record(42))?.overdue).toBe(false);
    at('2026-11-24T02:00:00Z');
    expect((await b.record(42))?.overdue).toBe(true);
    await b.update({ measure: 42, author: 'U1', input: { status: '已完成' } });
    expect((await b.records()).map((r) => [r.measure, r.overdue])).toEqual([[42, false]]);
    expect((await b.changesBetween('2026-11-24', '2026-11-24')).map((c) => c.after)).toEqual(['已完成']);
  });

  it('updates and shows a measure without reading its history, so a long history costs a write nothing', async () => {
    const store = memorySqliteStore();
    const reads: string[] = [];
    const ledger: ProgressLedger = {
      ...store.progress.forPlan('2014'),
      history: async (measure) => (reads.push(`history ${measure}`), store.progress.forPlan('2014').history(measure)),
      allChanges: async () => (reads.push('allChanges'), store.progress.forPlan('2014').allChanges()),
    };
    const b = createProgressBook({ ledger, measureCount: 79, timeZone: 'Asia/Shanghai', now: () => new Date('2026-11-24T02:00:00Z') });
    await b.update({ measure: 42, author: 'U1', input: { status: '推进中', note: '第一条说明' } });
    await b.update({ measure: 42, author: 'U1', input: { lead: '海关总署' } });
    expect(await b.update({ measure: 42, author: 'U1', input: { lead: '海关总署' } })).toMatchObject({
      outcome: 'unchanged',
      record: { latestNote: { text: '第一条说明' } },
    });
    expect(await b.update({ measure: 42, author: 'U2', input: { status: '受阻' }, expectedVersion: 1 })).toMatchObject({
      outcome: 'stale',
      current: { latestNote: { text: '第一条说明' } },
    });
    expect(await b.record(42)).toMatchObject({ version: 2, lead: ['海关总署'], latestNote: { text: '第一条说明', author: 'U1' } });
    expect(reads).toEqual([]);
  });
});
