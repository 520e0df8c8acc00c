/**
 * Pins the fake Slack helpers against the real clients (@slack/web-api WebClient, @slack/socket-mode
 * SocketModeClient), so tests built on the fakes exercise the same wire formats as production.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Logger, LogLevel, SocketModeClient } from '@slack/socket-mode';
import { ErrorCode, WebClient, WebClientEvent, type WebAPICallError } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { FAKE_CHANNEL_ID, FAKE_TEAM_ID } from './fake-slack-ids.js';
import {
  RETRY_NUM_HEADER,
  RETRY_REASON_HEADER,
  eventCallbackBody,
  interactionBody,
  postSigned,
  signSlackRequest,
  slashCommandBody,
} from './signed-request.js';
import { type SocketModeServer, startSocketModeServer } from './socket-mode-server.js';

const BOT_TOKEN = 'xoxb-fake-bot-token';
const APP_TOKEN = 'xapp-1-A0APP-fake-app-token';
/** SocketModeClient waits clientPingTimeout × failures before reconnecting; keep it short but well above a tick. */
const CLIENT_PING_TIMEOUT_MS = 600;
const RECONNECT_WAIT_MS = 10_000;
const SHORT_WAIT_MS = 50;

/** Slack's worked example from "Verifying requests from Slack". */
const DOCS_EXAMPLE = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
    '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
    '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
    '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeApi(socket?: SocketModeServer): Promise<FakeSlackApi> {
  const api = await startFakeSlackApi(socket === undefined ? {} : { socket });
  cleanups.push(() => api.close());
  return api;
}

function webClient(api: FakeSlackApi, extra: ConstructorParameters<typeof WebClient>[1] = {}): WebClient {
  return new WebClient(BOT_TOKEN, { slackApiUrl: api.url, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 }, ...extra });
}

async function caught(promise: Promise<unknown>): Promise<WebAPICallError> {
  try {
    await promise;
  } catch (error) {
    return error as WebAPICallError;
  }
  throw new Error('expected the call to be rejected');
}

/** Collects the client's log lines instead of printing them. */
class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  #level = LogLevel.DEBUG;
  debug(...msg: unknown[]): void {
    this.lines.push(`debug ${msg.join(' ')}`);
  }
  info(...msg: unknown[]): void {
    this.lines.push(`info ${msg.join(' ')}`);
  }
  warn(...msg: unknown[]): void {
    this.lines.push(`warn ${msg.join(' ')}`);
  }
  error(...msg: unknown[]): void {
    this.lines.push(`error ${msg.join(' ')}`);
  }
  setLevel(level: LogLevel): void {
    this.#level = level;
  }
  getLevel(): LogLevel {
    return this.#level;
  }
  setName(): void {}
}

