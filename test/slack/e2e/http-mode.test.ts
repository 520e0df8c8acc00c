/**
 * The app in HTTP mode, driven end to end over loopback: requests signed as Slack signs them go to
 * /slack/events, and the fake Web API records what the app sends back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { FAKE_BOT_USER_ID, FAKE_USER_ID } from '../../support/fake-slack-ids.js';
import { eventCallbackBody, interactionBody, nowSeconds, postSigned, RETRY_NUM_HEADER, RETRY_REASON_HEADER, slashCommandBody } from '../../support/signed-request.js';
import { startAppHarness, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';

let api: FakeSlackApi;
let app: AppHarness;
let seq = 0;
const ts = () => `1764000000.${String(++seq).padStart(6, '0')}`;

beforeAll(async () => {
  api = await startFakeSlackApi();
  app = await startAppHarness('http', api);
});
afterAll(async () => {
  await app.stop();
  await api.close();
});
beforeEach(() => api.reset());

const events = () => `${app.baseUrl}/slack/events`;
const sendEvent = (event: object, extra: { event_id?: string } = {}, headers: Record<string, string> = {}) =>
  postSigned(events(), eventCallbackBody(event, extra), 'application/json', { signingSecret: TEST_SIGNING_SECRET, headers });
const sendCommand = (command: string, text: string, responseUrl = api.responseUrl()) =>
  postSigned(events(), slashCommandBody({ command, text, response_url: responseUrl }), 'application/x-www-form-urlencoded', { signingSecret: TEST_SIGNING_SECRET });
const sendAction = (actionId: string, value: string, extra: object = {}) =>
  postSigned(
    events(),
    interactionBody({
      type: 'block_actions',
      user: { id: FAKE_USER_ID, username: 'fake.user', team_id: 'T0FAKE' },
      api_app_id: 'A0APP',
      team: { id: 'T0FAKE', domain: 'fake' },
      channel: { id: 'C0CHAN', name: 'fake-channel' },
      container: { type: 'message', message_ts: ts(), channel_id: 'C0CHAN', is_ephemeral: true },
      trigger_id: '1.2.3',
      response_url: api.responseUrl(),
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: ts() }],
      ...extra,
    }),
    'application/x-www-form-urlencoded',
    { signingSecret: TEST_SIGNING_SECRET },
  );
const mention = (text: string, at = ts()) => ({ type: 'app_mention', user: FAKE_USER_ID, text: `<@${FAKE_BOT_USER_ID}> ${text}`, ts: at, channel: 'C0CHAN', event_ts: at });
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('slash commands', () => {
  it('acknowledges /measure 42 at once and answers it through response_url with the measure', async () => {
    const res = await sendCommand('/measure', '42');
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const response = await api.waitForResponse();
    expect(response.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.body)).toContain('加大对海关知识产权大要案的查处力度');
    await settle();
    expect(api.responses).toHaveLength(1);
  });

  it('shows usage, errors in Chinese, areas and the overview', async () => {
    await sendCommand('/measure', '');
    expect(String((await api.waitForResponse()).body.text)).toContain('用法');
    api.reset();
    await sendCommand('/measure', '0');
    expect((await api.waitForResponse()).body.text).toBe('计划共有 79 条措施（编号 1–79），没有第 0 条。');
    api.reset();
    await sendCommand('/area', '');
    expect(String((await api.waitForResponse()).body.text)).toContain('共 7 个领域、79 条措施');
    api.reset();
    await sendCommand('/area', '三');
    expect(JSON.stringify((await api.waitForResponse()).body)).toContain('提高知识产权保护效果');
  });

  it('answers /plan only to the asker with 发到频道, and /plan help explains the app', async () => {
    await sendCommand('/plan', '商标审查周期要控制在多久？');
    const answer = await api.waitForResponse();
    expect(answer.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.body)).toContain('9个月');
    expect(JSON.stringify(answer.body)).toContain('share_to_channel');
    api.reset();
    await sendCommand('/plan', 'help');
    expect(JSON.stringify((await api.waitForResponse()).body)).toContain('/measure 42');
    api.reset();
    await sendCommand('/plan', 'digest');
    const digest = await api.waitForResponse();
    expect(digest.body.response_type).toBe('ephemeral');
    expect(String(digest.body.text)).toMatch(/^计划简报第 \d+ 期（共 27 期）/u);
  });
});

describe('buttons', () => {
  it('posts a shared answer to the channel and removes the private copy', async () => {
    const res = await sendAction('share_to_channel', JSON.stringify({ k: 'question', q: '商标审查周期要控制在多久？' }));
    expect(res.status).toBe(200);
    const shared = await api.waitForResponse((r) => r.body.response_type === 'in_channel');
    expect(JSON.stringify(shared.body)).toContain('9个月');
    expect(JSON.stringify(shared.body)).toContain(`<@${FAKE_USER_ID}> 分享`);
    expect(JSON.stringify(shared.body)).not.toContain('share_to_channel');
    await api.waitForResponse((r) => r.body.delete_original === true);
  });

  it('steps to the next measure in place', async () => {
    await sendAction('measure_next', JSON.stringify({ n: 43 }));
    const replaced = await api.waitForResponse();
    expect(replaced.body.replace_original).toBe(true);
    expect(JSON.stringify(replaced.body)).toContain('第 43 条');
  });

  it('records feedback with its question and measures, and thanks the clicker', async () => {
    await sendAction('answer_feedback_not_helpful', JSON.stringify({ v: 'down', q: '自贸区怎么管', m: [33] }));
    expect((await api.waitForResponse()).body.text).toContain('谢谢反馈');
    const line = await app.log.waitFor((l) => l.kind === 'action.feedback');
    expect(line).toMatchObject({ outcome: 'not-helpful', question: '自贸区怎么管', measures: [33] });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(app.deps.activity.summarise(today).feedback.notHelpful).toBeGreaterThanOrEqual(1);
  });

  it('ignores a button value that is not ours', async () => {
    await sendAction('measure_next', '{"n":"<!channel>"}');
    await settle();
    expect(api.responses).toHaveLength(0);
  });
});

describe('events', () => {
  it('answers an @mention in the thread of the mention, with the factoid in the snippet', async () => {
    const at = ts();
    await sendEvent(mention('商标审查周期要控制在多久？', at));
    const post = await api.waitFor('chat.postMessage');
    expect(post.args.channel).toBe('C0CHAN');
    expect(post.args.thread_ts).toBe(at);
    expect(JSON.stringify(post.args.blocks)).toContain('9个月');
    expect(String(post.args.text)).toContain('第 3 条');
    expect(post.token).toBe(TEST_BOT_TOKEN);
  });

  it('answers a retried event once', async () => {
    const event = mention('剑网行动');
    await sendEvent(event, { event_id: 'EvRETRY1' });
    await api.waitFor('chat.postMessage');
    await sendEvent(event, { event_id: 'EvRETRY1' }, { [RETRY_NUM_HEADER]: '1', [RETRY_REASON_HEADER]: 'http_timeout' });
    await sendEvent(event, { event_id: 'EvRETRY1' }, { [RETRY_NUM_HEADER]: '2', [RETRY_REASON_HEADER]: 'http_timeout' });
    await settle();
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a mention that also arrives as a message event once', async () => {
    const at = ts();
    const text = `<@${FAKE_BOT_USER_ID}> 傍名牌`;
    await sendEvent(mention('傍名牌', at));
    await sendEvent({ type: 'message', channel_type: 'channel', user: FAKE_USER_ID, text, ts: at, channel: 'C0CHAN', event_ts: at });
    await api.waitFor('chat.postMessage');
    await settle();
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a direct message in its thread, with the searching status and Slack feedback buttons', async () => {
    const at = ts();
    await sendEvent({ type: 'message', channel_type: 'im', user: FAKE_USER_ID, text: '国防知识产权有哪些措施？', ts: at, channel: 'D0DM', event_ts: at });
    const post = await api.waitFor('chat.postMessage');
    expect(post.args).toMatchObject({ channel: 'D0DM', thread_ts: at });
    expect(JSON.stringify(post.args.blocks)).toContain('feedback_buttons');
    expect(api.callsTo('assistant.threads.setStatus')[0]?.args).toMatchObject({ channel_id: 'D0DM', thread_ts: at, status: '正在检索…' });
  });

  it('follows up in a thread it answered in, without another mention, and stays out of other threads', async () => {
    const root = ts();
    await sendEvent(mention('专利导航', root));
    await api.waitFor('chat.postMessage');
    api.reset();
    const reply = ts();
    await sendEvent({ type: 'message', channel_type: 'channel', user: FAKE_USER_ID, text: '那质押融资呢？', ts: reply, thread_ts: root, channel: 'C0CHAN', event_ts: reply });
    const post = await api.waitFor('chat.postMessage');
    expect(post.args.thread_ts).toBe(root);
    api.reset();
    const stranger = ts();
    await sendEvent({ type: 'message', channel_type: 'channel', user: FAKE_USER_ID, text: '专利导航', ts: stranger, thread_ts: '1111.2222', channel: 'C0CHAN', event_ts: stranger });
    await settle();
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('ignores bots (itself included), edits, deletions and channel chatter', async () => {
    const messages = [
      { type: 'message', channel_type: 'im', bot_id: 'B0OTHER', user: 'U0OTHERBOT', text: '专利', ts: ts(), channel: 'D0DM' },
      { type: 'message', channel_type: 'im', user: FAKE_BOT_USER_ID, text: '专利', ts: ts(), channel: 'D0DM' },
      { type: 'message', channel_type: 'im', subtype: 'message_changed', channel: 'D0DM', ts: ts(), message: { user: FAKE_USER_ID, text: '专利' } },
      { type: 'message', channel_type: 'im', subtype: 'message_deleted', channel: 'D0DM', ts: ts(), deleted_ts: '1.1' },
      { type: 'message', channel_type: 'channel', user: FAKE_USER_ID, text: '专利', ts: ts(), channel: 'C0CHAN' },
    ];
    for (const m of messages) await sendEvent(m);
    await settle();
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('falls back to plain text when Slack refuses the blocks', async () => {
    api.respondOnce('chat.postMessage', () => ({ ok: false, error: 'invalid_blocks' }));
    await sendEvent(mention('商标审查周期要控制在多久？'));
    const second = await api.waitFor('chat.postMessage', (c) => c.args.blocks === undefined);
    expect(String(second.args.text)).toContain('9个月');
    expect(app.log.lines().some((l) => l.level === 50 && String(l.msg).includes('refused the answer blocks'))).toBe(true);
  });

  it('tells the asker what to do when it cannot post in the channel', async () => {
    api.respondWith('chat.postMessage', (args, _call, fallback) => (args.channel === 'C0CHAN' ? { ok: false, error: 'not_in_channel' } : fallback()));
    await sendEvent(mention('商标审查周期'));
    const dm = await api.waitFor('chat.postMessage', (c) => c.args.channel === FAKE_USER_ID);
    expect(String(dm.args.text)).toContain('/invite');
    const failure = await app.log.waitFor((l) => l.kind === 'app_mention' && l.outcome === 'post-failed');
    expect(failure).toMatchObject({ error: 'not_in_channel' });
  });

  it('publishes the Home tab and sets suggested prompts when the Messages tab opens', async () => {
    await sendEvent({ type: 'app_home_opened', user: FAKE_USER_ID, channel: 'D0DM', tab: 'home', event_ts: ts() });
    const publish = await api.waitFor('views.publish');
    expect(publish.args.user_id).toBe(FAKE_USER_ID);
    expect(JSON.stringify(publish.args.view)).toContain('7 个领域');
    await sendEvent({ type: 'app_home_opened', user: FAKE_USER_ID, channel: 'D0DM', tab: 'messages', event_ts: ts() });
    const prompts = await api.waitFor('assistant.threads.setSuggestedPrompts');
    expect(prompts.args.channel_id).toBe('D0DM');
    expect(prompts.args.thread_ts).toBeUndefined();
    expect((prompts.args.prompts as unknown[]).length).toBeLessThanOrEqual(4);
  });
});

describe('the HTTP endpoint', () => {
  it('refuses a bad signature with 401 and does nothing', async () => {
    const res = await postSigned(events(), slashCommandBody({ command: '/measure', text: '42', response_url: api.responseUrl() }), 'application/x-www-form-urlencoded', {
      signingSecret: TEST_SIGNING_SECRET,
      signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000',
    });
    expect(res.status).toBe(401);
    await settle();
    expect(api.responses).toHaveLength(0);
  });

  it('refuses a request signed more than five minutes ago', async () => {
    const res = await postSigned(events(), slashCommandBody({ command: '/measure', text: '42', response_url: api.responseUrl() }), 'application/x-www-form-urlencoded', {
      signingSecret: TEST_SIGNING_SECRET,
      timestampSeconds: nowSeconds() - 6 * 60,
    });
    expect(res.status).toBe(401);
    await settle();
    expect(api.responses).toHaveLength(0);
  });

  it('says it is ready on GET /healthz', async () => {
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('logs one line per handled request with its kind, latency and outcome, and no secrets', async () => {
    await sendCommand('/measure', '7');
    await api.waitForResponse();
    const line = await app.log.waitFor((l) => l.kind === '/measure' && l.outcome === 'answered' && JSON.stringify(l.measures) === '[7]');
    expect(line).toMatchObject({ kind: '/measure', outcome: 'answered', measures: [7] });
    expect(typeof line?.ms).toBe('number');
    expect(app.log.raw()).not.toContain(TEST_SIGNING_SECRET);
    expect(app.log.raw()).not.toContain(TEST_BOT_TOKEN);
  });
});
