/**
 * The app in HTTP mode, end to end over loopback: requests signed as Slack signs them go to
 * /slack/events, the fake Web API records what the app sends back. One path through every kind
 * of request; the behaviour of each listener is pinned in listeners/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, FAKE_CHANNEL_ID, FAKE_USER_ID, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { nowSeconds, RETRY_NUM_HEADER, RETRY_REASON_HEADER, signedSender } from '../../support/signed-request.js';
import { blockAction, eventEnvelope, mentionEvent, slashCommand } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';

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

describe('HTTP mode', () => {
  it('answers a command, a mention (once, however often Slack retries it) and a click', async () => {
    const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);

    const command = await send.command(slashCommand({ command: '/measure', text: '42', response_url: api.responseUrl('measure') }));
    expect(command.status).toBe(200);
    // The answer is in the acknowledgement itself: no second call to response_url.
    const measure = JSON.parse(command.body) as Record<string, unknown>;
    expect(measure.response_type).toBe('ephemeral');
    expect(JSON.stringify(measure)).toContain('加大对海关知识产权大要案的查处力度');

    const mention = mentionEvent('商标审查周期要控制在多久？');
    const envelope = eventEnvelope(mention, 'EvHTTP1');
    expect((await send.event(envelope)).status).toBe(200);
    const post = await api.waitFor('chat.postMessage');
    expect(post.args).toMatchObject({ channel: FAKE_CHANNEL_ID, thread_ts: mention.ts });
    expect(JSON.stringify(post.args.blocks)).toContain('9个月');
    expect(post.token).toBe(TEST_BOT_TOKEN);
    for (const retry of [1, 2]) {
      const res = await send.event(envelope, { [RETRY_NUM_HEADER]: String(retry), [RETRY_REASON_HEADER]: 'http_timeout' }, nowSeconds() + retry);
      expect(res.status).toBe(200);
    }
    await app.log.waitFor((l) => l.outcome === 'duplicate' && l.retryNum === 2);

    const click = await send.click(blockAction('share_to_channel', JSON.stringify({ k: 'measure', n: 28 }), { responseUrl: api.responseUrl('share') }));
    expect(click.status).toBe(200);
    const shared = await api.waitForResponse((r) => r.id === 'share' && r.body.response_type === 'in_channel');
    expect(JSON.stringify(shared.body)).toContain(`<@${FAKE_USER_ID}> 分享`);

    await app.work.drain(5000);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(api.responses.filter((r) => r.id === 'measure')).toEqual([]);
    expect(app.log.raw()).not.toContain(TEST_SIGNING_SECRET);
    expect(app.log.raw()).not.toContain(TEST_BOT_TOKEN);
  });

  it('has no semantic search without EMBEDDINGS_URL, and logs nothing about one', () => {
    expect(app.semantic).toBeUndefined();
    expect(app.log.lines().filter((l) => l.kind === 'embeddings')).toEqual([]);
  });
});
