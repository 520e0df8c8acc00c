import type { DigestContent } from '../core/digest/digest-content.js';
import type { Logger } from '../logger.js';
import type { EventLedger } from '../store/state-store.js';
import type { AcknowledgedWork } from './acknowledged-work.js';
import type { Answering } from './answering.js';
import type { ThreadMemory } from './conversation/thread-memory.js';

/** What the listeners need, built once by the composition root and handed to every register function. */
export interface SlackDeps {
  answering: Answering;
  /** Slack deliveries already handled (retries and redeliveries are answered once). */
  events: EventLedger;
  /** The conversations answered in, and what each left for follow-ups. */
  threads: ThreadMemory;
  work: AcknowledgedWork;
  logger: Logger;
  now: () => Date;
  /** Today's digest as it would be posted now (`/plan digest`). */
  todaysDigest: () => Promise<DigestContent>;
}
