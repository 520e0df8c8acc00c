/**
 * The real service (Slack app, state store, digest), started against the fake Slack on loopback:
 * HTTP mode on 127.0.0.1 with a random port, or Socket Mode against the local Socket Mode
 * server. Each harness owns a DATA_DIR (fresh unless one is given) and stops what it started.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdmissionConfig, Config, CoordinatorsConfig, DigestConfig, EmbeddingsConfig, HelpDeskConfig, SlackConfig } from '../../src/config.js';
import type { SlackAppOptions } from '../../src/slack/bolt/app.js';
import { createSlackService } from '../../src/compose.js';
import type { AnswerLibrary } from '../../src/core/answer/open-answer-library.js';
import type { Logger } from '../../src/logger.js';
import type { Service } from '../../src/service/service.js';
import type { ResilientStore } from '../../src/store/resilient-store.js';
import { testAnswerLibrary } from './answer-context.js';
import { captureLogger, type CapturedLogger } from './capture-logger.js';
import type { FakeSlackApi } from './fake-slack-api.js';

export const TEST_BOT_TOKEN = 'xoxb-0000-1111-testbottoken';
export const TEST_APP_TOKEN = 'xapp-1-A0APP-2222-testapptoken';
export const TEST_SIGNING_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';

export interface AppHarness extends Service {
  log: CapturedLogger;
  dataDir: string;
  /** HTTP mode: http://127.0.0.1:PORT */
  baseUrl: string;
}

export interface HarnessOptions {
  digest?: Partial<DigestConfig>;
  /** Reuse a DATA_DIR (a restart); it is then left for the caller to remove. */
  dataDir?: string;
  now?: () => Date;
  slack?: SlackAppOptions;
  /** How long a stop waits for acknowledged work (and slow connections). */
  drainTimeoutMs?: number;
  /** Who may update progress records (COORDINATORS); nobody by default. */
  coordinators?: CoordinatorsConfig;
  /** The semantic search's server (EMBEDDINGS_URL …); off by default. */
  embeddings?: EmbeddingsConfig;
  /**
   * When the service counts itself overloaded. By default far looser than the service's own
   * limits, so a busy test machine is not mistaken for overload; tests of overload pass the
   * service's defaults (`SERVICE_ADMISSION`) or their own.
   */
  admission?: AdmissionConfig;
  /** The state in PostgreSQL (replicas sharing it) instead of SQLite under the DATA_DIR. */
  databaseUrl?: string;
  /** The plans answered from (the shipped plan by default). */
  library?: AnswerLibrary;
  /** The help desk (ESCALATION_CHANNEL, ANSWER_CHANNELS …); off by default. */
  helpDesk?: HelpDeskConfig;
  /** A state store of the test's own (an engine made to fail), instead of the one the settings name. */
  store?: (logger: Logger) => ResilientStore;
}

/** Limits no test that is not about overload reaches, however busy the machine. */
export const LOOSE_ADMISSION: AdmissionConfig = { maxWaiting: 10_000, maxWaitMs: 60_000, maxLoopLagMs: 60_000 };
/** The service's own limits. */
export const SERVICE_ADMISSION: AdmissionConfig = {};

export async function startAppHarness(mode: 'http' | 'socket', api: FakeSlackApi, options: HarnessOptions = {}): Promise<AppHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ipplan-app-'));
  const log = captureLogger([TEST_SIGNING_SECRET]);
  const slack: SlackConfig =
    mode === 'http'
      ? { mode, botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET, port: 0, host: '127.0.0.1', apiUrl: api.url }
      : { mode, botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN, port: 0, host: '127.0.0.1', apiUrl: api.url };
  const config: Config & { slack: SlackConfig } = {
    slack,
    admission: options.admission ?? LOOSE_ADMISSION,
    logLevel: 'debug',
    dataDir,
    plans: {},
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    timeZone: 'Asia/Shanghai',
    digest: { cron: '0 9 * * *', timeZone: 'Asia/Shanghai', days: 'workdays', size: 3, ...options.digest },
    coordinators: options.coordinators ?? { users: [], groups: [] },
    ...(options.embeddings ? { embeddings: options.embeddings } : {}),
    ...(options.helpDesk ? { helpDesk: options.helpDesk } : {}),
  };
  // Socket Mode's /healthz would bind a port these tests do not probe, so it stays off.
  const slackOptions: SlackAppOptions = { socketHealth: false, ...options.slack };
  const service = await createSlackService({
    config,
    library: options.library ?? testAnswerLibrary(),
    logger: log.logger,
    slackOptions,
    ...(options.store ? { store: options.store(log.logger) } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.drainTimeoutMs !== undefined ? { drainTimeoutMs: options.drainTimeoutMs } : {}),
  });
  await service.start();
  const address = service.slack.server()?.address() as AddressInfo | undefined;
  return {
    ...service,
    log,
    dataDir,
    baseUrl: address ? `http://127.0.0.1:${address.port}` : '',
    async stop() {
      const result = await service.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      return result;
    },
  };
}
