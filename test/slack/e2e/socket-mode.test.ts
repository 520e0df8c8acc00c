/**
 * The app in Socket Mode against a local WebSocket server speaking the protocol: it opens the
 * connection through apps.connections.open, receives envelopes and acknowledges them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { FAKE_BOT_USER_ID, FAKE_USER_ID } from '../../support/fake-slack-ids.js';
import { startAppHarness, type AppHarness } from '../../support/slack-app-harness.js';
import { startSocketModeServer, type SocketModeServer } from '../../support/socket-mode-server.js';

let socket: SocketModeServer;
let api: FakeSlackApi;
let app: AppHarness;
let seq = 0;
const ts = () => `1764100000.${String(++seq).padStart(6, '0')}`;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

function eventEnvelope(event: object, eventId = `EvSOCK${++seq}`) {
  return { token: 't', team_id: 'T0FAKE', api_app_id: 'A0APP', event, type: 'event_callback', event_id: eventId, event_time: 1764100000, authorizations: [{ team_id: 'T0FAKE', user_id: FAKE_BOT_USER_ID, is_bot: true }] };
}

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
beforeEach(() => api.reset());

describe('Socket Mode', () => {
  it('connects through apps.connections.open with the app-level token', () => {
    expect(socket.connectionCount).toBe(1);
  });

  it('acknowledges /measure 42 and answers through response_url with the measure', async () => {
    const { ack } = await socket.sendEnvelope('slash_commands', {
      token: 't', team_id: 'T0FAKE', api_app_id: 'A0APP', command: '/measure', text: '42', user_id: FAKE_USER_ID, user_name: 'u', channel_id: 'C0CHAN', channel_name: 'c', trigger_id: '1.2', response_url: api.responseUrl(),
    });
    await ack;
    const response = await api.waitForResponse();
    expect(JSON.stringify(response.body)).toContain('加大对海关知识产权大要案的查处力度');
    await settle();
    expect(api.responses).toHaveLength(1);
  });

  it('answers an @mention in its thread', async () => {
    const at = ts();
    const { ack } = await socket.sendEnvelope('events_api', eventEnvelope({ type: 'app_mention', user: FAKE_USER_ID, text: `<@${FAKE_BOT_USER_ID}> 商标审查周期要控制在多久？`, ts: at, channel: 'C0CHAN', event_ts: at }));
    await ack;
    const post = await api.waitFor('chat.postMessage');
    expect(post.args.thread_ts).toBe(at);
    expect(JSON.stringify(post.args.blocks)).toContain('9个月');
  });

  it('answers a redelivered envelope once, even when it says retry_attempt 0', async () => {
    const at = ts();
    const envelope = eventEnvelope({ type: 'app_mention', user: FAKE_USER_ID, text: `<@${FAKE_BOT_USER_ID}> 金农工程`, ts: at, channel: 'C0CHAN', event_ts: at }, 'EvREDELIVER');
    const first = await socket.sendEnvelope('events_api', envelope, { retry_attempt: 0 });
    await first.ack;
    await api.waitFor('chat.postMessage');
    const again = await socket.sendEnvelope('events_api', envelope, { retry_attempt: 0, retry_reason: '' });
    await again.ack;
    const retried = await socket.redeliver(first.envelope_id);
    await retried.ack;
    await settle();
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('greets an assistant thread with suggested prompts, then titles, shows status and answers', async () => {
    const threadTs = ts();
    const started = await socket.sendEnvelope(
      'events_api',
      eventEnvelope({ type: 'assistant_thread_started', assistant_thread: { user_id: FAKE_USER_ID, context: {}, channel_id: 'D0DM', thread_ts: threadTs }, event_ts: ts() }),
    );
    await started.ack;
    const greeting = await api.waitFor('chat.postMessage');
    expect(greeting.args).toMatchObject({ channel: 'D0DM', thread_ts: threadTs });
    const prompts = await api.waitFor('assistant.threads.setSuggestedPrompts');
    expect(prompts.args).toMatchObject({ channel_id: 'D0DM', thread_ts: threadTs, title: '可以这样问：' });

    api.reset();
    const at = ts();
    const asked = await socket.sendEnvelope(
      'events_api',
      eventEnvelope({ type: 'message', channel_type: 'im', user: FAKE_USER_ID, text: '专利导航试点工程', ts: at, thread_ts: threadTs, channel: 'D0DM', event_ts: at }),
    );
    await asked.ack;
    const answer = await api.waitFor('chat.postMessage');
    expect(answer.args).toMatchObject({ channel: 'D0DM', thread_ts: threadTs });
    expect(JSON.stringify(answer.args.blocks)).toContain('第 15 条');
    expect(api.callsTo('assistant.threads.setTitle')[0]?.args).toMatchObject({ channel_id: 'D0DM', thread_ts: threadTs, title: '专利导航试点工程' });
    expect(api.callsTo('assistant.threads.setStatus')[0]?.args).toMatchObject({ status: '正在检索…' });
  });
});
