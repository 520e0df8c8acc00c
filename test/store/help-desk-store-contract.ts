/**
 * What every state-store engine must do with the help desk's records, written once for all of
 * them (sqlite-store.test.ts, postgres-store.test.ts): escalations one per thread, replies once
 * each, standard answers saved once per source and edited only over the version they were read
 * at with every version kept, answer channels, all of it across a restart and from two
 * connections at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NewEscalation, NewStandardAnswer, StandardAnswerFields } from '../../src/core/help-desk/help-desk-records.js';
import type { StateStore } from '../../src/store/state-store.js';
import type { StoreFactory } from './progress-store-contract.js';

const AT = Date.parse('2026-11-24T02:00:00Z');

const escalation = (thread: string, fields: Partial<NewEscalation> = {}): NewEscalation => ({
  threadKey: `D0DIRECT/${thread}`,
  askerChannel: 'D0DIRECT',
  askerThreadTs: thread,
  asker: 'U0USER',
  question: '专利导航实验区的工作经费由谁承担？',
  plan: '2014',
  measures: [15, 43],
  createdAt: AT,
  openedBy: `click:${thread}`,
  coordinationChannel: 'C0COORD',
  ...fields,
});

const standard = (fields: Partial<NewStandardAnswer> = {}): NewStandardAnswer => ({
  text: '由试点地方财政安排，国家知识产权局给予引导资金。',
  question: '专利导航实验区的工作经费由谁承担？',
  plan: '2014',
  measures: [15],
  savedBy: 'U0COORD',
  savedAt: AT,
  reviewBy: '2027-05-24',
  source: 'escalation:1:1764000000.000200',
  ...fields,
});

export function describeHelpDeskStore(engine: string, factory: () => StoreFactory): void {
  describe(`the help desk in ${engine}`, () => {
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

    it('opens one escalation per thread, from two connections at once, and fills in its steps', async () => {
      const [a, b] = [await open(), await open()];
      const opens = await Promise.all([
        a.helpDesk.escalations.open(escalation('1764000000.000100')),
        b.helpDesk.escalations.open(escalation('1764000000.000100', { asker: 'U0OTHER', openedBy: 'click:other' })),
      ]);
      expect(opens.map((o) => o.created).sort()).toEqual([false, true]);
      const [one, two] = opens.map((o) => o.escalation);
      expect(one).toEqual(two);
      expect(one).toMatchObject({ state: 'open', measures: [15, 43], plan: '2014', coordinationTs: null, permalink: null, askerToldAt: null });

      const id = one?.id ?? 0;
      await a.helpDesk.escalations.update(id, { coordinationTs: '1764000000.000300', permalink: 'https://fake.slack.com/archives/D0DIRECT/p1764000000000100' });
      await b.helpDesk.escalations.update(id, { askerToldAt: AT + 1 });
      expect(await b.helpDesk.escalations.byCoordinationPost('C0COORD', '1764000000.000300')).toMatchObject({
        id,
        askerToldAt: AT + 1,
        permalink: expect.stringContaining('p1764000000000100'),
      });
      expect(await a.helpDesk.escalations.byCoordinationPost('C0COORD', '1764000000.999999')).toBeUndefined();
      await a.helpDesk.escalations.update(id, { state: 'answered', answeredAt: AT + 2, answeredBy: 'U0COORD' });
      expect(await b.helpDesk.escalations.get(id)).toMatchObject({ state: 'answered', answeredBy: 'U0COORD' });
      expect(await b.helpDesk.escalations.get(id + 1000)).toBeUndefined();
    });

    it('records each reply once and lists escalations oldest first; a removed one frees its thread', async () => {
      const store = await open();
      const later = (await store.helpDesk.escalations.open(escalation('1764000000.000500', { createdAt: AT + 10 }))).escalation;
      const earlier = (await store.helpDesk.escalations.open(escalation('1764000000.000400'))).escalation;
      expect((await store.helpDesk.escalations.all()).map((e) => e.id)).toEqual([earlier.id, later.id]);

      const reply = { escalation: earlier.id, messageTs: '1764000000.000600', author: 'U0COORD', text: '由试点地方财政安排。', at: AT + 5 };
      expect(await store.helpDesk.escalations.recordReply(reply)).toEqual({ created: true, reply: { ...reply, relayTs: null, offeredAt: null } });
      expect((await store.helpDesk.escalations.recordReply({ ...reply, text: '又一次' })).created).toBe(false);
      await store.helpDesk.escalations.updateReply(earlier.id, reply.messageTs, { relayTs: '1764000000.000700' });
      await store.helpDesk.escalations.updateReply(earlier.id, reply.messageTs, { offeredAt: AT + 6 });
      expect(await store.helpDesk.escalations.reply(earlier.id, reply.messageTs)).toEqual({ ...reply, relayTs: '1764000000.000700', offeredAt: AT + 6 });
      expect(await store.helpDesk.escalations.allReplies()).toHaveLength(1);

      await store.helpDesk.escalations.remove(earlier.id);
      expect(await store.helpDesk.escalations.get(earlier.id)).toBeUndefined();
      expect(await store.helpDesk.escalations.allReplies()).toEqual([]);
      expect((await store.helpDesk.escalations.open(escalation('1764000000.000400'))).created).toBe(true);
    });

    it('saves a standard answer once per source, edits it only over the version read, and keeps every version', async () => {
      const [a, b] = [await open(), await open()];
      const saved = await a.helpDesk.standardAnswers.create(standard());
      expect(saved.created).toBe(true);
      expect(saved.answer).toMatchObject({ version: 1, retired: false, measures: [15], updatedBy: 'U0COORD', reviewBy: '2027-05-24' });
      expect(await b.helpDesk.standardAnswers.create(standard({ text: '另一段' }))).toEqual({ created: false, answer: saved.answer });
      const id = saved.answer.id;

      const fields = (more: Partial<StandardAnswerFields>): StandardAnswerFields => ({
        text: saved.answer.text,
        question: saved.answer.question,
        measures: saved.answer.measures,
        reviewBy: saved.answer.reviewBy,
        retired: false,
        ...more,
      });
      const racing = await Promise.all([
        a.helpDesk.standardAnswers.write(id, 1, fields({ text: '甲的修改' }), 'U0COORD', AT + 1),
        b.helpDesk.standardAnswers.write(id, 1, fields({ text: '乙的修改' }), 'U0MEMBER', AT + 1),
      ]);
      expect(racing.map((r) => r.status).sort()).toEqual(['stale', 'written']);
      const winner = racing.find((r) => r.status === 'written');
      const written = winner?.status === 'written' ? winner.answer : undefined;
      expect(written).toMatchObject({ version: 2 });
      expect(
        await a.helpDesk.standardAnswers.write(id, 2, fields({ text: written?.text, measures: [15, 43], retired: true }), 'U0COORD', AT + 2),
      ).toMatchObject({ status: 'written', answer: { version: 3, retired: true, measures: [15, 43] } });
      expect(await a.helpDesk.standardAnswers.write(id + 1000, 1, fields({}), 'U0COORD', AT)).toEqual({ status: 'stale', current: undefined });

      const history = await b.helpDesk.standardAnswers.history(id);
      expect(history.map((v) => [v.version, v.text, v.retired])).toEqual([
        [1, '由试点地方财政安排，国家知识产权局给予引导资金。', false],
        [2, written?.text, false],
        [3, written?.text, true],
      ]);
      expect(history[0]).toMatchObject({ id, author: 'U0COORD', at: AT, measures: [15] });
      // Saved without a source: every save is its own.
      expect((await a.helpDesk.standardAnswers.create(standard({ source: null }))).created).toBe(true);
      expect((await a.helpDesk.standardAnswers.create(standard({ source: null }))).created).toBe(true);
      expect((await b.helpDesk.standardAnswers.all()).map((s) => s.id)).toHaveLength(3);
      expect(await b.helpDesk.standardAnswers.allVersions()).toHaveLength(5);
    });

    it('keeps answer channels, and everything else, across a restart', async () => {
      const first = await open();
      await first.helpDesk.answerChannels.set({ channel: 'C0HELP', enabled: true, setBy: 'U0COORD', setAt: AT });
      await first.helpDesk.answerChannels.set({ channel: 'C0QUIET', enabled: true, setBy: 'U0COORD', setAt: AT });
      await first.helpDesk.answerChannels.set({ channel: 'C0QUIET', enabled: false, setBy: 'U0MEMBER', setAt: AT + 1 });
      const { escalation: kept } = await first.helpDesk.escalations.open(escalation('1764000000.000800'));
      await first.helpDesk.standardAnswers.create(standard());
      await first.close();
      opened.splice(opened.indexOf(first), 1);
      const again = await open();
      expect(await again.helpDesk.answerChannels.all()).toEqual([
        { channel: 'C0HELP', enabled: true, setBy: 'U0COORD', setAt: AT },
        { channel: 'C0QUIET', enabled: false, setBy: 'U0MEMBER', setAt: AT + 1 },
      ]);
      expect(await again.helpDesk.answerChannels.get('C0NONE')).toBeUndefined();
      expect(await again.helpDesk.escalations.get(kept.id)).toEqual(kept);
      expect(await again.helpDesk.standardAnswers.all()).toHaveLength(1);
    });
  });
}
