/**
 * Builds the Bolt app for the configured mode: Socket Mode when an app-level token is set (no
 * public URL needed), otherwise HTTP on PORT with Slack's signature verification, serving the
 * Events API, commands and interactivity at /slack/events plus GET /healthz. The Web API base
 * URL can be pointed elsewhere (SLACK_API_URL) for proxies and tests.
 */
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Server } from 'node:http';
import type { SlackConfig } from '../config.js';
import { boltLogger } from './bolt-logger.js';
import { guardRequests } from './http/http-guard.js';
import { healthRoute } from './http/health-route.js';
import { registerListeners } from './listeners/index.js';
import type { SlackDeps } from './deps.js';

/**
 * The largest body accepted. A slash command carries up to Slack's 40,000-character message
 * limit, form-encoded: 40,000 Chinese characters are 360 KB, and the person who typed them is
 * told the text is too long instead of seeing nothing. Anything larger is refused unread.
 */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;
/** Web API calls for an answer someone is waiting for retry briefly, not for half an hour. */
const WEB_API_RETRY = { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 4000 };

export interface SlackApp {
  app: App;
  mode: SlackConfig['mode'];
  start(): Promise<void>;
  /**
   * The first step of a graceful stop: take no new work (HTTP answers 503; Socket Mode
   * disconnects). Work already acknowledged goes on.
   */
  stopAccepting(): Promise<void>;
  /** Closes the server or socket. */
  stop(): Promise<void>;
  /** The HTTP server (HTTP mode), once started. */
  server(): Server | undefined;
}

export interface SlackAppOptions {
  /** Socket Mode keep-alive: how long to wait for a pong before reconnecting (Bolt's default 5000 ms). */
  clientPingTimeoutMs?: number;
  /** Serve /healthz in Socket Mode too (on the configured PORT); off in tests that need no port. */
  socketHealth?: boolean;
}

/** Logs Socket Mode connection changes, so an operator sees a dropped connection and its recovery. */
function logConnection(receiver: SocketModeReceiver, deps: SlackDeps): void {
  for (const state of ['connecting', 'connected', 'reconnecting', 'disconnecting', 'disconnected'] as const) {
    receiver.client.on(state, () => deps.logger.info({ kind: 'socket', state }, `Socket Mode ${state}`));
  }
}

export function createSlackApp(config: SlackConfig, deps: SlackDeps, options: SlackAppOptions = {}): SlackApp {
  const logger = boltLogger(deps.logger);
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), retryConfig: WEB_API_RETRY };
  let ready = false;
  let accepting = true;
  let httpServer: Server | undefined;
  const health = healthRoute(() => ready && accepting);

  const socketReceiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.appToken,
          logger,
          installerOptions: { clientOptions, ...(options.socketHealth !== false ? { port: config.port } : {}) },
          customRoutes: options.socketHealth !== false ? [health] : [],
          autoReconnectEnabled: true,
          ...(options.clientPingTimeoutMs ? { clientPingTimeout: options.clientPingTimeoutMs } : {}),
        })
      : undefined;
  if (socketReceiver) logConnection(socketReceiver, deps);

  const httpReceiver =
    config.mode === 'http'
      ? new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: '/slack/events', logger, customRoutes: [health], bodyLimit: MAX_REQUEST_BODY_BYTES })
      : undefined;
  if (httpReceiver) {
    httpReceiver.requestListener = guardRequests(httpReceiver.requestListener, { maxBodyBytes: MAX_REQUEST_BODY_BYTES, accepting: () => accepting, logger: deps.logger });
  }

  const app =
    config.mode === 'socket'
      ? new App({ token: config.botToken, socketMode: true, receiver: socketReceiver, logger, clientOptions, convoStore: false })
      : new App({ token: config.botToken, logger, clientOptions, receiver: httpReceiver, convoStore: false });

  registerListeners(app, deps);

  return {
    app,
    mode: config.mode,
    async start() {
      if (config.mode === 'socket') {
        await app.start();
      } else {
        httpServer = (await app.start({ port: config.port, host: config.host })) as Server;
      }
      ready = true;
    },
    async stopAccepting() {
      accepting = false;
      if (config.mode === 'socket') await app.stop();
    },
    async stop() {
      ready = false;
      accepting = false;
      if (config.mode === 'http') {
        // Idle keep-alive connections would hold the server open past the stop.
        httpServer?.closeIdleConnections();
        await app.stop();
      }
    },
    server: () => httpServer,
  };
}
