/**
 * The composition root: the one place that builds the object graph. Entry points (`main.ts`
 * for the server, `cli.ts` for the command line) and tests call these factories; nothing else
 * constructs a store, a search or a Slack app.
 *
 * - {@link openAnswerContext}: the plan from `seeds/`, the lexicons, the search index from
 *   `index/` (rebuilt in memory with a warning when stale), and the search over them.
 * - {@link openStore}: the state store named by the configuration, made resilient.
 * - {@link openProgressBook}: the coordinators' progress record over a store.
 * - {@link createService}: the running service (Slack app, listeners, digest scheduler, and the
 *   semantic search when EMBEDDINGS_URL is set) around an answer context and a store; `start()`
 *   brings it up, `stop()` takes it down in reverse. Bolt is imported here, when a service is
 *   created, so the CLI and the local console never load it; the semantic search's client only
 *   when it is configured.
 */
import type { AnswerContext } from './core/answer/answer-values.js';
import type { DigestContent } from './core/digest/digest-content.js';
import type { DigestHistory } from './core/digest/digest-preview.js';
import { previewDigest } from './core/digest/digest-preview.js';
import type { Plan } from './core/plan/plan-schema.js';
import { loadPlan } from './core/plan/load-plan.js';
import { openSearchIndex } from './core/search/index/open-search-index.js';
import { loadLexicon } from './core/search/lexicon/load-lexicon.js';
import { createPlanSearch } from './core/search/plan-search.js';
import { localDate } from './core/time/local-date.js';
import { createProgressBook, type ProgressBook } from './core/progress/progress-book.js';
import type { Config, EmbeddingsConfig, SlackConfig } from './config.js';
import type { SemanticSearch } from './embeddings/semantic-search.js';
import type { Logger } from './logger.js';
import { createAcknowledgedWork } from './slack/acknowledged-work.js';
import { createAnswering, type QuestionEmbeddings } from './slack/answering.js';
import type { SlackApp, SlackAppOptions } from './slack/app.js';
import { createThreadMemory, THREAD_MEMORY_MS } from './slack/conversation/thread-memory.js';
import type { SlackDeps } from './slack/deps.js';
import { createCoordinators, type Coordinators } from './slack/progress/coordinators.js';
import { createProgressDesk } from './slack/progress/progress-desk.js';
import { createDigestPoster } from './slack/digest/digest-poster.js';
import { createDigestScheduler, type DigestScheduler } from './slack/digest/digest-scheduler.js';
import { createReplicaPresence } from './slack/intake/replica-presence.js';
import { processOwner } from './store/digest-owner.js';
import { resilientStore, type ResilientStore } from './store/resilient-store.js';
import { openPostgresStore } from './store/postgres/postgres-store.js';
import { openExistingSqliteStore, openSqliteStore } from './store/sqlite/sqlite-store.js';
import type { DigestOwner, StateStore } from './store/state-store.js';

export interface OpenAnswerContextOptions {
  indexDir?: string;
  planFile?: string;
  /** Called when the prebuilt index cannot be used and is rebuilt. */
  onStaleIndex?: (reason: string) => void;
}

export function openAnswerContext(options: OpenAnswerContextOptions = {}): AnswerContext {
  const plan = loadPlan(options.planFile);
  const lexicon = loadLexicon();
  const index = openSearchIndex({
    plan,
    lexicon,
    ...(options.indexDir ? { dir: options.indexDir } : {}),
    ...(options.onStaleIndex ? { onStale: options.onStaleIndex } : {}),
  });
  return { plan, search: createPlanSearch(plan, index, lexicon) };
}

/**
 * The state store the configuration names, resilient to passing failures: PostgreSQL when
 * DATABASE_URL is set (several replicas), else SQLite under DATA_DIR. `open()` it before use.
 */
export function openStore(config: Pick<Config, 'dataDir' | 'databaseUrl'>, logger: Logger): ResilientStore {
  return resilientStore(config.databaseUrl ? openPostgresStore(config.databaseUrl) : openSqliteStore(config.dataDir), logger);
}

