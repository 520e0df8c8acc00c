/**
 * What every state-store engine must do with a backup (sqlite-store.test.ts,
 * postgres-store.test.ts): a snapshot read out of one state and restored into an empty one reads
 * out the same; a restore that fails part-way leaves nothing behind; a record newer in the store
 * than in the snapshot is overwritten only on request; help-desk rows keep their ids and later
 * rows are numbered past them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBackups, type Backups } from '../../src/app/backup/backups.js';
import { officeClock } from '../../src/app/process/office-clock.js';
import type { StateSnapshot } from '../../src/core/backup/state-snapshot.js';
import { createProgressBook } from '../../src/core/progress/progress-book.js';
import type { StateStore } from '../../src/store/state-store.js';
import { testAnswerLibrary } from '../support/answer-context.js';
import type { StoreFactory } from './progress-store-contract.js';

const AT = Date.parse('2026-11-24T02:00:00Z');
const clock = officeClock('Asia/Shanghai', () => new Date(AT + 3_600_000));
const library = testAnswerLibrary();

function backupsOf(store: StateStore): Backups {
  const book = (plan: string) =>
    createProgressBook({
      ledger: store.progress.forPlan(plan),
      measureCount: library.find(plan)?.plan.measures.length ?? 0,
      timeZone: clock.timeZone,
      now: clock.now,
    });
  return createBackups({ library, progress: store.progress, book, helpDesk: store.helpDesk, store: store.backup });
}

/** A record with history in two measures, an escalation answered by the office, a standard answer edited once, an answer channel. */
async function fill(store: StateStore): Promise<void> {
  const ledger = store.progress.forPlan('2014');
  const row = (measure: number, version: number, status: string) => ({
    measure,
    status,
    lead: ['海关总署'],
    participants: ['公安部'],
    due: '2026-12-31',
    version,
    updatedAt: AT + version,
    updatedBy: 'U0COORD',
  });
  const change = (measure: number, version: number, field: string, after: string) => ({
    measure,
    version,
    at: AT + version,
    date: '2026-11-24',
    author: 'U0COORD',
    field,
    before: null,
    after,
  });
  await ledger.write({
    row: row(42, 1, '推进中'),
    expectedVersion: 0,
    changes: [change(42, 1, 'status', '推进中'), change(42, 1, 'note', '本周完成海关系统联调')],
  });
  await ledger.write({ row: row(42, 2, '已完成'), expectedVersion: 1, changes: [change(42, 2, 'status', '已完成')] });
  await ledger.write({ row: row(3, 1, '受阻'), expectedVersion: 0, changes: [change(3, 1, 'status', '受阻')] });
  const { escalations, standardAnswers, answerChannels } = store.helpDesk;
  const first = await escalations.open({
    threadKey: 'D0DIRECT/1764000000.000100',
    askerChannel: 'D0DIRECT',
    askerThreadTs: '1764000000.000100',
    asker: 'U0USER',
    question: '专利导航实验区的工作经费由谁承担？',
    plan: '2014',
    measures: [15, 43],
    createdAt: AT,
    openedBy: 'click:1',
    coordinationChannel: 'C0COORD',
  });
  await escalations.remove(first.escalation.id); // ids are not dense: the restored one must keep its own
  const { escalation } = await escalations.open({
    threadKey: 'D0DIRECT/1764000000.000200',
    askerChannel: 'D0DIRECT',
    askerThreadTs: '1764000000.000200',
    asker: 'U0USER',
    question: '专利导航实验区的工作经费由谁承担？',
    plan: '2014',
    measures: [15],
    createdAt: AT + 10,
    openedBy: 'click:2',
    coordinationChannel: 'C0COORD',
  });
  await escalations.update(escalation.id, {
    state: 'answered',
    coordinationTs: '1764000000.000300',
    answeredAt: AT + 20,
    answeredBy: 'U0COORD',
    permalink: 'https://example.slack.com/p1',
  });
  await escalations.recordReply({ escalation: escalation.id, messageTs: '1764000000.000400', author: 'U0COORD', text: '由试点地方财政安排。', at: AT + 20 });
  await escalations.updateReply(escalation.id, '1764000000.000400', { relayTs: '1764000000.000500' });
  const { answer } = await standardAnswers.create({
    text: '由试点地方财政安排。',
    question: '专利导航实验区的工作经费由谁承担？',
    plan: '2014',
    measures: [15],
    savedBy: 'U0COORD',
    savedAt: AT + 30,
    reviewBy: '2027-05-24',
    source: `escalation:${escalation.id}:1764000000.000400`,
  });
  await standardAnswers.write(
    answer.id,
    1,
    { text: '由试点地方财政安排，国家知识产权局给予引导资金。', question: answer.question, measures: [15, 43], reviewBy: '2027-05-24', retired: false },
    'U0COORD',
    AT + 40,
  );
  await answerChannels.set({ channel: 'C0HELP', enabled: true, setBy: 'U0COORD', setAt: AT + 50 });
}

