/**
 * The front door for work, in front of Bolt's listeners, the same for HTTP and Socket Mode (it
 * wraps `app.processEvent`, which both receivers call). For each delivery, in order:
 *
 * 1. Once. A slash command whose `trigger_id` was seen (Socket Mode redelivers envelopes) and an
 *    event whose `event_id` was handled (Slack retries) are acknowledged and not answered again.
 *    Claims are kept in the state store, so this holds across a restart and across replicas.
 * 2. Bounded. When the process falls behind, new work is refused rather than acknowledged and
 *    left waiting, as the one admission decision below says: a slash command gets the
 *    busy notice, an event or a click is not acknowledged ({@link RetryLater}), so Slack retries.
 * 3. Durable. An event that owes someone an answer, and a click whose work outlives it (问协调办,
 *    存为标准答复), is recorded in the state store's work ledger before Bolt acknowledges it, and
 *    removed once answered; if the process dies in between, a later start or another replica
 *    answers it (replica-presence.ts). When the ledger cannot be written, the delivery is not
 *    acknowledged ({@link RetryLater}): Slack retries it.
 *
 * A delivery replayed from the ledger carries `replayed: true` in its context and skips 1–3.
 */
import type { App, Context, ReceiverEvent } from '@slack/bolt';
import { z } from 'zod';
import { NO_METRICS, type Metrics } from '../../app/process/metrics.js';
import type { Replica } from '../../app/process/replica.js';
import type { Logger } from '../../logger.js';
import type { EventLedger, WorkLedger } from '../../store/state-store.js';
import { readDelivery } from '../payloads/delivery.js';
import type { AcknowledgedWork } from './acknowledged-work.js';

/**
 * The one admission decision: whether new work is taken now, and how a refusal reaches Slack.
 * Both front doors ask it (the HTTP guard before a body is read, and {@link admitDeliveries} for
 * every transport), so the rule and its wording live here only.
 *
 * While the process keeps up, everything is taken. When it falls behind (see
 * acknowledged-work.ts: too many answers waiting, the oldest waiting too long, or the event loop
 * running late):
 *
 * - a slash command is acknowledged at once with {@link BUSY_TEXT}, which the person sees;
 * - an event or a click is not acknowledged at all, so Slack delivers it again later (HTTP 503;
 *   in Socket Mode the envelope is left unacknowledged).
 */
export const BUSY_TEXT = '正忙，请稍后再试。';

/** What arrives at the front door, as far as admission goes. */
export type WorkKind = 'command' | 'event' | 'interaction';

export type Admission = { admit: true } | { admit: false; refusal: 'busy-notice' | 'retry-later' };

/** What a refused slash command is acknowledged with. */
export const BUSY_REPLY = { response_type: 'ephemeral', text: BUSY_TEXT } as const;

export function admission(kind: WorkKind, overloaded: boolean): Admission {
  if (!overloaded) return { admit: true };
  return { admit: false, refusal: kind === 'command' ? 'busy-notice' : 'retry-later' };
}

/**
 * Thrown to leave a delivery unacknowledged, so Slack delivers it again later: the process is
 * falling behind, or the work it would owe cannot be recorded durably (nothing acknowledged may
 * depend on this process's memory alone).
 */
export class RetryLater extends Error {
  readonly code = 'RETRY_LATER';

  constructor(
    readonly what: string,
    readonly reason: 'overloaded' | 'not-recordable',
  ) {
    super(`${reason}: ${what} refused for Slack to retry`);
    this.name = 'RetryLater';
  }
}

export interface AdmissionDeps {
  work: AcknowledgedWork;
  events: EventLedger;
  ledger: WorkLedger;
  owner: Replica;
  logger: Logger;
  now: () => Date;
  /** Where refusals are counted (nowhere by default). */
  metrics?: Metrics;
}

export type ProcessEvent = App['processEvent'];

