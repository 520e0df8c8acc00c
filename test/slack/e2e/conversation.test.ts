/**
 * A conversation in a channel thread, end to end over HTTP on loopback: a question, then every
 * follow-up form, with the app restarted on the same DATA_DIR in the middle. The thread is
 * remembered in the state store, so after the restart a reply needs no @mention and 下一条 still
 * knows where it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, FAKE_CHANNEL_ID, type FakeSlackApi, type RecordedCall } from '../../support/fake-slack-api.js';
import { signedSender } from '../../support/signed-request.js';
import { eventEnvelope, mentionEvent, messageEvent } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-conversation-'));
let api: FakeSlackApi | undefined;
let app: AppHarness | undefined;
afterAll(async () => {
  await app?.stop();
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a conversation in a thread', () => {
  it('follows up with 下一条, 上一条, 全文, 那第N条呢 and 还有吗, also after a restart', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api, { dataDir });
    const root = mentionEvent('第42条');
    const thread = root.ts as string;
    let answered = 0;
    const ask = async (text: string): Promise<RecordedCall> => {
      if (!app || !api) throw new Error('not started');
      const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
      await send.event(eventEnvelope(text === root.text ? root : messageEvent(text, { channelType: 'channel', threadTs: thread })));
      answered += 1;
      const calls = await api.waitFor('chat.postMessage', () => api!.callsTo('chat.postMessage').length >= answered);
      expect(calls.args.thread_ts).toBe(thread);
      return api.callsTo('chat.postMessage').at(-1) ?? calls;
    };
    const said = (call: RecordedCall): string => `${String(call.args.text)}${JSON.stringify(call.args.blocks ?? [])}`;

    expect(said(await ask(root.text as string))).toContain('第 42 条');
    expect(said(await ask('下一条'))).toContain('第 43 条');
    expect(said(await ask('上一条'))).toContain('第 42 条');

    await app.stop();
    app = await startAppHarness('http', api, { dataDir });

    expect(said(await ask('下一条'))).toContain('第 43 条');
    expect(said(await ask('全文'))).toContain('加快修订《国防专利条例》');
    expect(said(await ask('那第15条呢'))).toContain('第 15 条');
    const cited = (text: string): number[] => (/来源：《[^》]+》第 ([\d、]+) 条/u.exec(text)?.[1] ?? '').split('、').filter(Boolean).map(Number);
    const first = cited(said(await ask('国防知识产权有哪些措施')));
    const more = cited(said(await ask('还有吗')));
    expect(first).toHaveLength(5);
    expect(more.length).toBeGreaterThan(0);
    expect(more.some((n) => first.includes(n))).toBe(false);
    expect(api.callsTo('chat.postMessage').every((c) => c.args.channel === FAKE_CHANNEL_ID)).toBe(true);
  });
});
