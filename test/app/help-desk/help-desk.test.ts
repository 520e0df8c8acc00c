/**
 * The help desk's use cases with a real in-memory store and an injected clock: standard answers
 * shown first only to questions that match well, with a notice or not at all once past review,
 * coordinators' edits refused on bad input with nothing saved, every edit kept; saving from an
 * escalation checked the same way; and what the digest, Home and a backup see of it all.
 */
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../../src/app/application.js';
import type { ConversationReply } from '../../../src/app/answers/reply-to-message.js';
import type { HelpDeskSettings } from '../../../src/app/help-desk/help-desk.js';
import { officeClock } from '../../../src/app/process/office-clock.js';
import type { Coordinators } from '../../../src/app/progress/coordinators.js';
import type { NewEscalation } from '../../../src/core/help-desk/help-desk-records.js';
import { memorySqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { testAnswerLibrary } from '../../support/answer-context.js';
import { captureLogger } from '../../support/capture-logger.js';

const COORDINATOR = 'U0COORD';
const QUESTION = '专利导航实验区的工作经费由谁承担？';
const ANSWER = '经费由试点地方财政安排，国家知识产权局给予引导资金支持。';
const SETTINGS: HelpDeskSettings = { channel: 'C0COORDOFFICE', answerChannels: [], reviewMonths: 6, expired: 'notice' };

const coordinators: Coordinators = {
  contacts: { users: [COORDINATOR], groups: [] },
  canEdit: async (user) => user === COORDINATOR,
  mayWrite: async (user) => (user === COORDINATOR ? 'granted' : 'refused'),
};

function application(settings: Partial<HelpDeskSettings> = {}) {
  const store = memorySqliteStore();
  let now = new Date('2026-12-01T02:00:00Z');
  const app = createApplication({
    library: testAnswerLibrary(),
    state: store,
    coordinators,
    digest: { days: 'daily', size: 3 },
    clock: officeClock('Asia/Shanghai', () => now),
    logger: captureLogger().logger,
    helpDesk: { ...SETTINGS, ...settings },
  });
  return { app, store, setNow: (at: string) => (now = new Date(at)) };
}

const escalation = (fields: Partial<NewEscalation> = {}): NewEscalation => ({
  threadKey: 'D0DIRECT/1764000000.000100',
  askerChannel: 'D0DIRECT',
  askerThreadTs: '1764000000.000100',
  asker: 'U0USER',
  question: QUESTION,
  plan: '2014',
  measures: [15],
  createdAt: Date.parse('2026-11-28T02:00:00Z'),
  openedBy: 'click:1',
  coordinationChannel: 'C0COORDOFFICE',
  ...fields,
});

/** An escalation answered by the office, saved as standard answer #1 on 2026-12-01. */
async function withStandardAnswer(settings: Partial<HelpDeskSettings> = {}) {
  const made = application(settings);
  const { escalation: e } = await made.store.helpDesk.escalations.open(escalation());
  await made.store.helpDesk.escalations.recordReply({ escalation: e.id, messageTs: '1764000000.000300', author: COORDINATOR, text: ANSWER, at: 1 });
  const saved = await made.app.helpDesk.escalations.save(COORDINATOR, e.id, '1764000000.000300');
  expect(saved).toMatchObject({ outcome: 'saved', created: true, answer: { id: 1, reviewBy: '2027-06-01', measures: [15], plan: '2014' } });
  return made;
}

async function converse(app: ReturnType<typeof application>['app'], text: string): Promise<ConversationReply | undefined> {
  let shown: ConversationReply | undefined;
  await app.conversation.reply(
    { surface: 'dm', text, conversation: { channel: 'D0OTHER', threadTs: '1764000000.000500', direct: true } },
    async (reply) => ((shown = reply), { delivered: true }),
  );
  return shown;
}

describe('a standard answer', () => {
  it('is shown first to a question that matches it, dated, and not to one that merely shares its subject', async () => {
    const { app } = await withStandardAnswer();
    const matched = await converse(app, '专利导航实验区的经费由谁来承担？');
    expect(matched).toMatchObject({ kind: 'answer', standard: { id: 1, text: ANSWER, date: '2026-12-01', pastReview: false } });
    expect(matched).not.toHaveProperty('offerEscalation');
    const other = await converse(app, '专利导航实验区什么时候验收？');
    expect(other).toMatchObject({ kind: 'answer' });
    expect(other).not.toHaveProperty('standard');
    expect(await app.planRequests.answer('专利导航实验区的经费由谁来承担？', '/plan', { userId: 'U0USER', channel: 'C1' })).toMatchObject({
      kind: 'answer',
      standard: { id: 1 },
    });
  });

  it('past its review date is shown with a notice, or not at all (STANDARD_ANSWERS_EXPIRED=hide)', async () => {
    const noticed = await withStandardAnswer();
    noticed.setNow('2027-06-02T02:00:00Z');
    noticed.app.helpDesk.standardAnswers.reread();
    expect(await converse(noticed.app, QUESTION)).toMatchObject({ standard: { id: 1, pastReview: true } });
    const hidden = await withStandardAnswer({ expired: 'hide' });
    hidden.setNow('2027-06-02T02:00:00Z');
    hidden.app.helpDesk.standardAnswers.reread();
    const reply = await converse(hidden.app, QUESTION);
    expect(reply).not.toHaveProperty('standard');
    expect(reply).toMatchObject({ offerEscalation: true });
  });

  it('refuses an empty or 10,000-character text, or a measure the plan does not have, saving nothing; keeps every edit', async () => {
    const { app, store } = await withStandardAnswer();
    const command = (text: string, userId = COORDINATOR) => app.planRequests.answer(text, '/plan', { userId, channel: 'C1' });
    expect(await command('标准答复 改 1')).toEqual({
      kind: 'help-desk',
      reply: { type: 'invalid', message: '标准答复的内容不能为空：请写上协调办的答复，什么都没有保存。' },
    });
    expect(await command(`标准答复 改 1 ${'经'.repeat(10_000)}`)).toMatchObject({
      reply: { type: 'invalid', message: expect.stringContaining('标准答复太长了（10000 个字）') },
    });
    expect(await command('标准答复 措施 1 15、99')).toMatchObject({
      reply: { type: 'invalid', message: expect.stringContaining('没有第 99 条。什么都没有保存。') },
    });
    expect(await command('标准答复 改 1 新的答复', 'U0USER')).toMatchObject({ reply: { type: 'refused' } });
    expect((await store.helpDesk.standardAnswers.get(1))?.version).toBe(1);

    expect(await command('标准答复 改 1 经费由试点地方财政安排。')).toMatchObject({ reply: { type: 'saved', answer: { version: 2 } } });
    expect(await command('标准答复 措施 1 15、43')).toMatchObject({ reply: { type: 'saved', answer: { version: 3, measures: [15, 43] } } });
    expect(await command('标准答复 措施 1 15、43')).toMatchObject({ reply: { type: 'unchanged' } });
    expect(await command('标准答复 停用 1')).toMatchObject({ reply: { type: 'saved', answer: { retired: true } } });
    expect(await command('标准答复 1')).toMatchObject({
      reply: { type: 'detail', history: [{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4, retired: true }] },
    });
    expect(await converse(app, QUESTION)).not.toHaveProperty('standard');
    expect(await command('标准答复 9')).toMatchObject({ reply: { type: 'not-found', id: 9 } });
  });
});

describe('saving an escalation’s answer', () => {
  it('is refused for a measure the plan does not have, or an empty reply, leaving the escalation as it was', async () => {
    const { app, store } = application();
    const { escalation: e } = await store.helpDesk.escalations.open(escalation({ measures: [15, 99] }));
    await store.helpDesk.escalations.recordReply({ escalation: e.id, messageTs: '1.1', author: COORDINATOR, text: ANSWER, at: 1 });
    expect(await app.helpDesk.escalations.save(COORDINATOR, e.id, '1.1')).toMatchObject({
      outcome: 'invalid',
      message: expect.stringContaining('没有第 99 条'),
    });
    await store.helpDesk.escalations.recordReply({ escalation: e.id, messageTs: '1.2', author: COORDINATOR, text: '  ', at: 2 });
    expect(await app.helpDesk.escalations.save(COORDINATOR, e.id, '1.2')).toMatchObject({ outcome: 'invalid', message: expect.stringContaining('不能为空') });
    expect(await store.helpDesk.standardAnswers.all()).toEqual([]);
    expect((await store.helpDesk.escalations.get(e.id))?.state).toBe('open');
    expect(await app.helpDesk.escalations.save('U0USER', e.id, '1.1')).toEqual({ outcome: 'refused' });
  });

  it('saves once when the click is delivered again (a replay after a crash)', async () => {
    const { app, store } = await withStandardAnswer();
    expect(await app.helpDesk.escalations.save(COORDINATOR, 1, '1764000000.000300')).toMatchObject({ outcome: 'saved', created: false, answer: { id: 1 } });
    expect(await store.helpDesk.standardAnswers.all()).toHaveLength(1);
    expect((await store.helpDesk.escalations.get(1))?.state).toBe('closed');
  });
});

describe('what the help desk has waiting', () => {
  it('is in the digest and on a coordinator’s Home: open escalations oldest first with age, answers due for review', async () => {
    const { app, store, setNow } = await withStandardAnswer();
    await store.helpDesk.escalations.open(
      escalation({ threadKey: 'C1/2', askerThreadTs: '2', question: '地方局怎么申请专利导航实验区？', createdAt: Date.parse('2026-11-30T02:00:00Z') }),
    );
    await store.helpDesk.escalations.open(
      escalation({ threadKey: 'C1/3', askerThreadTs: '3', question: '质押融资的风险补偿资金从哪里来？', createdAt: Date.parse('2026-11-20T02:00:00Z') }),
    );
    setNow('2027-06-02T02:00:00Z');
    const digest = await app.digests.forDate('2027-06-02');
    expect(digest.helpDesk?.open.map((e) => e.question)).toEqual(['质押融资的风险补偿资金从哪里来？', '地方局怎么申请专利导航实验区？']);
    expect(digest.helpDesk?.open[0]?.ageMs).toBe(Date.parse('2027-06-02T02:00:00Z') - Date.parse('2026-11-20T02:00:00Z'));
    expect(digest.helpDesk?.dueForReview).toEqual([{ id: 1, question: QUESTION, reviewBy: '2027-06-01' }]);
    const home = await app.home.open(COORDINATOR);
    expect(home.helpDesk).toMatchObject({ board: { openCount: 2, dueCount: 1 }, answers: [{ id: 1 }] });
    expect((await app.home.open('U0USER')).helpDesk).not.toHaveProperty('answers');
  });

  it('is exported whole for a backup: escalations with replies, standard answers with history, help channels', async () => {
    const { app, store } = await withStandardAnswer();
    await store.helpDesk.answerChannels.set({ channel: 'C0HELPDESK', enabled: true, setBy: COORDINATOR, setAt: 5 });
    const exported = await app.helpDesk.export();
    expect(exported.escalations).toMatchObject([{ id: 1, state: 'closed', replies: [{ messageTs: '1764000000.000300', text: ANSWER }] }]);
    expect(exported.standardAnswers).toMatchObject([{ id: 1, text: ANSWER, history: [{ version: 1, text: ANSWER }] }]);
    expect(exported.answerChannels).toEqual([{ channel: 'C0HELPDESK', enabled: true, setBy: COORDINATOR, setAt: 5 }]);
  });
});
