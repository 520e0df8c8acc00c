/**
 * What every state-store engine must do with the progress record, written once for all of them:
 * call {@link describeProgressStore} with a way to open the engine's state (twice opening the
 * same state, as a restart does) and the tests run against it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressChangeRow, ProgressRow } from '../../src/core/progress/progress-ledger.js';
import type { StateStore } from '../../src/store/state-store.js';

export interface StoreFactory {
  /** Opens the state; a second call opens the same state again (a restart). */
  open(): Promise<StateStore>;
  /** Removes what `open` created. */
  cleanup(): Promise<void>;
}

const row = (version: number, fields: Partial<ProgressRow> = {}): ProgressRow => ({
  measure: 42,
  status: '推进中',
  lead: ['海关总署'],
  participants: [],
  due: null,
  version,
  updatedAt: 1_764_000_000_000 + version,
  updatedBy: 'U0COORD',
  ...fields,
});

const change = (version: number, field: string, after: string | null, fields: Partial<ProgressChangeRow> = {}): ProgressChangeRow => ({
  measure: 42,
  version,
  at: 1_764_000_000_000 + version,
  date: '2026-11-24',
  author: 'U0COORD',
  field,
  before: null,
  after,
  ...fields,
});

export function describeProgressStore(engine: string, factory: () => StoreFactory): void {
  describe(`the progress record in ${engine}`, () => {
    let made: StoreFactory | undefined;
    const opened: StateStore[] = [];
    const open = async () => {
      made ??= factory();
      const store = await made.open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await made?.cleanup();
      made = undefined;
    });

    it('writes a record and its changes together, only over the version they were computed from', async () => {
      const store = await open();
      expect(
        await store.progress
          .forPlan('2014')
          .write({ row: row(1), expectedVersion: 0, changes: [change(1, 'status', '推进中'), change(1, 'lead', '海关总署')] }),
      ).toEqual({ status: 'written' });
      expect(await store.progress.forPlan('2014').get(42)).toEqual(row(1));

      const stale = await store.progress.forPlan('2014').write({ row: row(1, { status: '受阻' }), expectedVersion: 0, changes: [change(1, 'status', '受阻')] });
      expect(stale).toEqual({ status: 'stale', current: row(1) });
      expect(
        await store.progress.forPlan('2014').write({ row: row(2, { status: '受阻' }), expectedVersion: 2, changes: [change(3, 'status', '受阻')] }),
      ).toMatchObject({ status: 'stale' });

      expect(
        await store.progress
          .forPlan('2014')
          .write({ row: row(2, { status: '已完成', due: '2026-12-31' }), expectedVersion: 1, changes: [change(2, 'status', '已完成', { before: '推进中' })] }),
      ).toEqual({ status: 'written' });
      expect(await store.progress.forPlan('2014').get(42)).toEqual(row(2, { status: '已完成', due: '2026-12-31' }));
      expect((await store.progress.forPlan('2014').history(42)).map((c) => [c.version, c.field, c.before, c.after])).toEqual([
        [1, 'status', null, '推进中'],
        [1, 'lead', null, '海关总署'],
        [2, 'status', '推进中', '已完成'],
      ]);
    });

    it("answers by day, by measure and for everything, and finds each measure's latest note", async () => {
      const store = await open();
      await store.progress.forPlan('2014').write({ row: row(1), expectedVersion: 0, changes: [change(1, 'note', '第一条说明', { date: '2026-11-23' })] });
      await store.progress.forPlan('2014').write({ row: row(2), expectedVersion: 1, changes: [change(2, 'note', '第二条说明', { date: '2026-11-24' })] });
      await store.progress.forPlan('2014').write({
        row: row(1, { measure: 3, status: null, lead: [] }),
        expectedVersion: 0,
        changes: [change(1, 'lead', '国家知识产权局', { measure: 3, date: '2026-11-25' })],
      });
      expect((await store.progress.forPlan('2014').all()).map((r) => r.measure)).toEqual([3, 42]);
      expect((await store.progress.forPlan('2014').get(3))?.status).toBeNull();
      expect((await store.progress.forPlan('2014').changesBetween('2026-11-24', '2026-11-25')).map((c) => c.after)).toEqual(['第二条说明', '国家知识产权局']);
      expect((await store.progress.forPlan('2014').latestNotes()).map((c) => [c.measure, c.after])).toEqual([[42, '第二条说明']]);
      expect(await store.progress.forPlan('2014').allChanges()).toHaveLength(3);
      expect(await store.progress.forPlan('2014').get(1)).toBeUndefined();
      expect(await store.progress.forPlan('2014').history(1)).toEqual([]);
    });

    it("finds one measure's latest note, however many changes came after it", async () => {
      const store = await open();
      expect(await store.progress.forPlan('2014').latestNote(42)).toBeUndefined();
      await store.progress
        .forPlan('2014')
        .write({ row: row(1), expectedVersion: 0, changes: [change(1, 'note', '第一条说明'), change(1, 'status', '推进中')] });
      await store.progress.forPlan('2014').write({ row: row(2), expectedVersion: 1, changes: [change(2, 'note', '第二条说明', { at: 1_764_000_000_100 })] });
      for (let version = 3; version <= 12; version++)
        await store.progress.forPlan('2014').write({ row: row(version), expectedVersion: version - 1, changes: [change(version, 'lead', `单位${version}`)] });
      await store.progress
        .forPlan('2014')
        .write({ row: row(1, { measure: 3 }), expectedVersion: 0, changes: [change(1, 'note', '另一条措施的说明', { measure: 3 })] });
      expect(await store.progress.forPlan('2014').latestNote(42)).toEqual(change(2, 'note', '第二条说明', { at: 1_764_000_000_100 }));
      expect((await store.progress.forPlan('2014').latestNote(3))?.after).toBe('另一条措施的说明');
      expect(await store.progress.forPlan('2014').latestNote(7)).toBeUndefined();
    });

    it('lets one of two updates made from the same version through when they race on two connections', async () => {
      const first = await open();
      const second = await open();
      await first.progress.forPlan('2014').write({ row: row(1), expectedVersion: 0, changes: [change(1, 'status', '推进中')] });
      const results = await Promise.all([
        first.progress
          .forPlan('2014')
          .write({ row: row(2, { status: '已完成' }), expectedVersion: 1, changes: [change(2, 'status', '已完成', { before: '推进中' })] }),
        second.progress
          .forPlan('2014')
          .write({ row: row(2, { status: '受阻' }), expectedVersion: 1, changes: [change(2, 'status', '受阻', { before: '推进中' })] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['stale', 'written']);
      const winner = results[0]?.status === 'written' ? '已完成' : '受阻';
      expect((await second.progress.forPlan('2014').get(42))?.status).toBe(winner);
      expect((await first.progress.forPlan('2014').history(42)).map((c) => c.after)).toEqual(['推进中', winner]);
    });

    it('keeps the record and its history across a restart', async () => {
      const first = await open();
      await first.progress
        .forPlan('2014')
        .write({ row: row(1, { participants: ['公安部', '商务部'] }), expectedVersion: 0, changes: [change(1, 'note', '本周完成海关系统联调')] });
      await first.close();
      opened.splice(opened.indexOf(first), 1);
      const again = await open();
      expect(await again.progress.forPlan('2014').get(42)).toEqual(row(1, { participants: ['公安部', '商务部'] }));
      expect((await again.progress.forPlan('2014').history(42)).map((c) => c.after)).toEqual(['本周完成海关系统联调']);
    });
  });
}
