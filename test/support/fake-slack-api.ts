/**
 * A fake Slack Web API on 127.0.0.1 for tests: hand `api.url` to Bolt / WebClient as
 * `clientOptions.slackApiUrl`, then assert on the recorded calls.
 *
 * - `POST /api/<method>` (form-encoded or JSON; query-string arguments are merged in) is recorded in
 *   `api.calls` and answered by, in order: the next `respondOnce` handler, the `respondWith` handler, or the
 *   default (see fake-slack-defaults.ts). The call is recorded before its handler runs.
 * - `POST /response/<id>` (JSON) stands in for a `response_url`; see `api.responseUrl()`.
 * - Socket Mode: pass `startFakeSlackApi({ socket })` with a server from `startSocketModeServer()`;
 *   `apps.connections.open` then returns `socket.url`, and `api.close()` closes that server as well.
 *
 * A handler that throws is answered `200 { ok: false, error: 'fake_handler_error', fake_error_message }`,
 * so the client fails fast (an HTTP 5xx would be retried by @slack/web-api for up to ~30 minutes).
 */
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DefaultContext, type SlackArgs, type SlackBody, defaultResponse } from './fake-slack-defaults.js';
import { type FakeResponse, parseApiArgs, parseJson, readBody, readToken, sendFakeResponse, sendJson } from './fake-slack-http.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './fake-slack-ids.js';
import { MessageStore, type SeedMessage, SlackClock, type StoredMessage } from './fake-slack-store.js';
import { type Predicate, Waiters, asError, isRecord } from './fake-slack-waiters.js';
import type { SocketModeServer } from './socket-mode-server.js';

export type { FakeResponse, RawFakeResponse } from './fake-slack-http.js';
export type { SeedMessage, StoredMessage } from './fake-slack-store.js';
export type { SlackArgs } from './fake-slack-defaults.js';

/** Default time `waitFor` / `waitForResponse` wait. */
export const DEFAULT_WAIT_TIMEOUT_MS = 5_000;
const LOOPBACK_HOST = '127.0.0.1';
const API_PREFIX = '/api/';
const RESPONSE_PREFIX = '/response/';
const HTTP_BAD_REQUEST = 400;
const HTTP_NOT_FOUND = 404;

export interface RecordedCall {
  method: string;
  args: SlackArgs;
  token?: string;
  at: number;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/**
 * Scripts one method. `fallback()` computes the default answer (and has its side effects, e.g. storing a
 * posted message), so a handler can delay or decorate the default.
 */
export type MethodHandler = (
  args: SlackArgs,
  call: RecordedCall,
  fallback: () => SlackBody,
) => FakeResponse | Promise<FakeResponse>;

export interface FakeSlackApiOptions {
  /** A Socket Mode server whose URL `apps.connections.open` returns; closed by `api.close()`. */
  socket?: SocketModeServer;
}

export interface FakeSlackApi {
  /** Web API base URL with trailing slash, e.g. `http://127.0.0.1:PORT/api/`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly socket: SocketModeServer | undefined;
  readonly calls: readonly RecordedCall[];
  readonly responses: readonly RecordedResponse[];
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first matching call, already recorded or still to come; rejects on timeout. */
  waitFor(method: string, predicate?: Predicate<RecordedCall>, timeoutMs?: number): Promise<RecordedCall>;
  respondWith(method: string, handler: MethodHandler): void;
  /** Queues a handler for the next call of `method` only (several queue up in order). */
  respondOnce(method: string, handler: MethodHandler): void;
  /** A response_url served by this fake; `id` defaults to a fresh unique id. */
  responseUrl(id?: string): string;
  waitForResponse(predicate?: Predicate<RecordedResponse>, timeoutMs?: number): Promise<RecordedResponse>;
  /** Every stored message of a channel, thread replies included, oldest first. */
  history(channel: string): StoredMessage[];
  /** Seeds a message (e.g. a user's thread message) into a channel's history; ts defaults to now. */
  addMessage(channel: string, message?: SeedMessage): StoredMessage;
  /** Clears calls, responses, scripted handlers and histories (pending waits keep waiting). */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const overrides = new Map<string, MethodHandler>();
  const onceQueues = new Map<string, MethodHandler[]>();
  const store = new MessageStore();
  const clock = new SlackClock();
  const callWaiters = new Waiters<RecordedCall>();
  const responseWaiters = new Waiters<RecordedResponse>();
  const defaults: DefaultContext = { store, clock, socketUrl: () => options.socket?.url };
  let closing: Promise<void> | undefined;

