/**
 * Operating the service over loopback: the HTTP front door refuses what it must without doing
 * any work, a stop finishes every acknowledged request, and Socket Mode recovers from a dropped
 * connection.
 */
import { connect, type Socket } from 'node:net';
import { resilientStore } from '../../src/store/resilient-store.js';
import { memorySqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.js';
import { commandBody, nowSeconds, postSigned, RETRY_NUM_HEADER, RETRY_REASON_HEADER, signedSender, signSlackRequest } from '../support/signed-request.js';
import { eventEnvelope, mentionEvent, messageEvent, slashCommand } from '../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../support/slack-app-harness.js';
import { startSocketModeServer } from '../support/socket-mode-server.js';
import { waitUntil } from '../support/waiters.js';

let api: FakeSlackApi | undefined;
let app: AppHarness | undefined;
afterEach(async () => {
  await app?.stop().catch(() => undefined);
  await api?.close();
  app = undefined;
  api = undefined;
});

async function httpApp(options: Parameters<typeof startAppHarness>[2] = {}): Promise<{ api: FakeSlackApi; app: AppHarness; url: string }> {
  api = await startFakeSlackApi();
  app = await startAppHarness('http', api, options);
  return { api, app, url: `${app.baseUrl}/slack/events` };
}

/** Nothing but Bolt's start-up auth.test reached Slack, and nothing is in flight. */
function didNoWork(a: FakeSlackApi, service: AppHarness): void {
  expect(service.work.size()).toBe(0);
  expect(a.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  expect(a.responses).toEqual([]);
}

describe('the HTTP front door', () => {
  it('refuses an oversized body with 413, without reading it or doing any work', async () => {
    const { api, app, url } = await httpApp();
    const body = `text=${'x'.repeat(1100 * 1024)}`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...signSlackRequest(body, TEST_SIGNING_SECRET) },
      body,
    });
    expect(res.status).toBe(413);
    await app.log.waitFor((l) => l.reason === 'body too large' && l.status === 413);
    didNoWork(api, app);
  });

  it('refuses a signed body that is not what Slack sends (JSON null, payload=null) with 400, and keeps serving', async () => {
    const { api, app, url } = await httpApp();
    const nullJson = await postSigned(url, 'null', 'application/json', { signingSecret: TEST_SIGNING_SECRET });
    const nullPayload = await postSigned(url, 'payload=null', 'application/x-www-form-urlencoded', { signingSecret: TEST_SIGNING_SECRET });
    const number = await postSigned(url, '42', 'application/json', { signingSecret: TEST_SIGNING_SECRET });
    expect([nullJson.status, nullPayload.status, number.status]).toEqual([400, 400, 400]);
    didNoWork(api, app);
    const command = await signedSender(url, TEST_SIGNING_SECRET).command(slashCommand({ command: '/measure', text: '42', response_url: api.responseUrl() }));
    expect(command.status).toBe(200);
  });

  it('tells the asker that a 40,000-character command is too long, instead of refusing it unseen', async () => {
    const { api, url } = await httpApp();
    const res = await signedSender(url, TEST_SIGNING_SECRET).command(
      slashCommand({ command: '/plan', text: '专利'.repeat(20_000), response_url: api.responseUrl('long') }),
    );
    expect(res.status).toBe(200);
    const answered = res.body.includes('输入太长') ? res.body : JSON.stringify((await api.waitForResponse((r) => r.id === 'long')).body);
    expect(answered).toContain('输入太长');
  });

  it('refuses an unsigned request, a bad signature and a stale timestamp with 401', async () => {
    const { api, app, url } = await httpApp();
    const body = commandBody(slashCommand({ command: '/measure', text: '42', response_url: api.responseUrl() }));
    const unsigned = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    const forged = await postSigned(url, body, 'application/x-www-form-urlencoded', { signingSecret: TEST_SIGNING_SECRET, signature: `v0=${'0'.repeat(64)}` });
    const stale = await postSigned(url, body, 'application/x-www-form-urlencoded', {
      signingSecret: TEST_SIGNING_SECRET,
      timestampSeconds: nowSeconds() - 6 * 60,
    });
    expect([unsigned.status, forged.status, stale.status]).toEqual([401, 401, 401]);
    await app.log.waitFor((l) => l.reason === 'stale timestamp');
    didNoWork(api, app);
  });

  it('answers a signed request once and refuses its replay with 401', async () => {
    const { api, app, url } = await httpApp();
    const body = commandBody(slashCommand({ command: '/measure', text: '42', response_url: api.responseUrl() }));
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', ...signSlackRequest(body, TEST_SIGNING_SECRET, nowSeconds()) };
    const first = await fetch(url, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('加大对海关知识产权大要案的查处力度');
    expect((await fetch(url, { method: 'POST', headers, body })).status).toBe(401);
    await app.log.waitFor((l) => l.reason === 'replayed');
    await app.work.drain(5000);
    expect(app.log.lines().filter((l) => l.kind === '/measure')).toHaveLength(1);
    expect(api.responses).toEqual([]);
  });

  it('says it is ready on GET /healthz', async () => {
    const { app } = await httpApp();
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready' });
  });

  it('answers HEAD /healthz as GET, without a body (load balancers probe with HEAD)', async () => {
    const { app } = await httpApp();
    const res = await fetch(`${app.baseUrl}/healthz`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('a graceful stop', () => {
  it('answers every acknowledged request, and takes no new ones while stopping', async () => {
    const { api, app: service, url } = await httpApp();
    let release: () => void = () => undefined;
    const slackIsSlow = new Promise<void>((resolve) => (release = resolve));
    api.respondWith('chat.postMessage', async (_args, fallback) => {
      await slackIsSlow; // answers are still in flight when the stop begins
      return fallback();
    });
    const send = signedSender(url, TEST_SIGNING_SECRET);
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => send.event(eventEnvelope(mentionEvent(`专利导航 ${i}`)))));
    expect(burst.every((r) => r.status === 200)).toBe(true);
    await waitUntil(() => api.callsTo('chat.postMessage').length === 8 && service.work.size() === 20, 'eight answers on their way, twelve waiting their turn');

    const stopping = service.stop();
    app = undefined;
    const probe = await fetch(`${service.baseUrl}/healthz`);
    expect(probe.status).toBe(503);
    expect(await probe.json()).toMatchObject({ status: 'stopping' });
    const late = await send.command(slashCommand({ command: '/measure', text: '1', response_url: api.responseUrl() })).catch(() => ({ status: 0 }));
    expect([0, 503]).toContain(late.status);
    release();
    await stopping;
    expect(api.history('C0CHAN')).toHaveLength(20);
    expect(service.log.lines().some((l) => l.msg === 'all acknowledged work answered')).toBe(true);
  });
});

describe('a stop while the state store cannot be written', () => {
  it('says how many records it could not write, instead of that all is well', async () => {
    const engine = memorySqliteStore();
    engine.activity.recordQuestion = async () => {
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    const { api, app: service, url } = await httpApp({ store: (logger) => resilientStore(engine, logger) });
    await signedSender(url, TEST_SIGNING_SECRET).event(eventEnvelope(mentionEvent('专利导航')));
    await api.waitFor('chat.postMessage');
    app = undefined;
    const stopped = await service.stop();
    // The question could not be written, and what queued behind it (writes keep their order) waits with it.
    expect(stopped.dropped).toBe(0);
    expect(stopped.unwritten).toBeGreaterThanOrEqual(1);
    const line = service.log.lines().find((l) => l.msg === `stopped with ${stopped.unwritten} record(s) the state store could not take; they are lost`);
    expect(line?.kinds).toMatchObject({ question: 1 });
  });
});

describe('a stop with clients that never finish', () => {
  it('ends within the drain deadline although fifty clients are still trickling their bodies', async () => {
    const { app: service } = await httpApp({ drainTimeoutMs: 500 });
    const { port } = new URL(service.baseUrl);
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 50; i++) {
        const socket = connect(Number(port), '127.0.0.1');
        socket.on('error', () => undefined);
        socket.write(
          `POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n${Object.entries(
            signSlackRequest('{}', TEST_SIGNING_SECRET, nowSeconds() + i),
          )
            .map(([k, v]) => `${k}: ${v}`)
            .join('\r\n')}\r\n\r\n{`,
        );
        sockets.push(socket);
      }
      const server = service.slack.server();
      await waitUntil(() => new Promise<boolean>((resolve) => server?.getConnections((_e, n) => resolve(n >= 50))), 'fifty connections open');
      app = undefined;
      expect(await service.stop()).toEqual({ dropped: 0, unwritten: 0 });
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  }, 8_000);
});

describe('a Slack that never answers', () => {
  it('gives up on the post in time, tells the asker directly, and reports the stuck calls on /healthz', async () => {
    const { api, app: service, url } = await httpApp({ slack: { slackCallTimeoutMs: 400, slackCallStuckMs: 100 } });
    let release: () => void = () => undefined;
    const never = new Promise<void>((resolve) => (release = resolve));
    api.respondWith('chat.postMessage', async (args, fallback) => {
      if (args.channel === 'C0CHAN') await never; // the channel post hangs; a DM to the asker goes through
      return fallback();
    });
    try {
      expect((await signedSender(url, TEST_SIGNING_SECRET).event(eventEnvelope(mentionEvent('专利导航')))).status).toBe(200);
      const health = await waitUntil(async () => {
        const res = await fetch(`${service.baseUrl}/healthz`);
        return res.status === 503 ? ((await res.json()) as { status: string; checks: { slack: { stuck: number } } }) : undefined;
      }, 'the stuck call on /healthz');
      expect(health).toMatchObject({ status: 'failing', checks: { slack: { state: 'failing' } } });
      expect(health.checks.slack.stuck).toBeGreaterThan(0);
      const told = await api.waitFor('chat.postMessage', (c) => c.args.channel === 'U0USER', 10_000);
      expect(String(told.args.text)).toContain('请稍后再试');
      await service.log.waitFor((l) => l.kind === 'app_mention' && l.outcome === 'post-failed');
      expect((await fetch(`${service.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      release();
    }
  });
});

describe('a stop that gives up', () => {
  it('says how many acknowledged requests it left unanswered (the process then exits non-zero)', async () => {
    const { api, app: service, url } = await httpApp({ drainTimeoutMs: 300 });
    let release: () => void = () => undefined;
    const never = new Promise<void>((resolve) => (release = resolve));
    api.respondWith('chat.postMessage', async (_args, fallback) => {
      await never;
      return fallback();
    });
    try {
      expect((await signedSender(url, TEST_SIGNING_SECRET).event(eventEnvelope(mentionEvent('专利导航')))).status).toBe(200);
      await api.waitFor('chat.postMessage');
      app = undefined;
      expect(await service.stop()).toEqual({ dropped: 1, unwritten: 0 });
    } finally {
      release();
    }
  });
});

describe('Socket Mode', () => {
  it('logs a dropped connection and reconnects, then answers again', async () => {
    const socket = await startSocketModeServer();
    api = await startFakeSlackApi({ socket });
    app = await startAppHarness('socket', api, { slack: { clientPingTimeoutMs: 600 } });
    await socket.waitForConnection();
    await socket.dropConnections();
    await waitUntil(() => socket.totalConnections >= 2, 'a second connection', 10_000);
    await socket.waitForConnection();
    const states = app.log
      .lines()
      .filter((l) => l.kind === 'socket')
      .map((l) => l.state);
    expect(states).toContain('connected');
    expect(states.some((s) => s === 'reconnecting' || s === 'disconnected')).toBe(true);

    const mention = mentionEvent('剑网行动');
    await (await socket.sendEnvelope('events_api', eventEnvelope(mention, 'EvAFTERDROP'))).ack;
    expect((await api.waitFor('chat.postMessage')).args.thread_ts).toBe(mention.ts);
  });
});

describe('a work ledger that cannot be written', () => {
  it('leaves a DM unacknowledged (503, Slack retries) instead of owing it from memory, and takes the retry once the ledger is back', async () => {
    const engine = memorySqliteStore();
    const accept = engine.work.accept.bind(engine.work);
    let diskFull = true;
    engine.work.accept = async (work) => {
      if (diskFull) throw new Error('SQLITE_FULL: database or disk is full');
      return accept(work);
    };
    const { api, app: service, url } = await httpApp({ store: (logger) => resilientStore(engine, logger) });
    const send = signedSender(url, TEST_SIGNING_SECRET);
    const envelope = eventEnvelope(messageEvent('商标审查周期要控制在多久？'));
    expect((await send.event(envelope)).status).toBe(503);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
    expect(service.log.lines().some((l) => l.outcome === 'refused' && String(l.msg).includes('the work ledger cannot be written'))).toBe(true);

    diskFull = false;
    expect((await send.event(envelope, { [RETRY_NUM_HEADER]: '1', [RETRY_REASON_HEADER]: 'http_error' }, nowSeconds() + 1)).status).toBe(200);
    await api.waitFor('chat.postMessage');
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
