/**
 * The running service and the order of its life: what starts first and stops last, and how long a
 * graceful stop waits for acknowledged work. Built by the composition root from its parts.
 *
 * Start (PORT is already bound by the composition root, answering 503 until ready, so a port in
 * use stops start-up before the state is created): open the state → join the replicas (one line
 * and exit when a live one runs with other settings) → prune the state past its retention, and
 * from then on every hour → check the token and connect to Slack, or take requests → adopt work
 * gone replicas left → load the coordinator groups, schedule the digest, and prepare the semantic
 * search's vectors, each in the background.
 *
 * Stop, within the drain deadline whatever clients or Slack do: take no new work → let answers
 * still waiting on the embeddings server finish by the plan's words → stop the digest → wait for
 * acknowledged work → leave the replicas → stop pruning → close the connections → close the state.
 */
import type { Application } from '../app/application.js';
import type { DigestScheduler } from '../app/digest/digest-scheduler.js';
import type { Logger } from '../logger.js';
import type { SlackApp } from '../slack/bolt/app.js';
import type { SlackCoordinators } from '../slack/coordinators/slack-coordinators.js';
import type { AcknowledgedWork } from '../slack/intake/acknowledged-work.js';
import type { ReplicaPresence } from '../slack/intake/replica-presence.js';
import type { ResilientStore } from '../store/resilient-store.js';
import type { StateUpkeep } from './state-upkeep.js';

export const DEFAULT_DRAIN_TIMEOUT_MS = 8000;

/** The semantic search, as the service runs it: started in the background, stopped first, its state reported. */
export interface SemanticPart {
  start(): Promise<void>;
  stop(): void;
  status(): { ready: boolean; failing: boolean };
}

export interface ServiceParts {
  application: Application;
  slack: SlackApp;
  store: ResilientStore;
  /** Prunes the state past its retention, at start-up and while running. */
  upkeep: StateUpkeep;
  work: AcknowledgedWork;
  presence: ReplicaPresence;
  coordinators: SlackCoordinators;
  digest?: DigestScheduler;
  /** The semantic search: its vectors are prepared in the background after start-up. */
  semantic?: SemanticPart;
  logger: Logger;
  /** How long a graceful stop waits for acknowledged work before giving up on it. */
  drainTimeoutMs?: number;
}

export interface StopResult {
  /** Acknowledged requests still unanswered when the deadline came. */
  dropped: number;
  /** Records (questions, feedback, conversations, finished work) the state store could not take before the stop. */
  unwritten: number;
}

export interface Service {
  application: Application;
  slack: SlackApp;
  store: ResilientStore;
  work: AcknowledgedWork;
  digest?: DigestScheduler;
  /** Present when EMBEDDINGS_URL is set; its vectors are prepared in the background after `start()`. */
  semantic?: SemanticPart;
  start(): Promise<void>;
  /** Stops within the drain deadline, whatever clients or Slack do. */
  stop(): Promise<StopResult>;
}

export function createService(parts: ServiceParts): Service {
  const { slack, store, upkeep, work, presence, coordinators, digest, semantic, logger, drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT_MS } = parts;
  return {
    application: parts.application,
    slack,
    store,
    work,
    ...(digest ? { digest } : {}),
    ...(semantic ? { semantic } : {}),
    async start() {
      await store.open();
      await presence.join();
      await upkeep.start();
      await slack.start();
      await presence.start();
      const { users, groups } = coordinators.contacts;
      if (users.length + groups.length === 0) logger.warn({ kind: 'coordinators' }, 'COORDINATORS is not set: nobody can update progress records');
      void coordinators.refresh();
      digest?.start();
      // In the background: until the plan's vectors are ready, answers are lexical.
      void semantic?.start();
    },
    async stop() {
      const deadline = Date.now() + drainTimeoutMs;
      await slack.stopAccepting();
      semantic?.stop();
      await digest?.stop();
      const { drained, remaining } = await work.drain(Math.max(0, deadline - Date.now()));
      if (!drained) logger.error({ remaining }, 'stopped before all acknowledged work was answered; it stays recorded for the next start or another replica');
      else logger.info('all acknowledged work answered');
      await presence.stop();
      await upkeep.stop();
      await slack.stop(Math.max(0, deadline - Date.now()));
      await store.flush();
      const unwritten = store.pendingWrites();
      if (unwritten > 0)
        logger.error({ unwritten, kinds: store.pendingByKind() }, `stopped with ${unwritten} record(s) the state store could not take; they are lost`);
      await store.close();
      return { dropped: remaining, unwritten };
    },
  };
}
