/**
 * A fake Slack Web API on 127.0.0.1, for the methods this app calls and no others: hand `api.url`
 * to the app as SLACK_API_URL, then assert on the recorded calls.
 *
 * - `POST /api/<method>` (form-encoded or JSON, as @slack/web-api sends them) is recorded, then
 *   answered by the next `respondOnce` handler, the `respondWith` handler, or the default: Slack's
 *   documented answer for `auth.test`, `apps.connections.open`, `chat.postMessage` (stored in the
 *   channel's history), `conversations.history` (`oldest`, `limit`, metadata only with
 *   `include_all_metadata`), `conversations.replies` (a thread, oldest first, metadata likewise),
 *   `views.publish`/`views.open`/`views.push`, `chat.getPermalink` (a link for any message),
 *   `usergroups.users.list`
 *   (members from `groups` when started with them); `{ ok: true }` for the assistant methods.
 * - `POST /response/<id>` stands in for a `response_url`; see `api.responseUrl()`.
 * - A handler that throws is answered `{ ok: false, error: 'fake_handler_error' }`, so the client
 *   fails fast.
 * - A handler can answer late: `call.aborted` settles once the client gave up on the call, so
 *   "accepted, then answered after the deadline" needs no sleeping (`fallback()` first, then wait).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SocketModeServer } from './socket-mode-server.js';
import { Waiters, type Predicate } from './waiters.js';

export const FAKE_TEAM_ID = 'T0FAKE';
export const FAKE_BOT_USER_ID = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';
export const FAKE_USER_ID = 'U0USER';
export const FAKE_CHANNEL_ID = 'C0CHAN';

const DEFAULT_WAIT_MS = 5_000;
/** Arguments @slack/web-api JSON-encodes inside form bodies; parsed back so tests can assert on structure. */
const JSON_FIELDS = new Set(['blocks', 'metadata', 'prompts', 'view', 'attachments']);
const HISTORY_DEFAULT_LIMIT = 100;

export type SlackArgs = Record<string, unknown>;
/** A Web API JSON body (sent with 200), or a raw response with its own status (a 429, a 500). */
export type FakeResponse = Record<string, unknown> | { status: number; headers?: Record<string, string>; body: unknown };
/** What a handler may wait on: `aborted` settles when the client gives up on the call (its deadline passed). */
export interface CallContext {
  aborted: Promise<void>;
}
export type MethodHandler = (args: SlackArgs, fallback: () => Record<string, unknown>, call: CallContext) => FakeResponse | Promise<FakeResponse>;

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

export interface StoredMessage {
  ts: string;
  text: string;
  thread_ts?: string;
  blocks?: unknown;
  metadata?: unknown;
}

export interface FakeSlackApi {
  /** Web API base URL with the trailing slash the client expects. */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly calls: readonly RecordedCall[];
  readonly responses: readonly RecordedResponse[];
  callsTo(method: string): RecordedCall[];
  /** The first matching call, already recorded or still to come. */
  waitFor(method: string, predicate?: Predicate<RecordedCall>, timeoutMs?: number): Promise<RecordedCall>;
  respondWith(method: string, handler: MethodHandler): void;
  respondOnce(method: string, handler: MethodHandler): void;
  /** A response_url served by this fake. */
  responseUrl(id?: string): string;
  waitForResponse(predicate?: Predicate<RecordedResponse>, timeoutMs?: number): Promise<RecordedResponse>;
  history(channel: string): StoredMessage[];
  /** Clears calls, responses, scripted handlers and histories. */
  reset(): void;
  close(): Promise<void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(body: string, contentType: string | undefined): SlackArgs {
  if ((contentType ?? '').startsWith('application/json')) {
    const parsed = parseJson(body);
    return isRecord(parsed) ? parsed : {};
  }
  const args: SlackArgs = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = JSON_FIELDS.has(key) ? (parseJson(value) ?? value) : value;
  return args;
}

function send(response: ServerResponse, fake: FakeResponse): void {
  if (response.destroyed || response.writableEnded) return; // the client gave up on the call
  const raw = typeof fake.status === 'number' && 'body' in fake ? fake : undefined;
  const status = raw ? Number(raw.status) : 200;
  const headers = raw && isRecord(raw.headers) ? Object.fromEntries(Object.entries(raw.headers).map(([k, v]) => [k, String(v)])) : {};
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(raw ? raw.body : fake));
}

