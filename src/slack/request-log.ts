/**
 * One log line per handled request: its kind, how long it took and how it ended. Listeners hand
 * their work to {@link handleRequest}, which also counts it as in flight for a graceful stop; an
 * error is logged (never shown to users as a stack) and does not escape into Bolt.
 */
import type { Logger } from '../logger.js';
import type { InFlight } from './in-flight.js';

export type Outcome = Record<string, unknown> & { outcome: string };

export async function handleRequest(deps: { logger: Logger; inFlight: InFlight }, kind: string, work: () => Promise<Outcome>): Promise<void> {
  const { logger } = deps;
  const started = performance.now();
  try {
    const result = await deps.inFlight.run(work);
    logger.info({ ...result, kind, ms: Math.round(performance.now() - started) }, `${kind}: ${result.outcome}`);
  } catch (error) {
    logger.error({ kind, ms: Math.round(performance.now() - started), outcome: 'error', err: error }, `${kind}: failed`);
  }
}
