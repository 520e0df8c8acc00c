/**
 * The app in Socket Mode against a local WebSocket server speaking the protocol: it opens the
 * connection through apps.connections.open, receives envelopes, acknowledges and answers them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, FAKE_USER_ID, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { eventEnvelope, mentionEvent, messageEvent, nextTs, slashCommand } from '../../support/slack-payloads.js';
import { startAppHarness, type AppHarness } from '../../support/slack-app-harness.js';
import { startSocketModeServer, type SocketModeServer } from '../../support/socket-mode-server.js';

let socket: SocketModeServer;
let api: FakeSlackApi;
let app: AppHarness;

beforeAll(async () => {
  socket = await startSocketModeServer();
  api = await startFakeSlackApi({ socket });
  app = await startAppHarness('socket', api);
  await socket.waitForConnection();
});
afterAll(async () => {
  await app.stop();
  await api.close();
});

describe('Socket Mode', () => {
  it('answers a command, a mention (once, however often it is redelivered) and an assistant thread', async () => {
    expect(socket.connectionCount).toBe(1);

    const command = await socket.sendEnvelope('slash_commands', slashCommand({ command: '/measure', text: '42', response_url: api.responseUrl('measure') }));
    // The answer is the acknowledgement's payload: no second call to response_url.
    expect(JSON.stringify((await command.ack).payload)).toContain('加大对海关知识产权大要案的查处力度');

    const mention = mentionEvent('金农工程');
    const first = await socket.sendEnvelope('events_api', eventEnvelope(mention, 'EvSOCKET1'), { retry_attempt: 0 });
    await first.ack;
    expect((await api.waitFor('chat.postMessage')).args.thread_ts).toBe(mention.ts);
    await (await socket.sendEnvelope('events_api', eventEnvelope(mention, 'EvSOCKET1'), { retry_attempt: 0 })).ack;
    await (await socket.redeliver(first.envelope_id)).ack;
    await app.log.waitFor((l) => l.outcome === 'duplicate');

    const threadTs = nextTs();
    await (
      await socket.sendEnvelope(
        'events_api',
        eventEnvelope({
          type: 'assistant_thread_started',
          assistant_thread: { user_id: FAKE_USER_ID, context: {}, channel_id: 'D0DIRECT', thread_ts: threadTs },
          event_ts: nextTs(),
        }),
      )
    ).ack;
    expect((await api.waitFor('assistant.threads.setSuggestedPrompts')).args).toMatchObject({
      channel_id: 'D0DIRECT',
      thread_ts: threadTs,
      title: '可以这样问：',
    });
    await (await socket.sendEnvelope('events_api', eventEnvelope(messageEvent('专利导航试点工程', { threadTs, channel: 'D0DIRECT' })))).ack;
    const answer = await api.waitFor('chat.postMessage', (c) => c.args.thread_ts === threadTs && JSON.stringify(c.args.blocks ?? '').includes('第 15 条'));
    expect(answer.args.channel).toBe('D0DIRECT');
    expect(api.callsTo('assistant.threads.setTitle')[0]?.args).toMatchObject({ channel_id: 'D0DIRECT', thread_ts: threadTs, title: '专利导航试点工程' });

    await app.work.drain(5000);
    expect(api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === mention.ts)).toHaveLength(1);
  });
});