export async function startFakeSlackApi(options: { socket?: SocketModeServer; groups?: Record<string, string[]> } = {}): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const overrides = new Map<string, MethodHandler>();
  const once = new Map<string, MethodHandler[]>();
  const histories = new Map<string, StoredMessage[]>();
  const callWaiters = new Waiters<RecordedCall>();
  const responseWaiters = new Waiters<RecordedResponse>();
  let lastMicros = 0;
  const nextTs = (): string => {
    lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
    return `${Math.floor(lastMicros / 1e6)}.${String(lastMicros % 1e6).padStart(6, '0')}`;
  };

  function defaultAnswer(method: string, args: SlackArgs): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'ipplan',
          team_id: FAKE_TEAM_ID,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
        };
      case 'apps.connections.open':
        return options.socket ? { ok: true, url: options.socket.url } : { ok: false, error: 'not_configured' };
      case 'chat.postMessage': {
        const channel = String(args.channel ?? '');
        const message: StoredMessage = { ts: nextTs(), text: String(args.text ?? '') };
        if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
        if (args.blocks !== undefined) message.blocks = args.blocks;
        if (args.metadata !== undefined) message.metadata = args.metadata;
        histories.set(channel, [...(histories.get(channel) ?? []), message]);
        return { ok: true, channel, ts: message.ts, message };
      }
      case 'conversations.history': {
        const oldest = Number(args.oldest ?? 0);
        const limit = Number(args.limit ?? HISTORY_DEFAULT_LIMIT) || HISTORY_DEFAULT_LIMIT;
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const messages = (histories.get(String(args.channel ?? '')) ?? [])
          .filter((m) => !m.thread_ts && Number(m.ts) > oldest)
          .reverse()
          .slice(0, limit)
          .map(({ metadata, ...m }) => (withMetadata && metadata !== undefined ? { type: 'message', ...m, metadata } : { type: 'message', ...m }));
        return { ok: true, messages, has_more: false };
      }
      case 'conversations.replies': {
        const thread = String(args.ts ?? '');
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const messages = (histories.get(String(args.channel ?? '')) ?? [])
          .filter((m) => m.ts === thread || m.thread_ts === thread)
          .map(({ metadata, ...m }) => (withMetadata && metadata !== undefined ? { type: 'message', ...m, metadata } : { type: 'message', ...m }));
        return { ok: true, messages, has_more: false };
      }
      case 'views.publish':
      case 'views.open':
      case 'views.push':
        return { ok: true, view: { ...(isRecord(args.view) ? args.view : {}), id: `V${randomUUID().slice(0, 8).toUpperCase()}` } };
      case 'chat.getPermalink': {
        const channel = String(args.channel ?? '');
        const ts = String(args.message_ts ?? '');
        return { ok: true, channel, permalink: `https://fake.slack.com/archives/${channel}/p${ts.replace('.', '')}` };
      }
      case 'usergroups.users.list': {
        const members = options.groups?.[String(args.usergroup ?? '')];
        return members ? { ok: true, users: members } : { ok: false, error: 'no_such_subteam' };
      }
      default:
        return { ok: true };
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(request);
    if (url.pathname.startsWith('/api/')) {
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const args = parseArgs(body, request.headers['content-type']);
      const auth = request.headers.authorization;
      const call: RecordedCall = { method, args, at: Date.now(), ...(auth ? { token: auth.replace(/^Bearer\s+/iu, '') } : {}) };
      calls.push(call);
      callWaiters.notify(call);
      const handler = once.get(method)?.shift() ?? overrides.get(method);
      const fallback = () => defaultAnswer(method, args);
      const aborted = new Promise<void>((resolve) => response.on('close', () => resolve()));
      let answer: FakeResponse;
      try {
        answer = handler ? await handler(args, fallback, { aborted }) : fallback();
      } catch (error) {
        answer = { ok: false, error: 'fake_handler_error', fake_error_message: String(error) };
      }
      return send(response, answer);
    }
    if (url.pathname.startsWith('/response/') && request.method === 'POST') {
      const parsed = parseJson(body);
      const recorded: RecordedResponse = {
        id: decodeURIComponent(url.pathname.slice('/response/'.length)),
        body: isRecord(parsed) ? parsed : {},
        at: Date.now(),
      };
      responses.push(recorded);
      responseWaiters.notify(recorded);
      return send(response, { ok: true });
    }
    send(response, { status: 404, body: { ok: false, error: 'unknown_method' } });
  }

  const server = createServer((request, response) => {
    route(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url: `${origin}/api/`,
    origin,
    calls,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor: (method, predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
      callWaiters.wait(
        calls,
        (c) => c.method === method && predicate(c),
        timeoutMs,
        () => `timed out after ${timeoutMs} ms waiting for ${method}; calls: ${calls.map((c) => c.method).join(', ') || 'none'}`,
      ),
    respondWith: (method, handler) => void overrides.set(method, handler),
    respondOnce: (method, handler) => void once.set(method, [...(once.get(method) ?? []), handler]),
    responseUrl: (id = randomUUID()) => `${origin}/response/${encodeURIComponent(id)}`,
    waitForResponse: (predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
      responseWaiters.wait(responses, predicate, timeoutMs, () => `timed out after ${timeoutMs} ms waiting for a response_url post; got ${responses.length}`),
    history: (channel) => [...(histories.get(channel) ?? [])],
    reset() {
      calls.length = 0;
      responses.length = 0;
      overrides.clear();
      once.clear();
      histories.clear();
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
}
