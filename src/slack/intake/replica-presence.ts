/**
 * This process among the replicas sharing one state store:
 *
 * - {@link ReplicaPresence.join} registers it with the settings every replica must share (the
 *   digest's time zone: two replicas counting dates in different zones would post two digests
 *   for one day). A live replica with other settings makes start-up fail with one line.
 * - Every {@link REPLICA_HEARTBEAT_MS} it says it is alive, and adopts the accepted work of
 *   replicas that are gone (a `kill -9` between acknowledgement and answer, here or elsewhere):
 *   each delivery is answered through the app as if it had just arrived, marked `replayed`.
 *   Work older than {@link FRESH_WORK_MS} is dropped with a warning: an answer that late would
 *   confuse more than help (and a slash command's response URL is only good for 30 minutes).
 */
import type { ReceiverEvent } from '@slack/bolt';
import { z } from 'zod';
import { ConfigError } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Replica } from '../../app/process/replica.js';
import { REPLICA_HEARTBEAT_MS, type ReplicaRegistry, type WorkLedger } from '../../store/state-store.js';

/** Accepted work still answered after a crash if it is younger than this. */
export const FRESH_WORK_MS = 10 * 60 * 1000;

const SettingsSchema = z.object({ digestTimeZone: z.string() });
export type ReplicaSettings = z.infer<typeof SettingsSchema>;

const DeliveryBodySchema = z.record(z.string(), z.unknown());

export interface ReplicaPresenceDeps {
  replicas: ReplicaRegistry;
  ledger: WorkLedger;
  replica: Replica;
  settings: ReplicaSettings;
  /** Hands a delivery to the app (its listeners answer it). */
  processEvent: (event: ReceiverEvent) => Promise<void>;
  logger: Logger;
  now: () => Date;
  intervalMs?: number;
}

export interface ReplicaPresence {
  /** Registers this replica; a {@link ConfigError} when a live one runs with other settings. */
  join(): Promise<void>;
  /** Starts adopting and answering what gone replicas left, now and on every heartbeat. */
  start(): Promise<void>;
  /** One heartbeat and adoption round; resolves with how many deliveries were answered. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const settingsOf = (text: string): ReplicaSettings | undefined => SettingsSchema.safeParse(parseJson(text)).data;

export function createReplicaPresence(deps: ReplicaPresenceDeps): ReplicaPresence {
  const { replicas, ledger, replica, logger } = deps;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<number> | undefined;

  async function adoptAndAnswer(): Promise<number> {
    const nowMs = deps.now().getTime();
    await replicas.heartbeat(replica, nowMs);
    const { adopted, expired } = await ledger.adopt(replica, nowMs, nowMs - FRESH_WORK_MS);
    if (expired > 0) logger.warn({ kind: 'recovery', expired, freshForMs: FRESH_WORK_MS }, 'accepted work too old to answer was dropped');
    let answered = 0;
    for (const work of adopted) {
      const body = DeliveryBodySchema.safeParse(parseJson(work.body));
      logger.info({ kind: 'recovery', key: work.key, ageMs: nowMs - work.acceptedAt }, 'answering work accepted by a replica that is gone');
      if (body.success) {
        await deps.processEvent({ body: body.data, ack: async () => undefined, customProperties: { replayed: true } });
        answered += 1;
      }
      await ledger.finish(work.key);
    }
    return answered;
  }

  function sweep(): Promise<number> {
    sweeping ??= adoptAndAnswer()
      .catch((error: unknown) => {
        logger.error({ err: error, kind: 'recovery' }, 'could not adopt accepted work; will try again');
        return 0;
      })
      .finally(() => {
        sweeping = undefined;
      });
    return sweeping;
  }

  return {
    async join() {
      const others = await replicas.join(replica, JSON.stringify(deps.settings), deps.now().getTime());
      const other = others[0];
      if (!other) return;
      const theirs = settingsOf(other.settings)?.digestTimeZone ?? 'unknown';
      throw new ConfigError(
        'DIGEST_TZ',
        `DIGEST_TZ is ${deps.settings.digestTimeZone} here, but the replica on ${other.host} (pid ${other.pid}) runs on the same state with ${theirs}: every replica must count digest dates in one time zone. Set DIGEST_TZ=${theirs}, or stop every replica and start them all with the new value.`,
      );
    },
    async start() {
      void sweep(); // answered in the background: start-up does not wait on Slack
      timer = setInterval(() => void sweep(), deps.intervalMs ?? REPLICA_HEARTBEAT_MS);
      timer.unref();
    },
    sweep,
    async stop() {
      clearInterval(timer);
      await sweeping;
      await replicas.leave(replica);
    },
  };
}
