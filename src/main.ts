/**
 * Process entry (`npm start`): configuration → plan and search → Slack (Socket Mode or HTTP) or,
 * without Slack tokens on a terminal, the local console. Start-up problems (configuration, state
 * store) are one line on standard error and exit code 1, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { config as loadDotEnv } from 'dotenv';
import { openAnswerLibrary, type AnswerLibrary } from './core/answer/open-answer-library.js';
import { PlanLibraryError } from './core/plan/plan-library.js';
import { PlanParseError } from './core/plan/plan-parse-error.js';
import { createSlackService, openLocalApplication } from './compose.js';
import { runLocalConsole } from './cli/console/local-console.js';
import { processIo } from './cli/terminal/cli-io.js';
import { ConfigError, readConfig, type Config } from './config.js';
import { createLogger, scrubText, stdoutLog, type Logger } from './logger.js';
import { StoreError } from './store/store-error.js';

const NO_SLACK =
  'Slack is not configured: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or with SLACK_SIGNING_SECRET (HTTP mode); see .env.example. ' +
  'Without them, `npm start` on a terminal opens the local console.';

function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** DATABASE_URL's password, as written and decoded, masked wherever it appears in the log (the URL itself is cut down by the logger). */
function databasePassword(url: string | undefined): string[] {
  const password = url === undefined ? '' : new URL(url).password;
  if (password === '') return [];
  try {
    return [...new Set([password, decodeURIComponent(password)])];
  } catch {
    return [password];
  }
}

/** The library of plans the configuration names (PLANS_DIR, CURRENT_PLAN), with their indexes. */
function openLibrary(config: Config, logger: Logger): AnswerLibrary {
  return openAnswerLibrary({
    ...(config.plans.dir ? { plansDir: config.plans.dir } : {}),
    ...(config.plans.current ? { currentPlan: config.plans.current } : {}),
    cacheDir: join(config.dataDir, 'plan-indexes'),
    onStaleIndex: (reason) => logger.warn({ reason }, 'the prebuilt search index in index/ is stale; rebuilt it in memory (run `npm run build:index`)'),
    onIndexesBuilt: ({ plans, ms, cached }) =>
      logger.info({ kind: 'plans', plans, ms, cached }, cached ? 'plan indexes loaded' : 'plan indexes built (kept for the next start)'),
    onNearMeaningsOff: (reason) =>
      logger.warn({ reason }, 'answering without near meanings (run `npm run build:index`; it fetches the word vectors from the npm registry)'),
  });
}

async function serveSlack(
  config: Config & { slack: NonNullable<Config['slack']> },
  logger: Logger,
  exit: (code: number, message?: string) => never,
): Promise<void> {
  const started = performance.now();
  const service = await createSlackService({ config, library: openLibrary(config, logger), logger });

  // Listening for signals before start-up ends: work adopted at start is answered meanwhile.
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    void service
      .stop()
      .then(({ dropped, unwritten }) => {
        const lost = [
          dropped > 0 ? `${dropped} acknowledged request(s) unanswered at the drain deadline` : '',
          unwritten > 0 ? `${unwritten} record(s) the state store could not take` : '',
        ].filter(Boolean);
        return lost.length > 0 ? exit(1, `stopped with ${lost.join(' and ')}`) : exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await service.start();
  logger.info(
    {
      mode: service.slack.mode,
      ms: Math.round(performance.now() - started),
      state: service.store.location,
      digest: config.digest.channel ?? 'off',
      semantic: config.embeddings?.model ?? 'off',
    },
    'ready',
  );
}

async function main(): Promise<void> {
  if (existsSync('.env')) loadDotEnv({ quiet: true });
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) exitWith(error.message);
    throw error;
  }
  const slack = config.slack;
  if (!slack) {
    const io = processIo();
    if (!io.interactive) exitWith(NO_SLACK);
    const logger = createLogger({ level: 'warn', destination: process.stderr });
    let library: AnswerLibrary;
    try {
      library = openLibrary(config, logger);
    } catch (error) {
      if (error instanceof PlanLibraryError || error instanceof PlanParseError) exitWith(error.message);
      throw error;
    }
    const local = await openLocalApplication(library, config, 'read', logger);
    try {
      await runLocalConsole(local.application, io, 'no-slack-tokens');
    } finally {
      await local.close();
    }
    return;
  }

  const secrets = [
    slack.botToken,
    ...(slack.mode === 'socket' ? [slack.appToken] : [slack.signingSecret]),
    ...(config.embeddings?.apiKey ? [config.embeddings.apiKey] : []),
    ...databasePassword(config.databaseUrl),
  ];
  const output = stdoutLog();
  const logger = createLogger({ level: config.logLevel, secrets, destination: output });
  /** Exits after writing out the buffered log lines (and, if given, one line on standard error). */
  const exit = (code: number, message?: string): never => {
    output.flushSync();
    // Scrubbed as the log is: an unexpected error's message may quote a URL or a secret.
    if (message) process.stderr.write(`${scrubText(message, secrets)}\n`);
    process.exit(code);
  };
  // Last resorts, logged never silently: a promise nobody awaited is logged and the app keeps
  // serving; an exception nothing caught leaves the process in an unknown state, so it exits 1.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection; still serving'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting');
    exit(1, `stopped after an unexpected error: ${error.message}`);
  });
  try {
    await serveSlack({ ...config, slack }, logger, exit);
  } catch (error) {
    if (error instanceof StoreError || error instanceof ConfigError || error instanceof PlanLibraryError || error instanceof PlanParseError)
      exit(1, error.message);
    logger.fatal({ err: error }, 'start-up failed');
    exit(1, `start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

await main();
