/**
 * Operating the service: the HTTP front door refuses what it must without doing work, a stop
 * finishes every acknowledged request, and Socket Mode recovers from a dropped connection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { FAKE_BOT_USER_ID, FAKE_USER_ID } from '../../support/fake-slack-ids.js';
import { eventCallbackBody, nowSeconds, postSigned, signSlackRequest, slashCommandBody } from '../../support/signed-request.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';
import { startSocketModeServer } from '../../support/socket-mode-server.js';

let api: FakeSlackApi | undefined;
let app: AppHarness | undefined;
afterEach(async () => {
  await app?.stop().catch(() => undefined);
  await api?.close();
  app = undefined;
  api = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the HTTP front door', () => {
  it('refuses an oversized body with 413, without reading it or doing any work', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api);
    const body = `text=${'x'.repeat(300 * 1024)}`;
    const res = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...signSlackRequest(body, TEST_SIGNING_SECRET) }, body });
    expect(res.status).toBe(413);
    await sleep(200);
    expect(api.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0); // auth.test: Bolt's start-up check
    expect(app.log.lines().some((l) => l.reason === 'body too large' && l.status === 413)).toBe(true);
  });

  it('refuses an unsigned request with 401', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api);
    const res = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: slashCommandBody({ command: '/measure', text: '42', response_url: api.responseUrl() }) });
    expect(res.status).toBe(401);
    await sleep(200);
    expect(api.responses).toHaveLength(0);
  });

  it('answers a signed request once and refuses its replay with 401', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api);
    const body = slashCommandBody({ command: '/measure', text: '42', response_url: api.responseUrl() });
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', ...signSlackRequest(body, TEST_SIGNING_SECRET, nowSeconds()) };
    const first = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    await api.waitForResponse();
    const replay = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST', headers, body });
    expect(replay.status).toBe(401);
    await sleep(200);
    expect(api.responses).toHaveLength(1);
  });
});

describe('a graceful stop', () => {
  it('answers every acknowledged request, and takes no new ones while stopping', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api);
    api.respondWith('chat.postMessage', async (_args, _call, fallback) => {
      await sleep(400); // Slack is slow: answers are still in flight when the stop begins
      return fallback();
    });
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const ts = `1764200000.${String(i).padStart(6, '0')}`;
        const event = { type: 'app_mention', user: FAKE_USER_ID, text: `<@${FAKE_BOT_USER_ID}> 专利导航 ${i}`, ts, channel: 'C0CHAN', event_ts: ts };
        return postSigned(`${app!.baseUrl}/slack/events`, eventCallbackBody(event), 'application/json', { signingSecret: TEST_SIGNING_SECRET });
      }),
    );
    const acknowledged = burst.filter((r) => r.status === 200).length;
    expect(acknowledged).toBe(20);

    const baseUrl = app.baseUrl;
    const stopping = app.stop();
    await sleep(50);
    const late = await postSigned(`${baseUrl}/slack/events`, slashCommandBody({ command: '/measure', text: '1', response_url: api.responseUrl() }), 'application/x-www-form-urlencoded', {
      signingSecret: TEST_SIGNING_SECRET,
    }).catch(() => ({ status: 0 }));
    expect([0, 503]).toContain(late.status);
    await stopping;
    app = undefined;
    expect(api.history('C0CHAN')).toHaveLength(acknowledged);
  });
});

describe('Socket Mode', () => {
  it('logs a dropped connection and reconnects, then answers again', async () => {
    const socket = await startSocketModeServer();
    api = await startFakeSlackApi({ socket });
    app = await startAppHarness('socket', api, { slack: { clientPingTimeoutMs: 600 } });
    await socket.waitForConnection();
    await socket.dropConnections();
    const deadline = Date.now() + 10_000;
    while (socket.totalConnections < 2 && Date.now() < deadline) await sleep(50);
    expect(socket.totalConnections).toBeGreaterThanOrEqual(2);
    await socket.waitForConnection();
    const states = app.log.lines().filter((l) => l.kind === 'socket').map((l) => l.state);
    expect(states).toContain('connected');
    expect(states.some((s) => s === 'reconnecting' || s === 'disconnected')).toBe(true);

    const ts = '1764300000.000001';
    const { ack } = await socket.sendEnvelope('events_api', {
      type: 'event_callback', event_id: 'EvAFTERDROP', team_id: 'T0FAKE', api_app_id: 'A0APP',
      event: { type: 'app_mention', user: FAKE_USER_ID, text: `<@${FAKE_BOT_USER_ID}> 剑网行动`, ts, channel: 'C0CHAN', event_ts: ts },
    });
    await ack;
    expect((await api.waitFor('chat.postMessage')).args.thread_ts).toBe(ts);
  });
});