/** Opens a store, closing it again when it cannot be opened. */
async function opened(store: StateStore): Promise<StateStore> {
  try {
    await store.open();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * The state the configuration names, created if need be, without the resilient layer:
 * administrators' writes from the CLI fail loudly.
 */
export function openStoreForWriting(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<StateStore> {
  return opened(config.databaseUrl ? openPostgresStore(config.databaseUrl) : openSqliteStore(config.dataDir));
}

/**
 * The state the configuration names, for previews from the CLI: the PostgreSQL database when
 * DATABASE_URL is set; else the SQLite file, read only where it exists (empty otherwise).
 */
export async function openExistingStore(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<StateStore> {
  return config.databaseUrl ? opened(openPostgresStore(config.databaseUrl)) : openExistingSqliteStore(config.dataDir);
}

/** The coordinators' progress record kept in `store`, with dates in `timeZone`. */
export function openProgressBook(store: StateStore, plan: Plan, timeZone: string, now: () => Date = () => new Date()): ProgressBook {
  return createProgressBook({ ledger: store.progress, measureCount: plan.measures.length, timeZone, now });
}

/** What the digest preview reads from the store (and, given the record, 昨日进展 and 逾期/受阻). */
export function digestHistory(store: StateStore, progress?: ProgressBook): DigestHistory {
  return {
    cycleStart: () => store.digest.cycleStart(),
    postedDates: () => store.digest.postedDates(),
    activityOn: (date) => store.activity.activityOn(date),
    ...(progress ? { progress } : {}),
  };
}

/** The digest for `date` as it would be posted, from the stored state (read only): the CLI and the console. */
export async function previewStoredDigest(
  plan: Plan,
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'digest' | 'timeZone'>,
  date: string,
  today: string,
): Promise<DigestContent> {
  const store = await openExistingStore(config);
  try {
    return await previewDigest(plan, digestHistory(store, openProgressBook(store, plan, config.timeZone)), config.digest, date, today);
  } finally {
    await store.close();
  }
}

/**
 * What the local console answers from: the answer context, and today's digest from the state in
 * DATA_DIR (the settings are read when a digest is asked for, so a bad one is reported then).
 */
export function consoleDeps(ctx: AnswerContext, settings: () => Pick<Config, 'dataDir' | 'databaseUrl' | 'digest' | 'timeZone'>, now: () => Date = () => new Date()) {
  return {
    ctx,
    todaysDigest: (): Promise<DigestContent> => {
      const config = settings();
      const today = localDate(now(), config.digest.timeZone);
      return previewStoredDigest(ctx.plan, config, today, today);
    },
  };
}

/** Slack stops retrying an event long before this; older delivery keys are pruned at start-up. */
const KEEP_EVENT_KEYS_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DRAIN_TIMEOUT_MS = 8000;

export interface ServiceOptions {
  config: Config & { slack: SlackConfig };
  ctx: AnswerContext;
  logger: Logger;
  /** The state store; opened from the configuration when not given. */
  store?: ResilientStore;
  now?: () => Date;
  slackOptions?: SlackAppOptions;
  /** How long a graceful stop waits for acknowledged work before giving up on it. */
  drainTimeoutMs?: number;
}

export interface StopResult {
  /** Acknowledged requests still unanswered when the deadline came. */
  dropped: number;
}

export interface Service {
  slack: SlackApp;
  deps: SlackDeps;
  store: ResilientStore;
  digest?: DigestScheduler;
  /** Present when EMBEDDINGS_URL is set; its vectors are prepared in the background after `start()`. */
  semantic?: SemanticSearch;
  start(): Promise<void>;
  /** Stops within the drain deadline, whatever clients or Slack do. */
  stop(): Promise<StopResult>;
}

export interface SlackDepsOptions {
  config: Pick<Config, 'timeZone' | 'digest' | 'coordinators'>;
  ctx: AnswerContext;
  store: StateStore;
  logger: Logger;
  now?: () => Date;
  /** The members of a coordinator user group (the Slack app's `usergroups.users.list`). */
  listMembers: (group: string) => Promise<string[]>;
  /** Who may update progress; built from the configuration when not given. */
  coordinators?: Coordinators;
  /** This process (a fresh identity when not given). */
  replica?: DigestOwner;
  /** The semantic search, when configured: questions are then also ranked by meaning. */
  semantic?: QuestionEmbeddings;
}

/** What the listeners are given (also what listener tests build, with an in-memory store). */
export function createSlackDeps({ config, ctx, store, logger, now = () => new Date(), listMembers, coordinators, replica = processOwner(), semantic }: SlackDepsOptions): SlackDeps {
  const book = openProgressBook(store, ctx.plan, config.timeZone, now);
  const history = digestHistory(store, book);
  const today = () => localDate(now(), config.digest.timeZone);
  const who = coordinators ?? createCoordinators({ config: config.coordinators, listMembers, logger, now });
  return {
    answering: createAnswering({ ctx, ...(semantic ? { semantic } : {}), activity: store.activity, progress: book, timeZone: config.timeZone, now }),
    events: store.events,
    ledger: store.work,
    replica,
    threads: createThreadMemory(store.threads, now),
    progress: createProgressDesk({ plan: ctx.plan, book, coordinators: who, logger }),
    work: createAcknowledgedWork(logger),
    logger,
    now,
    todaysDigest: () => previewDigest(ctx.plan, history, config.digest, today(), today()),
  };
}

/** The semantic search over the plan, its client loaded only now that it is configured. */
async function openSemanticSearch(config: EmbeddingsConfig, plan: Plan, dataDir: string, logger: Logger, now: () => Date): Promise<SemanticSearch> {
  const { createSemanticSearch } = await import('./embeddings/semantic-search.js');
  return createSemanticSearch({ config, plan, dataDir, logger, nowMs: () => now().getTime() });
}

export async function createService({ config, ctx, logger, store = openStore(config, logger), now = () => new Date(), slackOptions, drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT_MS }: ServiceOptions): Promise<Service> {
  const { createSlackApp } = await import('./slack/app.js');
  const history = digestHistory(store, openProgressBook(store, ctx.plan, config.timeZone, now));
  // Group members are read with the app's own Web API client, which exists once the app does.
  const listMembers = async (group: string): Promise<string[]> => (await slack.app.client.usergroups.users.list({ usergroup: group })).users ?? [];
  const coordinators = createCoordinators({ config: config.coordinators, listMembers, logger, now });
  const semantic = config.embeddings ? await openSemanticSearch(config.embeddings, ctx.plan, config.dataDir, logger, now) : undefined;
  const deps = createSlackDeps({ config, ctx, store, logger, now, listMembers, coordinators, ...(semantic ? { semantic } : {}) });
  const storeHealth = () => ({ name: 'store', ...store.health() });
  const slack = createSlackApp(config.slack, deps, { ...slackOptions, healthChecks: [storeHealth, ...(slackOptions?.healthChecks ?? [])] });
  const presence = createReplicaPresence({
    replicas: store.replicas,
    ledger: store.work,
    replica: deps.replica,
    settings: { digestTimeZone: config.digest.timeZone },
    processEvent: (event) => slack.app.processEvent(event),
    logger,
    now,
  });

  const channel = config.digest.channel;
  const digest = channel
    ? createDigestScheduler({
        config: { ...config.digest, channel },
        logger,
        now,
        poster: createDigestPoster({ client: slack.app.client, plan: ctx.plan, store: store.digest, history, settings: { ...config.digest, channel }, owner: deps.replica, logger, now }),
      })
    : undefined;

  return {
    slack,
    deps,
    store,
    ...(digest ? { digest } : {}),
    ...(semantic ? { semantic } : {}),
    async start() {
      await store.open();
      await presence.join();
      await store.events.prune(now().getTime() - KEEP_EVENT_KEYS_MS);
      await store.threads.prune(now().getTime() - THREAD_MEMORY_MS);
      await slack.start();
      await presence.start();
      if (config.coordinators.users.length + config.coordinators.groups.length === 0) logger.warn({ kind: 'coordinators' }, 'COORDINATORS is not set: nobody can update progress records');
      void coordinators.refresh();
      digest?.start();
      // In the background: until the plan's vectors are ready, answers are lexical.
      void semantic?.start();
    },
    async stop() {
      const deadline = Date.now() + drainTimeoutMs;
      await slack.stopAccepting();
      // Answers still waiting on the embeddings server finish by the plan's words at once.
      semantic?.stop();
      await digest?.stop();
      const { drained, remaining } = await deps.work.drain(Math.max(0, deadline - Date.now()));
      if (!drained) logger.error({ remaining }, 'stopped before all acknowledged work was answered; it stays recorded for the next start or another replica');
      else logger.info('all acknowledged work answered');
      await presence.stop();
      await slack.stop(Math.max(0, deadline - Date.now()));
      await store.close();
      return { dropped: remaining };
    },
  };
}
