/**
 * What the semantic search does while the embeddings server fails (unreachable, too slow, an
 * error, an answer it cannot read). In order:
 *
 * 1. Answers go on by the plan's words: a failure is never the asker's problem.
 * 2. After a failure, no call goes to the server for {@link QUIET_PERIOD_MS}; the first call after
 *    that is the probe. So an unreachable server costs a question at most one timeout a minute.
 * 3. Failures are logged at most once per quiet period, each line with how many failures and
 *    questions answered by words alone went unlogged since the last; the server's return is
 *    logged once too.
 *
 * The clock is injected (`nowMs`), so tests pass a minute without waiting for it.
 */
import type { Logger } from '../logger.js';
import { describeFailure, type EmbedFailure } from './embeddings-client.js';

/** How long a failure keeps questions away from the server, and the least time between two failure lines. */
export const QUIET_PERIOD_MS = 60_000;

export type EmbeddingCall = 'question' | 'documents';

export interface EmbeddingsOutage {
  /** Whether a call may go to the server now. */
  allowsCall(): boolean;
  /** A question answered by words alone because the server is resting: counted for the next line. */
  skipped(): void;
  failed(call: EmbeddingCall, failure: EmbedFailure): void;
  succeeded(): void;
  /** Whether the last call failed. */
  failing(): boolean;
}

export interface OutageOptions {
  logger: Logger;
  nowMs: () => number;
  /** For the log: where the server is and which model. */
  endpoint: string;
  model: string;
  quietMs?: number;
}

export function createEmbeddingsOutage({ logger, nowMs, endpoint, model, quietMs = QUIET_PERIOD_MS }: OutageOptions): EmbeddingsOutage {
  let failing = false;
  let failedAt = Number.NEGATIVE_INFINITY;
  let loggedAt = Number.NEGATIVE_INFINITY;
  let unloggedFailures = 0;
  let skipped = 0;

  return {
    allowsCall: () => nowMs() - failedAt >= quietMs,
    skipped() {
      skipped += 1;
    },
    failed(call, failure) {
      failing = true;
      const now = nowMs();
      failedAt = now;
      if (now - loggedAt < quietMs) {
        unloggedFailures += 1;
        return;
      }
      logger.warn(
        { kind: 'embeddings', call, reason: describeFailure(failure), endpoint, model, unloggedFailures, answeredByWords: skipped, retryInMs: quietMs },
        "embeddings server failing: answering by the plan's words alone, trying it again in a minute",
      );
      loggedAt = now;
      unloggedFailures = 0;
      skipped = 0;
    },
    succeeded() {
      if (!failing) return;
      failing = false;
      logger.info({ kind: 'embeddings', endpoint, model, unloggedFailures, answeredByWords: skipped }, 'embeddings server answering again');
      loggedAt = Number.NEGATIVE_INFINITY;
      unloggedFailures = 0;
      skipped = 0;
    },
    failing: () => failing,
  };
}
