/**
 * The running service: the answer context, the state store, the Slack app and, when
 * DIGEST_CHANNEL is set, the digest scheduler, wired together. `start()` brings them up in order;
 * `stop()` takes them down in reverse, letting a digest post in progress finish.
 */
import type { AnswerContext } from './core/answer/answer-context.js';
import type { Config, SlackConfig } from './config.js';
import { createDigestPoster, previewDigest } from './slack/digest/post-digest.js';
import { createDigestScheduler, type DigestScheduler } from './slack/digest/digest-scheduler.js';
import type { Logger } from './logger.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from './slack/app.js';
import { createKnownThreads } from './slack/conversation/known-threads.js';
import { createInFlight } from './slack/in-flight.js';
import type { SlackDeps } from './slack/slack-deps.js';
import { createActivityLog } from './store/activity-log.js';
import { createDigestStore, processOwner } from './store/digest-store.js';
import { createProcessedEvents } from './store/processed-events.js';
import { openStateStore, type StateStore } from './store/state-store.js';
import { localDate } from './core/time/local-date.js';

export interface ServiceOptions {
  config: Config & { slack: SlackConfig };
  ctx: AnswerContext;
  logger: Logger;
  now?: () => Date;
  slackOptions?: SlackAppOptions;
  /** How long a graceful stop waits for acknowledged work before giving up on it. */
  drainTimeoutMs?: number;
}

export const DEFAULT_DRAIN_TIMEOUT_MS = 8000;

export interface Service {
  slack: SlackApp;
  deps: SlackDeps;
  store: StateStore;
  digest?: DigestScheduler;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createService({ config, ctx, logger, now = () => new Date(), slackOptions, drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT_MS }: ServiceOptions): Service {
  const store = openStateStore(config.dataDir);
  const activity = createActivityLog({ db: store.db, logger, timeZone: config.timeZone, now });
  const digestStore = createDigestStore(store.db);
  const processed = createProcessedEvents(store.db, logger);
  processed.prune();
  const today = () => localDate(now(), config.digest.timeZone);

  const deps: SlackDeps = {
    ctx,
    logger,
    activity,
    processed,
    threads: createKnownThreads(),
    inFlight: createInFlight(),
    todaysDigest: () => previewDigest({ ctx, store: digestStore, activity, config: config.digest }, today(), today()),
  };
  const slack = createSlackApp(config.slack, deps, slackOptions);

  const channel = config.digest.channel;
  const digest = channel
    ? createDigestScheduler({
        config: { ...config.digest, channel },
        logger,
        now,
        poster: createDigestPoster({ client: slack.app.client, ctx, store: digestStore, activity, config: { ...config.digest, channel }, owner: processOwner(), logger, now }),
      })
    : undefined;

  return {
    slack,
    deps,
    store,
    ...(digest ? { digest } : {}),
    async start() {
      await slack.start();
      digest?.start();
    },
    async stop() {
      await slack.stopAccepting();
      await digest?.stop();
      const { drained, remaining } = await deps.inFlight.drain(drainTimeoutMs);
      if (!drained) logger.error({ remaining }, 'stopped before all acknowledged work was answered');
      else logger.info('all acknowledged work answered');
      await slack.stop();
      store.close();
    },
  };
}
