/**
 * Builds the Bolt app for the configured mode: Socket Mode when an app-level token is set (no
 * public URL needed), otherwise HTTP on PORT with Slack's signature verification, serving the
 * Events API, commands and interactivity at /slack/events plus GET /healthz and GET /metrics
 * (both also in Socket Mode, on PORT). The Web API base
 * URL can be pointed elsewhere (SLACK_API_URL) for proxies and tests.
 *
 * The port is bound before the app is built (http/bound-port.ts), not by Bolt's receivers: a
 * port in use is then one line naming PORT before any state is created, HOST is honoured in
 * Socket Mode too, and requests that arrive before the app is ready get 503.
 */
import {
  App,
  defaultProcessEventErrorHandler as socketErrorHandler,
  HTTPModuleFunctions,
  HTTPReceiver,
  SocketModeReceiver,
  type ReceiverProcessEventErrorHandlerArgs,
  type SocketModeReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
import type { Server } from 'node:http';
import type { Application } from '../../app/application.js';
import type { Metrics, MetricsExposition } from '../../app/process/metrics.js';
import type { Replica } from '../../app/process/replica.js';
import { ConfigError, type SlackConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { EventLedger, WorkLedger } from '../../store/state-store.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackCalls, type SlackCalls } from '../delivery/slack-calls.js';
import { slackErrorCode, slackRefused } from '../delivery/slack-errors.js';
import type { BoundPort } from '../http/bound-port.js';
import { guardRequests } from '../http/http-guard.js';
import type { AcknowledgedWork } from '../intake/acknowledged-work.js';
import { admission, admitDeliveries, messageClaims, RetryLater } from '../intake/admit-deliveries.js';
import { healthReport, healthRoute, type HealthCheck, type Lifecycle } from '../health/health-route.js';
import { metricsRoute } from '../health/metrics-route.js';
import { registerListeners } from '../listeners/index.js';

/**
 * The largest body accepted. A slash command carries up to Slack's 40,000-character message
 * limit, form-encoded: 40,000 Chinese characters are 360 KB, and the person who typed them is
 * told the text is too long instead of seeing nothing. Anything larger is refused unread.
 */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;
/**
 * The Web API client never retries on its own: a call that timed out may have been carried out
 * (a post Slack accepted but answered late), so sending it again blindly could post twice. Posts
 * are retried by delivery/post-message.ts, which looks for the first before sending a second;
 * reads and windows are retried by their callers where it matters. A rate limit (429) is waited
 * out by the client as Slack's Retry-After says, then reported like any unanswered call.
 */
const WEB_API_RETRY = { retries: 0 };

export interface SlackApp {
  app: App;
  mode: SlackConfig['mode'];
  /** Every HTTP call to Slack, with its deadline; counted for health. */
  calls: SlackCalls;
  /** Checks the token with Slack (auth.test), then connects (Socket Mode) or takes requests (HTTP). */
  start(): Promise<void>;
  /**
   * The first step of a graceful stop: take no new work (HTTP answers 503, /healthz says
   * `stopping`; Socket Mode disconnects). Work already acknowledged goes on.
   */
  stopAccepting(): Promise<void>;
  /**
   * Closes the port. Connections still open after `graceMs` (a client trickling a body, a
   * keep-alive) are closed then, whatever the client does.
   */
  stop(graceMs?: number): Promise<void>;
  /** The HTTP server on PORT (HTTP mode, and Socket Mode's /healthz). */
  server(): Server | undefined;
}

export interface SlackAppOptions {
  /** Socket Mode keep-alive: how long to wait for a pong before reconnecting (Bolt's default 5000 ms). */
  clientPingTimeoutMs?: number;
  /** Serve /healthz in Socket Mode too (on PORT, so the port is bound); off in tests that need no port. */
  socketHealth?: boolean;
  /** The deadline of one HTTP call to Slack, and when a call in flight counts as stuck. */
  slackCallTimeoutMs?: number;
  slackCallStuckMs?: number;
  /** Further checks /healthz reports (the state store). */
  healthChecks?: ReadonlyArray<() => HealthCheck>;
}

/** What the Slack app runs on: the application, the queue of acknowledged work, and the intake's ledgers. */
export interface SlackAppParts {
  application: Application;
  work: AcknowledgedWork;
  /** Slack deliveries already handled, and work acknowledged but not yet answered. */
  events: EventLedger;
  ledger: WorkLedger;
  /** This process, as the owner of the work it acknowledges. */
  replica: Replica;
  logger: Logger;
  now: () => Date;
  /**
   * PORT on HOST, already bound: Slack's requests and /healthz in HTTP mode (required there),
   * /healthz in Socket Mode (none without it).
   */
  port?: BoundPort;
  /** What is counted, and served at /metrics (nothing is counted or served without it). */
  metrics?: Metrics & MetricsExposition;
}

/** Logs Socket Mode connection changes, so an operator sees a dropped connection and its recovery. */
function logConnection(receiver: SocketModeReceiver, logger: Logger): void {
  for (const state of ['connecting', 'connected', 'reconnecting', 'disconnecting', 'disconnected'] as const) {
    receiver.client.on(state, () => logger.info({ kind: 'socket', state }, `Socket Mode ${state}`));
  }
}

/** HTTP: work refused for now (too much of it, or a ledger that cannot be written) gets 503, which Slack retries, not Bolt's 500. */
async function httpErrorHandler(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!(args.error instanceof RetryLater)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  if (!args.response.headersSent) {
    args.response.writeHead(503, { 'Retry-After': '1' });
    args.response.end();
  }
  return false;
}

/** Socket Mode: work refused for now is left unacknowledged, so Slack redelivers it. */
async function socketErrorHandlerWithRefusal(args: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  return args.error instanceof RetryLater ? false : socketErrorHandler(args);
}

/** A token Slack refuses, or a Web API that cannot be reached, as one line naming what to fix. */
function startError(error: unknown, config: SlackConfig): ConfigError {
  const code = slackErrorCode(error);
  if (slackRefused(error)) {
    return new ConfigError(
      'SLACK_BOT_TOKEN',
      `SLACK_BOT_TOKEN was refused by Slack (${code}): set it to the Bot User OAuth Token, xoxb-… (Slack app settings → OAuth & Permissions), and check the app is installed in the workspace.`,
    );
  }
  const url = config.apiUrl ?? 'https://slack.com/api/';
  const detail = error instanceof Error ? error.message : String(error);
  return new ConfigError(
    'SLACK_API_URL',
    `could not reach Slack's Web API at ${url} to check SLACK_BOT_TOKEN (${code}: ${detail}): check the network or proxy, or SLACK_API_URL.`,
  );
}

export function createSlackApp(config: SlackConfig, parts: SlackAppParts, options: SlackAppOptions = {}): SlackApp {
  const logger = boltLogger(parts.logger);
  const calls = createSlackCalls({
    ...(options.slackCallTimeoutMs ? { timeoutMs: options.slackCallTimeoutMs } : {}),
    ...(options.slackCallStuckMs ? { stuckAfterMs: options.slackCallStuckMs } : {}),
    ...(parts.metrics ? { metrics: parts.metrics } : {}),
  });
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), retryConfig: WEB_API_RETRY, fetch: calls.fetch };
  let lifecycle: Lifecycle = 'starting';
  const { port } = parts;
  if (config.mode === 'http' && !port) throw new Error('HTTP mode needs its port bound (bindPort) before the app is built');
  const checks = [() => calls.health(), ...(options.healthChecks ?? [])];
  const health = healthRoute(() =>
    healthReport(
      lifecycle,
      checks.map((check) => check()),
    ),
  );
  const probes = parts.metrics ? [health, metricsRoute(parts.metrics)] : [health];

  const socketReceiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.appToken,
          logger,
          installerOptions: { clientOptions },
          autoReconnectEnabled: true,
          processEventErrorHandler: socketErrorHandlerWithRefusal,
          ...(options.clientPingTimeoutMs ? { clientPingTimeout: options.clientPingTimeoutMs } : {}),
        })
      : undefined;
  if (socketReceiver) logConnection(socketReceiver, parts.logger);

  const httpReceiver =
    config.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.signingSecret,
          endpoints: '/slack/events',
          logger,
          customRoutes: probes,
          bodyLimit: MAX_REQUEST_BODY_BYTES,
          processEventErrorHandler: httpErrorHandler,
        })
      : undefined;
  if (httpReceiver) {
    // The guard answers a path Bolt does not serve with 404 itself (Bolt's own server did that).
    const guarded = guardRequests(httpReceiver.requestListener, {
      maxBodyBytes: MAX_REQUEST_BODY_BYTES,
      lifecycle: () => lifecycle,
      admit: (kind) => {
        const decided = admission(kind, parts.work.pressure().overloaded);
        if (!decided.admit) parts.metrics?.admissionRefused('overloaded');
        return decided;
      },
      logger: parts.logger,
    });
    port?.serve(guarded);
  } else {
    port?.serve((request, response) => {
      const probe = probes.find((route) => route.path === request.url?.split('?')[0]);
      if (probe && (request.method === 'GET' || request.method === 'HEAD')) return void probe.handler(request, response);
      response.writeHead(404);
      response.end();
    });
  }

  // deferInitialization: the token is checked in start(), awaited, instead of in the constructor
  // where a refusal would surface later as an unhandled rejection after `ready` was logged.
  const common = { token: config.botToken, logger, clientOptions, convoStore: false, deferInitialization: true } as const;
  const app = config.mode === 'socket' ? new App({ ...common, socketMode: true, receiver: socketReceiver }) : new App({ ...common, receiver: httpReceiver });

  const { work, events, ledger, replica, now } = parts;
  registerListeners(app, { application: parts.application, work, firstDelivery: messageClaims(events, () => now().getTime()), logger: parts.logger });
  // Both receivers hand every delivery to app.processEvent: the front door for work goes there.
  app.processEvent = admitDeliveries(app.processEvent.bind(app), {
    work,
    events,
    ledger,
    owner: replica,
    logger: parts.logger,
    now,
    ...(parts.metrics ? { metrics: parts.metrics } : {}),
  });

  return {
    app,
    mode: config.mode,
    calls,
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw startError(error, config);
      }
      // HTTP mode takes requests on the bound port from now on; Socket Mode connects.
      if (config.mode === 'socket') await app.start();
      lifecycle = 'ready';
    },
    async stopAccepting() {
      lifecycle = 'stopping';
      if (config.mode === 'socket') await app.stop();
    },
    async stop(graceMs = 0) {
      lifecycle = 'stopping';
      await port?.close(graceMs);
    },
    server: () => port?.server,
  };
}
