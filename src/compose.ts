/**
 * The composition root: the one place that builds the object graph, and only that. Entry points
 * (`main.ts` for the server, `cli.ts` for the command line) and tests call these factories.
 *
 * - {@link createSlackService}: the running service (Slack app, listeners, digest scheduler, its
 *   metrics, and the semantic search when EMBEDDINGS_URL is set) around an answer context and a
 *   store. Bolt is imported here, when a service is created, so the CLI and the console never
 *   load it; the semantic search's client only when it is configured.
 * - {@link openLocalApplication}: the application over the state the configuration names, for
 *   the CLI and the local console.
 */
import { createApplication, type Application } from './app/application.js';
import type { Metrics } from './app/process/metrics.js';
import { officeClock } from './app/process/office-clock.js';
import { createDigestScheduler } from './app/digest/digest-scheduler.js';
import { createDigestPoster } from './app/digest/post-digest.js';
import { NO_COORDINATORS } from './app/progress/coordinators.js';
import { thisProcess } from './app/process/replica.js';
import type { Config, SlackConfig } from './config.js';
import type { AnswerLibrary } from './core/answer/open-answer-library.js';
import type { Plan } from './core/plan/plan-schema.js';
import type { SemanticSearch } from './embeddings/semantic-search.js';
import type { Logger } from './logger.js';
import { createService, type Service } from './service/service.js';
import { createPrometheusMetrics } from './service/metrics/prometheus-metrics.js';
import { createStateUpkeep } from './service/state-upkeep.js';
import type { SlackAppOptions } from './slack/bolt/app.js';
import { createCoordinators } from './slack/coordinators/slack-coordinators.js';
import { bindPort } from './slack/http/bound-port.js';
import { slackDigestChannel } from './slack/digest/digest-channel.js';
import { createAcknowledgedWork } from './slack/intake/acknowledged-work.js';
import { createReplicaPresence } from './slack/intake/replica-presence.js';
import { localConsoleState } from './store/local-state.js';
import { openExistingStore, openStore, openStoreForWriting } from './store/open/open-store.js';
import type { ResilientStore } from './store/resilient-store.js';

export interface ServiceOptions {
  config: Config & { slack: SlackConfig };
  /** Every plan and its search. */
  library: AnswerLibrary;
  logger: Logger;
  /** The state store; opened from the configuration when not given. */
  store?: ResilientStore;
  now?: () => Date;
  slackOptions?: SlackAppOptions;
  /** How long a graceful stop waits for acknowledged work before giving up on it. */
  drainTimeoutMs?: number;
}

/** The semantic search over the plan when EMBEDDINGS_URL is set, its client loaded only then. */
async function openSemanticSearch(config: Config, plan: Plan, logger: Logger, now: () => Date, metrics: Metrics): Promise<SemanticSearch | undefined> {
  if (!config.embeddings) return undefined;
  const { createSemanticSearch } = await import('./embeddings/semantic-search.js');
  return createSemanticSearch({ config: config.embeddings, plan, dataDir: config.dataDir, logger, nowMs: () => now().getTime(), metrics });
}

export async function createSlackService(options: ServiceOptions): Promise<Service> {
  const { config, library, logger, now = () => new Date(), slackOptions, drainTimeoutMs } = options;
  const { createSlackApp } = await import('./slack/bolt/app.js');
  // PORT first: a port in use or a HOST this machine lacks stops start-up before any state exists.
  const port = config.slack.mode === 'http' || slackOptions?.socketHealth !== false ? await bindPort(config.slack.port, config.slack.host) : undefined;
  const store = options.store ?? openStore(config, logger);
  const clock = officeClock(config.timeZone, now);
  const replica = thisProcess();
  // Read at each scrape; `work` exists by then (it counts into these metrics, so it comes after).
  const metrics = createPrometheusMetrics({ store, work: () => work.pressure() });
  const work = createAcknowledgedWork(logger, { ...config.admission, metrics });
  // Group members are read with the app's own Web API client, which exists once the app does.
  const listMembers = async (group: string): Promise<string[]> => (await slack.app.client.usergroups.users.list({ usergroup: group })).users ?? [];
  const coordinators = createCoordinators({ config: config.coordinators, listMembers, logger, now });
  const semantic = await openSemanticSearch(config, library.current.plan, logger, now, metrics);
  const application = createApplication({
    library,
    state: store,
    coordinators,
    digest: config.digest,
    clock,
    logger,
    helpDesk: config.helpDesk,
    ...(semantic ? { semantic } : {}),
  });
  const storeHealth = () => ({ name: 'store', ...store.health() });
  const slack = createSlackApp(
    config.slack,
    { application, work, events: store.events, ledger: store.work, replica, logger, now, metrics, ...(port ? { port } : {}) },
    { ...slackOptions, healthChecks: [storeHealth, ...(slackOptions?.healthChecks ?? [])] },
  );
  const settings = { digestTimeZone: config.digest.timeZone };
  const presence = createReplicaPresence({
    replicas: store.replicas,
    ledger: store.work,
    replica,
    settings,
    processEvent: (event) => slack.app.processEvent(event),
    logger,
    now,
  });
  const channel = config.digest.channel;
  const poster =
    channel &&
    createDigestPoster({
      channel: slackDigestChannel(slack.app.client, channel, logger),
      digests: application.digests,
      store: store.digest,
      owner: replica,
      logger,
      clock,
      metrics,
    });
  const digest = channel && poster ? createDigestScheduler({ poster, schedule: { ...config.digest, channel }, logger, clock }) : undefined;
  return createService({
    application,
    slack,
    store,
    upkeep: createStateUpkeep({ store, logger, now }),
    work,
    presence,
    coordinators,
    ...(digest ? { digest } : {}),
    ...(semantic ? { semantic } : {}),
    logger,
    ...(drainTimeoutMs !== undefined ? { drainTimeoutMs } : {}),
  });
}

/** The settings a local application reads: where the state is, the office's clock, the digest's. */
export type LocalSettings = Pick<Config, 'dataDir' | 'databaseUrl' | 'digest' | 'timeZone' | 'logLevel' | 'helpDesk'>;

export interface LocalApplication {
  application: Application;
  close(): Promise<void>;
}

/**
 * The application over the state the configuration names, for the CLI and the local console.
 * `write`: an administrator's change (the state is created if need be, and failures are loud);
 * `read`: nothing is created, and the console's questions are not recorded.
 */
export async function openLocalApplication(
  library: AnswerLibrary,
  settings: LocalSettings,
  mode: 'read' | 'write',
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<LocalApplication> {
  const store = await (mode === 'write' ? openStoreForWriting(settings) : openExistingStore(settings));
  const state = mode === 'write' ? store : localConsoleState(store);
  const application = createApplication({
    library,
    state,
    coordinators: NO_COORDINATORS,
    digest: settings.digest,
    clock: officeClock(settings.timeZone, now),
    logger,
    helpDesk: settings.helpDesk,
  });
  return { application, close: () => store.close() };
}
