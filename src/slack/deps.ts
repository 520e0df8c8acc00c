import type { DigestContent } from '../core/digest/digest-content.js';
import type { Logger } from '../logger.js';
import type { DigestOwner, EventLedger, WorkLedger } from '../store/state-store.js';
import type { AcknowledgedWork } from './acknowledged-work.js';
import type { Answering } from './answering.js';
import type { ThreadMemory } from './conversation/thread-memory.js';
import type { ProgressDesk } from './progress/progress-desk.js';

/** What the listeners need, built once by the composition root and handed to every register function. */
export interface SlackDeps {
  answering: Answering;
  /** Slack deliveries already handled (retries and redeliveries are answered once). */
  events: EventLedger;
  /** Work acknowledged and not yet answered, recorded so it survives this process. */
  ledger: WorkLedger;
  /** This process, as the owner of the work it acknowledges. */
  replica: DigestOwner;
  /** The conversations answered in, and what each left for follow-ups. */
  threads: ThreadMemory;
  /** The coordinators' record of each measure's progress, and who may update it. */
  progress: ProgressDesk;
  work: AcknowledgedWork;
  logger: Logger;
  now: () => Date;
  /** Today's digest as it would be posted now (`/plan digest`). */
  todaysDigest: () => Promise<DigestContent>;
}
