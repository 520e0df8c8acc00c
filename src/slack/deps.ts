import type { DigestContent } from '../core/digest/digest-content.js';
import type { Logger } from '../logger.js';
import type { EventLedger } from '../store/state-store.js';
import type { AcknowledgedWork } from './acknowledged-work.js';
import type { Answering } from './answering.js';
import type { KnownThreads } from './conversation/known-threads.js';
import type { ProgressDesk } from './progress/progress-desk.js';

/** What the listeners need, built once by the composition root and handed to every register function. */
export interface SlackDeps {
  answering: Answering;
  /** Slack deliveries already handled (retries and redeliveries are answered once). */
  events: EventLedger;
  threads: KnownThreads;
  /** The coordinators' record of each measure's progress, and who may update it. */
  progress: ProgressDesk;
  work: AcknowledgedWork;
  logger: Logger;
  now: () => Date;
  /** Today's digest as it would be posted now (`/plan digest`). */
  todaysDigest: () => Promise<DigestContent>;
}