  async function answerApiCall(method: string, request: IncomingMessage, url: URL): Promise<FakeResponse> {
    const args = parseApiArgs(await readBody(request), request.headers['content-type'], url.searchParams);
    const call: RecordedCall = { method, args, at: Date.now() };
    const token = readToken(request, args);
    if (token !== undefined) call.token = token;
    calls.push(call);
    callWaiters.notify(call);

    const handler = onceQueues.get(method)?.shift() ?? overrides.get(method);
    const fallback = (): SlackBody => defaultResponse(method, args, defaults);
    if (handler === undefined) return fallback();
    try {
      return await handler(args, call, fallback);
    } catch (error) {
      return { ok: false, error: 'fake_handler_error', fake_error_message: asError(error).message };
    }
  }

  async function recordResponseUrlPost(id: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parseJson(await readBody(request));
    if (!isRecord(body)) {
      sendJson(response, HTTP_BAD_REQUEST, { ok: false, error: 'invalid_payload' });
      return;
    }
    const recorded: RecordedResponse = { id, body, at: Date.now() };
    responses.push(recorded);
    responseWaiters.notify(recorded);
    sendJson(response, 200, { ok: true });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith(API_PREFIX)) {
      const method = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
      sendFakeResponse(response, await answerApiCall(method, request, url));
    } else if (url.pathname.startsWith(RESPONSE_PREFIX) && request.method === 'POST') {
      await recordResponseUrlPost(decodeURIComponent(url.pathname.slice(RESPONSE_PREFIX.length)), request, response);
    } else {
      sendJson(response, HTTP_NOT_FOUND, { ok: false, error: 'unknown_method' });
    }
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, HTTP_BAD_REQUEST, { ok: false, error: asError(error).message });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${LOOPBACK_HOST}:${port}`;

  const api: FakeSlackApi = {
    url: `${origin}${API_PREFIX}`,
    origin,
    socket: options.socket,
    calls,
    responses,

    callsTo: (method) => calls.filter((call) => call.method === method),

    waitFor(method, predicate = () => true, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS) {
      const matches: Predicate<RecordedCall> = (call) => call.method === method && predicate(call);
      return callWaiters.wait(calls, matches, timeoutMs, () => {
        const seen = calls.map((call) => call.method).join(', ') || 'none';
        return `Timed out after ${timeoutMs}ms waiting for a matching ${method} call; recorded calls: [${seen}]`;
      });
    },

    respondWith(method, handler) {
      overrides.set(method, handler);
    },

    respondOnce(method, handler) {
      const queue = onceQueues.get(method) ?? [];
      queue.push(handler);
      onceQueues.set(method, queue);
    },

    responseUrl: (id = randomUUID()) => `${origin}${RESPONSE_PREFIX}${encodeURIComponent(id)}`,

    waitForResponse(predicate = () => true, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS) {
      return responseWaiters.wait(responses, predicate, timeoutMs, () => {
        const seen = responses.map((entry) => entry.id).join(', ') || 'none';
        return `Timed out after ${timeoutMs}ms waiting for a matching response_url POST; recorded ids: [${seen}]`;
      });
    },

    history: (channel) => store.all(channel),

    addMessage(channel, seed = {}) {
      const message: StoredMessage = { type: 'message', text: '', team: FAKE_TEAM_ID, ...seed, ts: seed.ts ?? clock.nextTs() };
      if (seed.user === undefined && seed.bot_id === undefined) {
        message.user = FAKE_BOT_USER_ID;
        message.bot_id = FAKE_BOT_ID;
      }
      return store.add(channel, message);
    },

    reset() {
      calls.length = 0;
      responses.length = 0;
      overrides.clear();
      onceQueues.clear();
      store.clear();
    },

    close() {
      closing ??= (async () => {
        const closed = new Error('fake Slack API closed');
        callWaiters.rejectAll(closed);
        responseWaiters.rejectAll(closed);
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([stopped, options.socket?.close()]);
      })();
      return closing;
    },
  };
  return api;
}
