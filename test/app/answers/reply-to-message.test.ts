/**
 * The conversation use case on its own: a message in, one reply delivered through whatever the
 * edge gives it, the conversation remembered only when the reply got through.
 */
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../../src/app/application.js';
import type { ConversationMessage, ConversationReply } from '../../../src/app/answers/reply-to-message.js';
import { officeClock } from '../../../src/app/process/office-clock.js';
import { NO_COORDINATORS } from '../../../src/app/progress/coordinators.js';
import { memorySqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { testAnswerLibrary } from '../../support/answer-context.js';
import { captureLogger } from '../../support/capture-logger.js';

const NOW = new Date('2026-11-25T03:00:00Z');

function application() {
  const store = memorySqliteStore();
  const app = createApplication({
    library: testAnswerLibrary(),
    state: store,
    coordinators: NO_COORDINATORS,
    digest: { days: 'workdays', size: 3 },
    clock: officeClock('Asia/Shanghai', () => NOW),
    logger: captureLogger().logger,
  });
  return { app, store };
}

const dm = (text: string, extra: Partial<ConversationMessage> = {}): ConversationMessage => ({
  surface: 'dm',
  text,
  conversation: { channel: 'D0DIRECT', threadTs: '1764000000.000100', direct: true },
  ...extra,
});

/** Delivers every reply and keeps what was delivered. */
function recorder(delivered = true) {
  const replies: ConversationReply[] = [];
  return { replies, deliver: async (reply: ConversationReply) => (replies.push(reply), { delivered }) };
}

describe('a message in a conversation', () => {
  it('is answered from the plan, once, and recorded for the digest', async () => {
    const { app, store } = application();
    const { replies, deliver } = recorder();
    const outcome = await app.conversation.reply(dm('商标审查周期要控制在多久？'), deliver);
    expect(replies).toHaveLength(1);
    expect(outcome?.shown).toMatchObject({ answerKind: 'search', measures: expect.arrayContaining([3]) });
    await new Promise((resolve) => setImmediate(resolve));
    expect((await store.activity.activityOn('2026-11-25')).questions).toEqual([
      expect.objectContaining({ question: '商标审查周期要控制在多久？', found: true }),
    ]);
  });

  it('follows up on what was shown last, because the conversation was remembered', async () => {
    const { app } = application();
    const { replies, deliver } = recorder();
    await app.conversation.reply(dm('第42条'), deliver);
    await app.conversation.reply(dm('下一条'), deliver);
    expect(replies.map((r) => (r.kind === 'answer' ? r.answer.results.map((m) => m.number) : []))).toEqual([[42], [43]]);
  });

  it('forgets nothing it did not deliver: after a failed delivery, a follow-up has nothing to follow', async () => {
    const { app } = application();
    await app.conversation.reply(dm('第42条'), recorder(false).deliver);
    const { replies, deliver } = recorder();
    await app.conversation.reply(dm('下一条'), deliver);
    expect(replies[0]?.kind === 'answer' && replies[0].answer.notice?.code).toBe('no-context');
  });

  it('answers help with the help, and a question about progress from the record', async () => {
    const { app } = application();
    const { replies, deliver } = recorder();
    await app.conversation.reply(dm('帮助'), deliver);
    await app.conversation.reply(dm('第42条进展如何'), deliver);
    expect(replies.map((r) => r.kind)).toEqual(['help', 'progress']);
  });

  it('leaves a thread the bot never answered in alone, delivering nothing', async () => {
    const { app } = application();
    const { replies, deliver } = recorder();
    const outcome = await app.conversation.reply(
      dm('专利导航', { surface: 'thread', conversation: { channel: 'C0CHAN', threadTs: '1.2', direct: false }, followUpOnly: true }),
      deliver,
    );
    expect(outcome).toBeUndefined();
    expect(replies).toEqual([]);
  });

  it('delivers a failure as a reply the edge can word, when answering throws', async () => {
    const { app } = application();
    app.progress.answerQuestion = async () => {
      throw new Error('record unreadable');
    };
    const { replies, deliver } = recorder();
    const outcome = await app.conversation.reply(dm('第42条进展如何'), deliver);
    expect(replies.map((r) => r.kind)).toEqual(['failed']);
    expect(outcome?.shown.answerKind).toBe('failed');
  });
});
