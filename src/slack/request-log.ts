/**
 * One log line per handled request: its kind, how long it took and how it ended. Listeners hand
 * their work to {@link handleRequest}, which also counts it as in flight for a graceful stop; an
 * error is logged (never shown to users as a stack) and does not escape into Bolt.
 */
import type { Logger } from '../logger.js';
import { answerTurn } from './answer-turns.js';
import type { InFlight } from './in-flight.js';

export type Outcome = Record<string, unknown> & { outcome: string };

/** What the person waiting is told when their request failed unexpectedly. */
export const INTERNAL_ERROR_TEXT = '抱歉，处理这个请求时出了问题，请稍后再试；如果一直这样，请联系管理员。';

/**
 * `tellUser` runs when `work` fails: the listener's way to tell the person waiting (respond, or a
 * post in the thread), so an acknowledged request is never left in silence.
 */
export async function handleRequest(
  deps: { logger: Logger; inFlight: InFlight },
  kind: string,
  work: () => Promise<Outcome>,
  tellUser?: (text: string) => Promise<unknown>,
): Promise<void> {
  const { logger } = deps;
  const started = performance.now();
  try {
    // Listeners acknowledge first; answers then take turns with incoming requests.
    const result = await deps.inFlight.run(async () => {
      await answerTurn();
      return work();
    });
    logger.info({ ...result, kind, ms: Math.round(performance.now() - started) }, `${kind}: ${result.outcome}`);
  } catch (error) {
    logger.error({ kind, ms: Math.round(performance.now() - started), outcome: 'error', err: error }, `${kind}: failed`);
    if (!tellUser) return;
    try {
      await tellUser(INTERNAL_ERROR_TEXT);
    } catch (tellError) {
      logger.error({ kind, err: tellError }, `${kind}: could not tell the user about the failure either`);
    }
  }
}