export function describeBackupStore(engine: string, factory: () => StoreFactory): void {
  describe(`backups in ${engine}`, () => {
    const made: StoreFactory[] = [];
    const opened: StateStore[] = [];
    /** A new, empty state. */
    const fresh = async () => {
      const f = factory();
      made.push(f);
      const store = await f.open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      for (const f of made.splice(0)) await f.cleanup();
    });

    it('reads out the same snapshot after restoring it into an empty state, help-desk ids kept', async () => {
      const source = await fresh();
      await fill(source);
      const exported = await backupsOf(source).snapshot();
      expect(exported.plans.map((p) => [p.plan, p.records.length, p.changes.length])).toEqual([['2014', 2, 4]]);
      expect(exported.escalations[0]?.id).toBeGreaterThan(1);

      const target = await fresh();
      const file: unknown = JSON.parse(JSON.stringify(exported));
      expect(await backupsOf(target).restore(file as StateSnapshot, { force: false })).toMatchObject({
        outcome: 'restored',
        plans: 1,
        records: 2,
        escalations: 1,
        standardAnswers: 1,
        answerChannels: 1,
      });
      expect(JSON.stringify(await backupsOf(target).snapshot())).toBe(JSON.stringify(exported));
    });

    it('numbers escalations and standard answers made after a restore past the restored ids', async () => {
      const source = await fresh();
      await fill(source);
      const exported = await backupsOf(source).snapshot();
      const target = await fresh();
      await backupsOf(target).restore(exported, { force: false });
      const restoredEscalation = exported.escalations[0]?.id ?? 0;
      const restoredAnswer = exported.standardAnswers[0]?.id ?? 0;
      const { escalation } = await target.helpDesk.escalations.open({
        threadKey: 'D0DIRECT/1764000001.000100',
        askerChannel: 'D0DIRECT',
        askerThreadTs: '1764000001.000100',
        asker: 'U0USER',
        question: '新的问题？',
        plan: '2014',
        measures: [],
        createdAt: AT + 100,
        openedBy: 'click:9',
        coordinationChannel: 'C0COORD',
      });
      expect(escalation.id).toBeGreaterThan(restoredEscalation);
      const { answer } = await target.helpDesk.standardAnswers.create({
        text: '新的答复。',
        question: '新的问题？',
        plan: '2014',
        measures: [],
        savedBy: 'U0COORD',
        savedAt: AT + 100,
        reviewBy: '2027-05-24',
        source: 'escalation:9:1',
      });
      expect(answer.id).toBeGreaterThan(restoredAnswer);
    });

    it('writes nothing when the restore fails part-way', async () => {
      const source = await fresh();
      await fill(source);
      const exported = await backupsOf(source).snapshot();
      const target = await fresh();
      const [escalation] = exported.escalations;
      if (!escalation) throw new Error('fill made no escalation');
      // The progress rows go in first; the same reply twice then breaks the escalation's insert.
      const broken = { ...exported, escalations: [{ ...escalation, replies: [...escalation.replies, ...escalation.replies] }] };
      await expect(backupsOf(target).restore(broken, { force: false })).rejects.toThrow();
      const after = await backupsOf(target).snapshot();
      expect(after).toEqual({ format: 2, plans: [], escalations: [], standardAnswers: [], answerChannels: [] });
    });

    it('refuses to overwrite a record newer in the store than in the snapshot, naming it, and overwrites it when forced', async () => {
      const source = await fresh();
      await fill(source);
      const exported = await backupsOf(source).snapshot();
      await source.progress.forPlan('2014').write({
        row: { measure: 42, status: '受阻', lead: [], participants: [], due: null, version: 3, updatedAt: AT + 3, updatedBy: 'U0OTHER' },
        expectedVersion: 2,
        changes: [{ measure: 42, version: 3, at: AT + 3, date: '2026-11-24', author: 'U0OTHER', field: 'status', before: '已完成', after: '受阻' }],
      });
      const newer = await backupsOf(source).snapshot();
      expect(await backupsOf(source).restore(exported, { force: false })).toEqual({
        outcome: 'newer-in-store',
        conflicts: [{ kind: 'progress', plan: '2014', measure: 42, stored: 3, snapshot: 2 }],
      });
      expect(await backupsOf(source).snapshot()).toEqual(newer);
      expect(await backupsOf(source).restore(exported, { force: true })).toMatchObject({ outcome: 'restored' });
      expect(JSON.stringify(await backupsOf(source).snapshot())).toBe(JSON.stringify(exported));
    });
  });
}
