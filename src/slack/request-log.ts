/**
 * One log line per handled request: its kind, how long it took and how it ended. Listeners hand
 * their work to {@link handleRequest}; an error is logged (never shown to users as a stack) and
 * does not escape into Bolt.
 */
import type { Logger } from '../logger.js';

export type Outcome = Record<string, unknown> & { outcome: string };

export async function handleRequest(logger: Logger, kind: string, work: () => Promise<Outcome>): Promise<void> {
  const started = performance.now();
  try {
    const result = await work();
    logger.info({ ...result, kind, ms: Math.round(performance.now() - started) }, `${kind}: ${result.outcome}`);
  } catch (error) {
    logger.error({ kind, ms: Math.round(performance.now() - started), outcome: 'error', err: error }, `${kind}: failed`);
  }
}
