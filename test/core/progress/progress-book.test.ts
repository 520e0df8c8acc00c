import { describe, expect, it } from 'vitest';
import { createProgressBook } from '../../../src/core/progress/progress-book.js';
import { memorySqliteStore } from '../../../src/store/sqlite/sqlite-store.js';

/** A book over an empty in-memory store, with a clock the test moves. */
function book(start = '2026-11-24T02:00:00Z') {
  let now = new Date(start);
  const store = memorySqliteStore();
  return { book: createProgressBook({ ledger: store.progress, measureCount: 79, timeZone: 'Asia/Shanghai', now: () => now }), store, at: (iso: string) => void (now = new Date(iso)) };
}

describe('the progress book', () => {
  it('keeps every change as an audit row: who, when, field, before and after, with the note', async () => {
    const { book: b, at } = book();
    const first = await b.update({ measure: 42, author: 'U0COORD', input: { status: '推进中', note: '本周完成海关系统联调' } });
    expect(first).toMatchObject({ outcome: 'updated', record: { measure: 42, status: '推进中', version: 1, updatedDate: '2026-11-24', updatedTime: '10:00', latestNote: { text: '本周完成海关系统联调', author: 'U0COORD' } } });
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
    expect(await b.update({ measure: 42, author: 'U1', input: { status: '差不多' } })).toMatchObject({ outcome: 'invalid', errors: { status: expect.any(String) } });
    expect(await b.update({ measure: 80, author: 'U1', input: { status: '推进中' } })).toEqual({ outcome: 'unknown-measure', message: '计划共有 79 条措施（编号 1–79），没有第 80 条。' });
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
});
