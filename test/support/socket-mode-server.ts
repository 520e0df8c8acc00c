/**
 * A local WebSocket server that speaks Slack's Socket Mode protocol (https://api.slack.com/apis/socket-mode),
 * for driving a real `SocketModeClient` / Bolt `SocketModeReceiver` without a Slack workspace.
 *
 * Wiring: pass the server to `startFakeSlackApi({ socket: server })`; the fake Web API then answers
 * `apps.connections.open` with `server.url`, and `api.close()` closes this server too. Closing the server
 * directly is also fine (close is idempotent).
 *
 * Protocol as documented by Slack:
 * - on connect the server sends `{"type":"hello","num_connections":N,"debug_info":{...},"connection_info":{"app_id":"A0APP"}}`;
 * - each delivery is an envelope `{ envelope_id, type, payload, accepts_response_payload, retry_attempt?, retry_reason? }`;
 * - the client acknowledges with `{ "envelope_id": "..." }`, optionally with a `payload` (response payload);
 * - `{"type":"disconnect","reason":"refresh_requested"|"warning"|"link_disabled"}` asks the client to reconnect.
 *
 * Binds to 127.0.0.1 on a random port. `close()` rejects pending waits/acks (clearing their timers), closes
 * sockets (handshake, then terminate after a short grace period) and stops the server.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { FAKE_APP_ID } from './slack-payloads.js';
import { Waiters } from './waiters.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Default time `waitForConnection()` waits. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
/** Default time an envelope's `ack` promise waits for the client's acknowledgement before rejecting. */
export const DEFAULT_ACK_TIMEOUT_MS = 5_000;
/** Slack's documented sample value, reported in the hello message. */
const APPROXIMATE_CONNECTION_TIME_SECONDS = 18_060;
const LOOPBACK_HOST = '127.0.0.1';
/** How long `close()` lets clients finish the close handshake before terminating their sockets. */
const CLOSE_GRACE_MS = 500;
/** RFC 6455 status "going away". */
const CLOSE_GOING_AWAY = 1001;

export type EnvelopeKind = 'events_api' | 'slash_commands' | 'interactive';

export interface EnvelopeOptions {
  /** Reuse an envelope id (redelivery); defaults to a fresh UUID. */
  envelope_id?: string;
  /** Slack's redelivery counter; sent for `events_api` (default 0) and for other kinds only when given. */
  retry_attempt?: number;
  /** e.g. `timeout`, `http_error`; sent for `events_api` (default '') and for other kinds only when given. */
  retry_reason?: string;
  /**
   * Defaults as Slack sends them: false for events_api, true for slash_commands, and for interactive
   * true only for `view_submission` and `block_suggestion` payloads.
   */
  accepts_response_payload?: boolean;
  /** How long the returned `ack` waits before rejecting; default {@link DEFAULT_ACK_TIMEOUT_MS}. */
  ackTimeoutMs?: number;
}

/** The client's acknowledgement, as parsed from the wire. */
export interface SocketModeAck {
  envelope_id: string;
  payload?: unknown;
}