export function admitDeliveries(processEvent: ProcessEvent, deps: AdmissionDeps): ProcessEvent {
  const { work, events, ledger, owner, logger, metrics = NO_METRICS } = deps;

  function duplicate(event: ReceiverEvent, fields: Record<string, unknown>): Promise<void> {
    logger.info({ kind: 'event', outcome: 'duplicate', ...fields, retryNum: event.retryNum, retryReason: event.retryReason }, 'delivery: duplicate ignored');
    return event.ack();
  }

  /** Leaves `what` unacknowledged when admission says to (Slack retries it). */
  function admitOrRefuse(kind: WorkKind, what: string): void {
    const pressure = work.pressure();
    if (admission(kind, pressure.overloaded).admit) return;
    metrics.admissionRefused('overloaded');
    logger.warn(
      {
        kind: 'admission',
        outcome: 'refused',
        what,
        waiting: pressure.waiting,
        oldestWaitMs: Math.round(pressure.oldestWaitMs),
        loopLagMs: Math.round(pressure.loopLagMs),
      },
      `${what}: refused, too much work waiting`,
    );
    throw new RetryLater(what, 'overloaded');
  }

  /** Records owed work before it is acknowledged, answers it, and removes it once answered (rule 3). */
  async function owed(event: ReceiverEvent, key: string, what: string, nowMs: number, fields: Record<string, unknown>): Promise<void> {
    let accepted: boolean;
    try {
      accepted = await ledger.accept({ key, body: JSON.stringify(event.body), acceptedAt: nowMs, owner: owner.id });
    } catch (error) {
      // Acknowledging work that lives only in memory would lose it to a crash: Slack retries it.
      metrics.admissionRefused('not_recordable');
      logger.error({ err: error, kind: 'admission', outcome: 'refused', what, ...fields }, `${what}: refused, the work ledger cannot be written`);
      throw new RetryLater(what, 'not-recordable');
    }
    if (!accepted) return duplicate(event, fields);
    try {
      await processEvent(event);
    } finally {
      await ledger.finish(key);
    }
  }

  return async (event) => {
    if (event.customProperties?.replayed === true) return processEvent(event);
    const delivery = readDelivery(event.body);
    const nowMs = deps.now().getTime();
    switch (delivery.kind) {
      case 'command': {
        if (delivery.triggerId && !(await events.claim(`command:${delivery.triggerId}`, nowMs)))
          return duplicate(event, { command: delivery.command, triggerId: delivery.triggerId });
        if (!admission('command', work.pressure().overloaded).admit) {
          metrics.admissionRefused('overloaded');
          logger.warn({ kind: delivery.command, outcome: 'busy' }, `${delivery.command}: busy, asked to try later`);
          return event.ack({ ...BUSY_REPLY });
        }
        return processEvent(event);
      }
      case 'event': {
        const key = `event:${delivery.eventId}`;
        if (!delivery.owesAnswer) {
          if (!(await events.claim(key, nowMs))) return duplicate(event, { eventId: delivery.eventId });
          return processEvent(event);
        }
        admitOrRefuse('event', delivery.eventType);
        return owed(event, key, delivery.eventType, nowMs, { eventId: delivery.eventId });
      }
      case 'interaction':
        admitOrRefuse('interaction', delivery.type);
        return delivery.owedKey ? owed(event, delivery.owedKey, delivery.type, nowMs, { key: delivery.owedKey }) : processEvent(event);
      case 'unknown':
        return processEvent(event);
    }
  };
}

/**
 * One message, one answer: a message can arrive as two events (an @mention in a DM thread is an
 * `app_mention` and a `message`), so listeners claim the message itself (`message:<channel>:<ts>`)
 * before answering it. Deliveries as such (`event_id`, `trigger_id`) are deduplicated at the front
 * door (admit-deliveries.ts). Work replayed from the ledger after a crash was claimed by the
 * process that died: it is answered without claiming again.
 */
const ReplayedSchema = z.object({ replayed: z.literal(true) });

/** Whether this delivery is the first of its message (true: answer it). */
export type MessageClaims = (context: Context, channel: string, ts: string) => Promise<boolean>;

/** Whether a delivery was replayed from the work ledger (it may have been answered before the restart). */
export function isReplayed(context: Context): boolean {
  return ReplayedSchema.safeParse(context).success;
}

export function messageClaims(events: Pick<EventLedger, 'claim'>, nowMs: () => number): MessageClaims {
  return async (context, channel, ts) => {
    if (isReplayed(context)) return true;
    return events.claim(`message:${channel}:${ts}`, nowMs());
  };
}
