import type { AnswerContext } from '../core/answer/answer-context.js';
import type { DigestContent } from '../core/digest/digest-content.js';
import type { Logger } from '../logger.js';
import type { ActivityLog } from '../store/activity-log.js';
import type { ProcessedEvents } from '../store/processed-events.js';
import type { KnownThreads } from './conversation/known-threads.js';
import type { InFlight } from './in-flight.js';

/** What the listeners need, built once at start-up and handed to every register function. */
export interface SlackDeps {
  ctx: AnswerContext;
  activity: ActivityLog;
  processed: ProcessedEvents;
  threads: KnownThreads;
  logger: Logger;
  /** Acknowledged work still to be answered. */
  inFlight: InFlight;
  /** Today's digest as it would be posted now (`/plan digest`). */
  todaysDigest: () => DigestContent;
}
