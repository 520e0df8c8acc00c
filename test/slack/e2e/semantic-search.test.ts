/**
 * The app in HTTP mode with EMBEDDINGS_URL set to the loopback embeddings server: start-up does
 * not wait for the model, answers are lexical until the plan's vectors are ready (and while the
 * server rests after failing), and then use the fused ranking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUIET_PERIOD_MS } from '../../../src/embeddings/embeddings-outage.js';
import { testAnswerContext } from '../../support/answer-context.js';
import { startFakeEmbeddingsServer, type FakeEmbeddingsServer } from '../../support/fake-embeddings-server.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { signedSender } from '../../support/signed-request.js';
import { eventEnvelope, messageEvent } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';
import { waitUntil } from '../../support/waiters.js';

const QUESTION = '这东西对老百姓有啥用';
const measure50 = testAnswerContext().plan.measures.find((m) => m.number === 50)?.displayText ?? '';

let api: FakeSlackApi;
let embeddings: FakeEmbeddingsServer;
let app: AppHarness;
let offsetMs = 0;

beforeAll(async () => {
  api = await startFakeSlackApi();
  embeddings = await startFakeEmbeddingsServer();
  embeddings.sameAs.set(QUESTION, measure50);
  embeddings.mode = 'hang';
  app = await startAppHarness('http', api, { embeddings: { url: embeddings.url, model: 'bge-m3' }, now: () => new Date(Date.now() + offsetMs) });
});
afterAll(async () => {
  await app.stop();
  await embeddings.close();
  await api.close();
});

describe('the semantic search in the running app', () => {
  it('starts without waiting for the model, answers by words until it is ready, then with the fused ranking', async () => {
    const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    let asked = 0;
    const ask = async (): Promise<string> => {
      asked += 1;
      const dm = messageEvent(QUESTION);
      expect((await send.event(eventEnvelope(dm))).status).toBe(200);
      const post = await api.waitFor('chat.postMessage', (c) => c.args.thread_ts === dm.ts);
      return String(post.args.text);
    };

    // Started and answering while the plan is still being embedded.
    await embeddings.waitForRequest((r) => r.input.length > 1);
    expect(app.semantic?.status().ready).toBe(false);
    expect(await ask()).toContain('没有找到');

    // The embedding fails; the server rests for a minute, then the plan is embedded again in the background.
    embeddings.mode = 'ok';
    embeddings.dropHanging();
    await waitUntil(() => app.semantic?.status().failing, 'the failure to be noted');
    offsetMs += QUIET_PERIOD_MS;
    expect(await ask()).toContain('没有找到');
    await waitUntil(() => app.semantic?.status().ready, "the plan's vectors");

    const fused = await ask();
    expect(fused).toContain('第 50 条');
    expect(asked).toBe(3);
    expect(app.log.lines().filter((l) => l.kind === 'embeddings' && l.level === 40)).toHaveLength(1);
  });
});