/** One envelope as it was sent to the client. */
export interface SentEnvelope {
  envelope_id: string;
  type: EnvelopeKind;
  payload: object;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface DeliveredEnvelope {
  envelope_id: string;
  /**
   * Resolves with the client's ack for this delivery (acks for a reused envelope id are matched to
   * deliveries in order). Rejects after the ack timeout or on close. Safe to leave un-awaited.
   */
  ack: Promise<SocketModeAck>;
}

/** A message the client sent to the server (acks and anything else), in arrival order. */
export interface ReceivedMessage {
  raw: string;
  /** The parsed JSON, or `undefined` when the frame was not valid JSON. */
  message: unknown;
  at: number;
}

export interface RedeliverOptions {
  /** Send under a brand-new envelope id instead of reusing the old one (default false). */
  newEnvelopeId?: boolean;
  /** Default 'timeout'. `retry_attempt` is always the previous attempt + 1. */
  retry_reason?: string;
  ackTimeoutMs?: number;
}

export interface SocketModeServer {
  /** The `ws://127.0.0.1:PORT/link/?ticket=...&app_id=A0APP` URL that `apps.connections.open` hands out. */
  readonly url: string;
  /** Connections currently open. */
  readonly connectionCount: number;
  /** Connections accepted since start (grows on every reconnect). */
  readonly totalConnections: number;
  readonly received: readonly ReceivedMessage[];
  readonly sent: readonly SentEnvelope[];
  /** Resolves once a connection is open (immediately if one already is); rejects on timeout. */
  waitForConnection(timeoutMs?: number): Promise<void>;
  /** Sends an envelope to the most recently opened connection (waiting for one if none is open yet). */
  sendEnvelope(kind: EnvelopeKind, payload: object, options?: EnvelopeOptions): Promise<DeliveredEnvelope>;
  /** Re-sends a previously sent envelope as Slack's retry would: same payload, retry_attempt + 1. */
  redeliver(envelopeId: string, options?: RedeliverOptions): Promise<DeliveredEnvelope>;
  /** Sends `{"type":"disconnect","reason":...}` to every open connection. */
  sendDisconnect(reason?: string): Promise<void>;
  /** Terminates every open socket without a close handshake; resolves once the server saw them close. */
  dropConnections(): Promise<void>;
  close(): Promise<void>;
}

interface PendingAck {
  resolve(ack: SocketModeAck): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export async function startSocketModeServer(): Promise<SocketModeServer> {
  const wss = new WebSocketServer({ host: LOOPBACK_HOST, port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const { port } = wss.address() as AddressInfo;
  const url = `ws://${LOOPBACK_HOST}:${port}/link/?ticket=${randomUUID()}&app_id=${FAKE_APP_ID}`;

  const sockets: WebSocket[] = [];
  const received: ReceivedMessage[] = [];
  const sent: SentEnvelope[] = [];
  const pendingAcks = new Map<string, PendingAck[]>();
  const connectionWaiters = new Waiters<WebSocket>();
  let totalConnections = 0;
  let closing: Promise<void> | undefined;

  const openSockets = (): WebSocket[] => sockets.filter((socket) => socket.readyState === WebSocket.OPEN);

  wss.on('connection', (socket) => {
    totalConnections += 1;
    sockets.push(socket);
    socket.on('message', (data, isBinary) => onClientMessage(data, isBinary));
    socket.on('close', () => {
      const index = sockets.indexOf(socket);
      if (index >= 0) sockets.splice(index, 1);
    });
    socket.on('error', () => undefined); // abrupt client exits are expected in tests
    const hello = {
      type: 'hello',
      num_connections: openSockets().length,
      debug_info: { host: 'fake', approximate_connection_time: APPROXIMATE_CONNECTION_TIME_SECONDS },
      connection_info: { app_id: FAKE_APP_ID },
    };
    socket.send(JSON.stringify(hello));
    connectionWaiters.notify(socket);
  });

  function onClientMessage(data: RawData, isBinary: boolean): void {
    const raw = isBinary ? '' : rawDataToString(data);
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      message = undefined;
    }
    received.push({ raw, message, at: Date.now() });
    if (isRecord(message) && typeof message.envelope_id === 'string') {
      const ack: SocketModeAck = { envelope_id: message.envelope_id };
      if ('payload' in message) ack.payload = message.payload;
      pendingAcks.get(message.envelope_id)?.shift()?.resolve(ack);
    }
  }

  function expectAck(envelopeId: string, timeoutMs: number): Promise<SocketModeAck> {
    const queue = pendingAcks.get(envelopeId) ?? [];
    pendingAcks.set(envelopeId, queue);
    const promise = new Promise<SocketModeAck>((resolve, reject) => {
      const pending: PendingAck = {
        resolve: (ack) => {
          clearTimeout(pending.timer);
          resolve(ack);
        },
        reject: (error) => {
          clearTimeout(pending.timer);
          const index = queue.indexOf(pending);
          if (index >= 0) queue.splice(index, 1);
          reject(error);
        },
        timer: setTimeout(() => {
          const seen = received.map((entry) => entry.raw).join(', ') || 'nothing';
          pending.reject(new Error(`No ack for envelope ${envelopeId} within ${timeoutMs}ms; client sent: ${seen}`));
        }, timeoutMs),
      };
      queue.push(pending);
    });
    promise.catch(() => undefined);
    return promise;
  }

  async function deliver(envelope: SentEnvelope, ackTimeoutMs: number): Promise<DeliveredEnvelope> {
    await server.waitForConnection();
    const socket = openSockets().at(-1);
    if (socket === undefined) throw new Error('Socket Mode client disconnected before the envelope could be sent');
    const ack = expectAck(envelope.envelope_id, ackTimeoutMs);
    sent.push(envelope);
    await sendJson(socket, envelope);
    return { envelope_id: envelope.envelope_id, ack };
  }

  const server: SocketModeServer = {
    url,
    get connectionCount() {
      return openSockets().length;
    },
    get totalConnections() {
      return totalConnections;
    },
    received,
    sent,

    async waitForConnection(timeoutMs = DEFAULT_CONNECTION_TIMEOUT_MS) {
      await connectionWaiters.wait(
        openSockets(),
        (socket) => socket.readyState === WebSocket.OPEN,
        timeoutMs,
        () => `No Socket Mode connection within ${timeoutMs}ms (connections so far: ${totalConnections})`,
      );
    },

    sendEnvelope(kind, payload, options = {}) {
      const envelope: SentEnvelope = {
        envelope_id: options.envelope_id ?? randomUUID(),
        type: kind,
        payload,
        accepts_response_payload: options.accepts_response_payload ?? defaultAcceptsResponsePayload(kind, payload),
      };
      if (kind === 'events_api' || options.retry_attempt !== undefined) {
        envelope.retry_attempt = options.retry_attempt ?? 0;
      }
      if (kind === 'events_api' || options.retry_reason !== undefined) {
        envelope.retry_reason = options.retry_reason ?? '';
      }
      return deliver(envelope, options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS);
    },

    async redeliver(envelopeId, options = {}) {
      const previous = sent.findLast((envelope) => envelope.envelope_id === envelopeId);
      if (previous === undefined) throw new Error(`redeliver: no envelope ${envelopeId} was sent`);
      const envelope: SentEnvelope = {
        ...previous,
        envelope_id: options.newEnvelopeId === true ? randomUUID() : envelopeId,
        retry_attempt: (previous.retry_attempt ?? 0) + 1,
        retry_reason: options.retry_reason ?? 'timeout',
      };
      return deliver(envelope, options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS);
    },

    async sendDisconnect(reason = 'refresh_requested') {
      const message = { type: 'disconnect', reason, debug_info: { host: 'fake' } };
      await Promise.all(openSockets().map((socket) => sendJson(socket, message)));
    },

    async dropConnections() {
      await Promise.all(
        [...sockets].map(
          (socket) =>
            new Promise<void>((resolve) => {
              if (socket.readyState === WebSocket.CLOSED) return resolve();
              socket.once('close', () => resolve());
              socket.terminate();
            }),
        ),
      );
    },

    close() {
      closing ??= (async () => {
        const closed = new Error('Socket Mode server closed');
        connectionWaiters.rejectAll(closed);
        for (const queue of pendingAcks.values()) for (const pending of [...queue]) pending.reject(closed);
        pendingAcks.clear();
        await closeGracefully(sockets);
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      })();
      return closing;
    },
  };
  return server;
}

/**
 * Closes sockets with a close handshake, terminating any that have not finished within
 * {@link CLOSE_GRACE_MS}. A client that is itself disconnecting (e.g. Bolt's `app.stop()`, which does not
 * wait for its socket) then completes its handshake instead of keeping a 30 s close timer alive.
 */
async function closeGracefully(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(
    [...sockets].map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
          socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          socket.close(CLOSE_GOING_AWAY, 'server closing');
        }),
    ),
  );
}

function defaultAcceptsResponsePayload(kind: EnvelopeKind, payload: object): boolean {
  if (kind === 'slash_commands') return true;
  if (kind === 'events_api') return false;
  const type: unknown = isRecord(payload) ? payload.type : undefined;
  return type === 'view_submission' || type === 'block_suggestion';
}

function sendJson(socket: WebSocket, message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.send(JSON.stringify(message), (error) => (error ? reject(error) : resolve()));
  });
}

function rawDataToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
