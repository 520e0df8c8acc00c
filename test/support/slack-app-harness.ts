/**
 * The real Slack app, started against the fake Slack on loopback: HTTP mode on 127.0.0.1 with a
 * random port, or Socket Mode against the local Socket Mode server. Each harness owns a fresh
 * DATA_DIR and stops everything it started.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SlackConfig } from '../../src/config.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../src/slack/app.js';
import { createKnownThreads } from '../../src/slack/conversation/known-threads.js';
import type { SlackDeps } from '../../src/slack/slack-deps.js';
import { createActivityLog } from '../../src/store/activity-log.js';
import { createProcessedEvents } from '../../src/store/processed-events.js';
import { openStateStore, type StateStore } from '../../src/store/state-store.js';
import { testAnswerContext } from './answer-context.js';
import { captureLogger, type CapturedLogger } from './capture-logger.js';
import type { FakeSlackApi } from './fake-slack-api.js';

export const TEST_BOT_TOKEN = 'xoxb-0000-1111-testbottoken';
export const TEST_APP_TOKEN = 'xapp-1-A0APP-2222-testapptoken';
export const TEST_SIGNING_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';

export interface AppHarness {
  slack: SlackApp;
  deps: SlackDeps;
  store: StateStore;
  log: CapturedLogger;
  /** HTTP mode: http://127.0.0.1:PORT */
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startAppHarness(mode: 'http' | 'socket', api: FakeSlackApi, options: SlackAppOptions = {}): Promise<AppHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ipplan-app-'));
  const store = openStateStore(dataDir);
  const log = captureLogger([TEST_SIGNING_SECRET]);
  const deps: SlackDeps = {
    ctx: testAnswerContext(),
    logger: log.logger,
    activity: createActivityLog({ db: store.db, logger: log.logger, timeZone: 'Asia/Shanghai' }),
    processed: createProcessedEvents(store.db, log.logger),
    threads: createKnownThreads(),
  };
  const config: SlackConfig =
    mode === 'http'
      ? { mode, botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET, port: 0, host: '127.0.0.1', apiUrl: api.url }
      : { mode, botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN, apiUrl: api.url };
  const slack = createSlackApp(config, deps, options);
  await slack.start();
  const address = slack.server()?.address() as AddressInfo | undefined;
  return {
    slack,
    deps,
    store,
    log,
    baseUrl: address ? `http://127.0.0.1:${address.port}` : '',
    async stop() {
      await slack.stop();
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