describe('fake Slack Web API with @slack/web-api WebClient', () => {
  it('records chat.postMessage with parsed blocks and metadata, and serves it back from history', async () => {
    const api = await fakeApi();
    const client = webClient(api);
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*任务* 1.2' } }];
    const metadata = { event_type: 'ipplan_answer', event_payload: { task: '1.2' } };

    const posted = await client.chat.postMessage({ channel: FAKE_CHANNEL_ID, text: 'fallback', blocks, metadata });

    const call = await api.waitFor('chat.postMessage');
    expect(call.token).toBe(BOT_TOKEN);
    expect(call.args).toMatchObject({ channel: FAKE_CHANNEL_ID, text: 'fallback', blocks, metadata });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(posted.message).toMatchObject({ text: 'fallback', ts: posted.ts, blocks, metadata });

    const withoutMetadata = await client.conversations.history({ channel: FAKE_CHANNEL_ID });
    expect(withoutMetadata.messages?.[0]).not.toHaveProperty('metadata');
    const withMetadata = await client.conversations.history({ channel: FAKE_CHANNEL_ID, include_all_metadata: true });
    expect(withMetadata.messages?.[0]).toMatchObject({ ts: posted.ts, metadata });
  });

  it('lists history newest first, honouring limit and oldest, without plain thread replies', async () => {
    const api = await fakeApi();
    const client = webClient(api);
    const first = await client.chat.postMessage({ channel: FAKE_CHANNEL_ID, text: 'one' });
    await client.chat.postMessage({ channel: FAKE_CHANNEL_ID, text: 'two' });
    await client.chat.postMessage({ channel: FAKE_CHANNEL_ID, text: 'reply', thread_ts: first.ts });
    await client.chat.postMessage({ channel: FAKE_CHANNEL_ID, text: 'three' });

    const history = await client.conversations.history({ channel: FAKE_CHANNEL_ID, limit: 2 });
    expect(history.messages?.map((message) => message.text)).toEqual(['three', 'two']);
    const newer = await client.conversations.history({ channel: FAKE_CHANNEL_ID, oldest: first.ts });
    expect(newer.messages?.map((message) => message.text)).toEqual(['three', 'two']);
    const thread = await client.conversations.replies({ channel: FAKE_CHANNEL_ID, ts: first.ts ?? '' });
    expect(thread.messages?.map((message) => message.text)).toEqual(['one', 'reply']);
  });

  it('surfaces a scripted ok:false as WebAPIPlatformError with data.error', async () => {
    const api = await fakeApi();
    api.respondWith('chat.postMessage', () => ({ ok: false, error: 'invalid_blocks' }));

    const error = await caught(webClient(api).chat.postMessage({ channel: FAKE_CHANNEL_ID, text: 'x', blocks: [] }));

    expect(error.code).toBe(ErrorCode.PlatformError);
    expect(error.code === ErrorCode.PlatformError && error.data.error).toBe('invalid_blocks');
  });

  it('answers a scripted 429 + Retry-After so that WebClient reports rate limiting', async () => {
    const api = await fakeApi();
    api.respondWith('chat.postMessage', () => ({
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { ok: false, error: 'ratelimited' },
    }));

    const error = await caught(
      webClient(api, { rejectRateLimitedCalls: true }).chat.postMessage({ channel: FAKE_CHANNEL_ID, text: 'x' }),
    );

    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.code === ErrorCode.RateLimitedError && error.retryAfter).toBe(1);
  });

  it('lets a rate-limited call succeed on retry when the 429 was scripted once', async () => {
    const api = await fakeApi();
    api.respondOnce('chat.postMessage', () => ({ status: 429, headers: { 'Retry-After': '0' }, body: { ok: false } }));
    const client = webClient(api, { retryConfig: { retries: 1, factor: 1, minTimeout: 0, maxTimeout: 0 } });
    const rateLimited: number[] = [];
    client.on(WebClientEvent.RATE_LIMITED, (retryAfterSeconds: number) => rateLimited.push(retryAfterSeconds));

    const posted = await client.chat.postMessage({ channel: FAKE_CHANNEL_ID, text: 'x' });

    expect(posted.ok).toBe(true);
    expect(rateLimited).toEqual([0]);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('waitFor sees earlier and later calls, and times out listing what was recorded', async () => {
    const api = await fakeApi();
    const client = webClient(api);
    await client.auth.test();
    await expect(api.waitFor('auth.test')).resolves.toMatchObject({ method: 'auth.test' });

    const later = api.waitFor('users.info', (call) => call.args.user === 'U0LATER');
    await client.users.info({ user: 'U0LATER' });
    await expect(later).resolves.toMatchObject({ args: { user: 'U0LATER' } });

    await expect(api.waitFor('views.publish', undefined, SHORT_WAIT_MS)).rejects.toThrow(
      /views\.publish.*\[auth\.test, users\.info\]/,
    );
  });

  it('accepts JSON bodies and answers apps.connections.open with not_configured without a socket server', async () => {
    const api = await fakeApi();
    const response = await fetch(`${api.url}assistant.threads.setSuggestedPrompts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ channel_id: 'D0DM', thread_ts: '1.2', prompts: [{ title: 't', message: 'm' }] }),
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(api.calls[0]).toMatchObject({ token: BOT_TOKEN, args: { prompts: [{ title: 't', message: 'm' }] } });

    const error = await caught(webClient(api).apps.connections.open({}));
    expect(error.code === ErrorCode.PlatformError && error.data.error).toBe('not_configured');
  });

  it('records response_url POSTs', async () => {
    const api = await fakeApi();
    const responseUrl = api.responseUrl('cmd-1');
    const waiting = api.waitForResponse((entry) => entry.id === 'cmd-1');

    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: '查询中…' }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    await expect(waiting).resolves.toMatchObject({ id: 'cmd-1', body: { response_type: 'ephemeral', text: '查询中…' } });
    expect(api.responses).toHaveLength(1);
  });
});

describe('signed requests', () => {
  it('reproduces the signature of the Slack docs example', () => {
    const headers = signSlackRequest(DOCS_EXAMPLE.body, DOCS_EXAMPLE.signingSecret, DOCS_EXAMPLE.timestamp);
    expect(headers).toEqual({
      'X-Slack-Signature': DOCS_EXAMPLE.signature,
      'X-Slack-Request-Timestamp': String(DOCS_EXAMPLE.timestamp),
    });
  });

  it('builds slash command, event and interaction bodies as Slack sends them', () => {
    const command = new URLSearchParams(slashCommandBody({ command: '/ipplan', text: '1.2 进展' }));
    expect(command.get('command')).toBe('/ipplan');
    expect(command.get('text')).toBe('1.2 进展');
    expect(command.get('team_id')).toBe(FAKE_TEAM_ID);
    expect(command.get('trigger_id')).toMatch(/^\d+\.\d+\.[0-9a-f]{32}$/);

    const event: unknown = JSON.parse(eventCallbackBody({ type: 'app_mention', text: 'hi' }, { event_id: 'Ev1' }));
    expect(event).toMatchObject({ type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention' } });

    const payload = new URLSearchParams(interactionBody({ type: 'block_actions', actions: [] })).get('payload');
    expect(JSON.parse(payload ?? 'null')).toEqual({ type: 'block_actions', actions: [] });
  });

  it('postSigned sends the raw body with the signature, overrides and extra headers', async () => {
    const seen: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200, { 'Content-Type': 'text/plain' }).end('handled');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    const body = slashCommandBody({ text: 'a b&c' });

    const result = await postSigned(url, body, 'application/x-www-form-urlencoded', {
      signingSecret: 'secret',
      timestampSeconds: DOCS_EXAMPLE.timestamp,
      headers: { [RETRY_NUM_HEADER]: '1', [RETRY_REASON_HEADER]: 'http_timeout' },
    });
    await postSigned(url, body, 'application/x-www-form-urlencoded', { signingSecret: 'secret', signature: 'v0=bad' });

    expect(result).toMatchObject({ status: 200, body: 'handled', headers: { 'content-type': 'text/plain' } });
    expect(result.ms).toBeGreaterThanOrEqual(0);
    const expected = signSlackRequest(body, 'secret', DOCS_EXAMPLE.timestamp);
    expect(seen[0]?.body).toBe(body);
    expect(seen[0]?.headers).toMatchObject({
      'x-slack-signature': expected['X-Slack-Signature'],
      'x-slack-request-timestamp': String(DOCS_EXAMPLE.timestamp),
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(seen[1]?.headers['x-slack-signature']).toBe('v0=bad');
  });
});

describe('Socket Mode server with @slack/socket-mode SocketModeClient', () => {
  interface Delivery {
    envelope_id: string;
    retry_num: unknown;
    retry_reason: unknown;
  }

  async function connectedClient(): Promise<{ api: FakeSlackApi; socket: SocketModeServer; client: SocketModeClient; deliveries: Delivery[] }> {
    const socket = await startSocketModeServer();
    const api = await fakeApi(socket);
    const client = new SocketModeClient({
      appToken: APP_TOKEN,
      logger: new RecordingLogger(),
      clientPingTimeout: CLIENT_PING_TIMEOUT_MS,
      clientOptions: { slackApiUrl: api.url },
    });
    cleanups.push(async () => {
      await client.disconnect();
    });
    const deliveries: Delivery[] = [];
    client.on('app_mention', async (args: { ack: () => Promise<void> } & Delivery) => {
      deliveries.push({ envelope_id: args.envelope_id, retry_num: args.retry_num, retry_reason: args.retry_reason });
      await args.ack();
    });
    await client.start();
    return { api, socket, client, deliveries };
  }

  const mention = JSON.parse(eventCallbackBody({ type: 'app_mention', user: 'U0USER', text: '<@U0BOT> 1.2', channel: FAKE_CHANNEL_ID })) as object;

  it('connects through apps.connections.open, delivers an events_api envelope and receives the ack', async () => {
    const { api, socket, deliveries } = await connectedClient();
    expect(api.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
    expect(socket.connectionCount).toBe(1);

    const delivered = await socket.sendEnvelope('events_api', mention);

    await expect(delivered.ack).resolves.toEqual({ envelope_id: delivered.envelope_id, payload: {} });
    expect(deliveries).toEqual([{ envelope_id: delivered.envelope_id, retry_num: 0, retry_reason: '' }]);
    expect(socket.received.map((entry) => entry.message)).toContainEqual({ envelope_id: delivered.envelope_id, payload: {} });
  });

  it('redelivers an envelope with the same or a new envelope id', async () => {
    const { socket, deliveries } = await connectedClient();
    const first = await socket.sendEnvelope('events_api', mention);
    await first.ack;

    const sameId = await socket.redeliver(first.envelope_id);
    const newId = await socket.redeliver(first.envelope_id, { newEnvelopeId: true, retry_reason: 'http_error' });

    await expect(sameId.ack).resolves.toMatchObject({ envelope_id: first.envelope_id });
    await expect(newId.ack).resolves.toMatchObject({ envelope_id: newId.envelope_id });
    expect(newId.envelope_id).not.toBe(first.envelope_id);
    expect(deliveries.map(({ retry_num, retry_reason }) => [retry_num, retry_reason])).toEqual([
      [0, ''],
      [1, 'timeout'],
      [2, 'http_error'],
    ]);
  });

  it('reconnects after the connection is dropped and after a disconnect message', async () => {
    const { api, socket } = await connectedClient();

    await socket.dropConnections();
    expect(socket.connectionCount).toBe(0);
    await socket.waitForConnection(RECONNECT_WAIT_MS);
    expect(socket.totalConnections).toBe(2);

    await socket.sendDisconnect('refresh_requested');
    await waitUntil(() => socket.totalConnections === 3 && socket.connectionCount === 1, RECONNECT_WAIT_MS);
    expect(api.callsTo('apps.connections.open')).toHaveLength(3);

    const delivered = await socket.sendEnvelope('events_api', mention);
    await expect(delivered.ack).resolves.toMatchObject({ envelope_id: delivered.envelope_id });
  });

  it('rejects an unacknowledged envelope after the ack timeout', async () => {
    const socket = await startSocketModeServer();
    cleanups.push(() => socket.close());
    const raw = new WebSocket(socket.url);
    cleanups.push(async () => raw.close());
    await socket.waitForConnection();

    const delivered = await socket.sendEnvelope('slash_commands', { command: '/ipplan' }, { ackTimeoutMs: SHORT_WAIT_MS });

    await expect(delivered.ack).rejects.toThrow(/No ack for envelope/);
    expect(socket.sent[0]).toMatchObject({ type: 'slash_commands', accepts_response_payload: true });
    expect(socket.sent[0]).not.toHaveProperty('retry_attempt');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, SHORT_WAIT_MS));
  }
}
