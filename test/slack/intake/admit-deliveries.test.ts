/**
 * The front door for work, over loopback in both transports: each delivery answered once, work
 * past the cap refused in a way Slack retries or the user sees, and an event recorded in the
 * work ledger from before its acknowledgement until its answer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUSY_TEXT } from '../../../src/slack/intake/admit-deliveries.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { nowSeconds, RETRY_NUM_HEADER, signedSender } from '../../support/signed-request.js';
import { eventEnvelope, messageEvent, slashCommand } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';
import { startSocketModeServer } from '../../support/socket-mode-server.js';

let api: FakeSlackApi | undefined;
let app: AppHarness | undefined;
afterEach(async () => {
  await app?.stop();
  await api?.close();
  app = undefined;
  api = undefined;
});

const OVERLOADED = { waiting: 500, running: 8, oldestWaitMs: 2000, loopLagMs: 0, overloaded: true };

describe('over HTTP', () => {
  it('answers a retried event once', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api);
    const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    const envelope = eventEnvelope(messageEvent('专利导航'), 'EvONCE1');
    for (const retry of [0, 1, 2])
      expect((await send.event(envelope, retry ? { [RETRY_NUM_HEADER]: String(retry) } : {}, nowSeconds() + retry)).status).toBe(200);
    await app.log.waitFor((l) => l.outcome === 'duplicate' && l.retryNum === 2);
    await app.work.drain(5000);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('records an event that owes an answer before acknowledging it, and forgets it once answered', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api);
    const accepted: string[] = [];
    const service = app;
    const accept = vi.spyOn(service.store.work, 'accept').mockImplementation(async (work) => {
      accepted.push(work.key);
      return true;
    });
    const finish = vi.spyOn(service.store.work, 'finish');
    const res = await signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET).event(eventEnvelope(messageEvent('剑网行动'), 'EvLEDGER1'));
    expect(res.status).toBe(200);
    expect(accepted).toEqual(['event:EvLEDGER1']); // recorded before the 200 went out
    await api.waitFor('chat.postMessage');
    await app.work.drain(5000);
    await vi.waitFor(() => expect(finish).toHaveBeenCalledWith('event:EvLEDGER1'));
    accept.mockRestore();
  });

  it('past the cap, refuses an event with 503 (Slack retries it) and tells a command to try later', async () => {
    api = await startFakeSlackApi();
    app = await startAppHarness('http', api);
    vi.spyOn(app.work, 'pressure').mockReturnValue(OVERLOADED);
    const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    const event = await send.event(eventEnvelope(messageEvent('专利导航'), 'EvBUSY1'));
    expect(event.status).toBe(503);
    const command = await send.command(slashCommand({ command: '/plan', text: '专利导航' }));
    expect(command.status).toBe(200);
    expect(JSON.parse(command.body)).toEqual({ response_type: 'ephemeral', text: BUSY_TEXT });
    vi.mocked(app.work.pressure).mockRestore();
    // The refused event was not claimed: Slack's retry is answered.
    expect((await send.event(eventEnvelope(messageEvent('专利导航'), 'EvBUSY1'), { [RETRY_NUM_HEADER]: '1' }, nowSeconds() + 1)).status).toBe(200);
    await api.waitFor('chat.postMessage');
  });
});

describe('over Socket Mode', () => {
  it('answers slash envelopes with the same trigger_id once, and leaves an event it will not answer unacknowledged', async () => {
    const socket = await startSocketModeServer();
    api = await startFakeSlackApi({ socket });
    app = await startAppHarness('socket', api);
    await socket.waitForConnection();
    const command = slashCommand({ command: '/measure', text: '42' });
    const first = await (await socket.sendEnvelope('slash_commands', command)).ack;
    const again = await (await socket.sendEnvelope('slash_commands', command)).ack;
    expect(JSON.stringify(first.payload)).toContain('加大对海关知识产权大要案的查处力度');
    expect(again.payload ?? {}).toEqual({});
    expect(app.log.lines().filter((l) => l.kind === '/measure' && l.outcome === 'answered')).toHaveLength(1);

    vi.spyOn(app.work, 'pressure').mockReturnValue(OVERLOADED);
    const refused = await socket.sendEnvelope('events_api', eventEnvelope(messageEvent('专利导航'), 'EvSOCKBUSY'), { ackTimeoutMs: 300 });
    await expect(refused.ack).rejects.toThrow(/No ack/u);
    expect(api.callsTo('chat.postMessage')).toEqual([]);
  });
});
