/**
 * `GET /metrics` end to end over loopback: in HTTP mode a signed slash command and a signed DM are
 * counted under their surface and outcome, served next to /healthz, unsigned, with Prometheus'
 * content type, and nothing a person typed appears in it; in Socket Mode it is served on PORT
 * beside /healthz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { signedSender } from '../../support/signed-request.js';
import { eventEnvelope, messageEvent, slashCommand } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';
import { startSocketModeServer } from '../../support/socket-mode-server.js';

const QUESTION = '商标审查周期要控制在多久？';

let api: FakeSlackApi;
let app: AppHarness;

beforeAll(async () => {
  api = await startFakeSlackApi();
  app = await startAppHarness('http', api);
});
afterAll(async () => {
  await app.stop();
  await api.close();
});

async function scrape(baseUrl = app.baseUrl): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(`${baseUrl}/metrics`);
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

describe('GET /metrics', () => {
  it('counts a command and a DM by surface and outcome, in Prometheus text, without their text', async () => {
    const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    const before = await scrape();
    expect(before.status).toBe(200);
    expect(before.text).not.toContain('ipplan_requests_total{');

    const command = await send.command(slashCommand({ command: '/measure', text: '42', response_url: api.responseUrl('measure') }));
    expect(command.status).toBe(200);
    expect((await send.event(eventEnvelope(messageEvent(QUESTION)))).status).toBe(200);
    await api.waitFor('chat.postMessage');
    await app.work.drain(5000);

    const after = await scrape();
    expect(after.status).toBe(200);
    expect(after.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(after.text).toContain('ipplan_requests_total{surface="command",outcome="answered"} 1');
    expect(after.text).toContain('ipplan_requests_total{surface="message",outcome="answered"} 1');
    expect(after.text).toContain('ipplan_request_duration_seconds_count{surface="command"} 1');
    // The DM was a question, so its confidence is counted; /measure 42 is a lookup, and is not.
    expect(after.text).toMatch(/^ipplan_answer_confidence_total\{confidence="(high|medium|low|none)"\} 1$/m);
    expect(after.text).toContain('ipplan_store_up 1');
    expect(after.text).toContain('ipplan_store_writes_waiting 0');
    expect(after.text).toContain('ipplan_work_requests{state="waiting"} 0');
    expect(after.text).toContain('# TYPE process_resident_memory_bytes gauge');
    // The post's result is read from a copy of Slack's answer, alongside the client.
    await expect.poll(async () => (await scrape()).text).toContain('ipplan_slack_api_calls_total{method="chat.postMessage",result="ok"} 1');
    for (const secret of [QUESTION, '商标', TEST_BOT_TOKEN, TEST_SIGNING_SECRET, 'D0DIRECT']) expect(after.text).not.toContain(secret);
  });

  it("counts Slack's refusal of a post by method and Slack's error code", async () => {
    const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    api.respondOnce('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    expect((await send.event(eventEnvelope(messageEvent('第42条', { channel: 'D0ERRORS' })))).status).toBe(200);
    await app.work.drain(5000);
    await expect.poll(async () => (await scrape()).text).toContain('ipplan_slack_api_errors_total{method="chat.postMessage",error="not_in_channel"} 1');
  });

  it('answers HEAD with the headers only', async () => {
    const response = await fetch(`${app.baseUrl}/metrics`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await response.text()).toBe('');
  });
});

describe('GET /metrics in Socket Mode', () => {
  it('is served on PORT beside /healthz and counts a command sent over the socket', async () => {
    const socket = await startSocketModeServer();
    const socketApi = await startFakeSlackApi({ socket });
    const socketApp = await startAppHarness('socket', socketApi, { slack: { socketHealth: true } });
    try {
      await socket.waitForConnection();
      const command = await socket.sendEnvelope('slash_commands', slashCommand({ command: '/area', text: '', response_url: socketApi.responseUrl('area') }));
      await command.ack;
      const metrics = await scrape(socketApp.baseUrl);
      expect(metrics.status).toBe(200);
      expect(metrics.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(metrics.text).toContain('ipplan_requests_total{surface="command",outcome="overview"} 1');
    } finally {
      await socketApp.stop();
      await socketApi.close();
    }
  });
});
