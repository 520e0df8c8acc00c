/**
 * The front door for work, in front of Bolt's listeners, the same for HTTP and Socket Mode (it
 * wraps `app.processEvent`, which both receivers call). For each delivery, in order:
 *
 * 1. Once. A slash command whose `trigger_id` was seen (Socket Mode redelivers envelopes) and an
 *    event whose `event_id` was handled (Slack retries) are acknowledged and not answered again.
 *    Claims are kept in the state store, so this holds across a restart and across replicas.
 * 2. Bounded. When the answers waiting exceed their cap (by count or by age), new work is
 *    refused rather than acknowledged and left waiting: a slash command is acknowledged at once
 *    with {@link BUSY_TEXT}, which the user sees; an event or a click is not acknowledged at all
 *    ({@link Overloaded}: HTTP answers 503 and Slack retries the event later; in Socket Mode the
 *    envelope is left unacknowledged, which Slack redelivers).
 * 3. Durable. An event that owes someone an answer is recorded in the state store's work
 *    ledger before Bolt acknowledges it, and removed once answered; if the process dies in
 *    between, a later start or another replica answers it (see accepted-work-recovery.ts).
 *
 * A delivery replayed from the ledger carries `replayed: true` in its context and skips 1–3.
 */
import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { DigestOwner, EventLedger, WorkLedger } from '../../store/state-store.js';
import type { AcknowledgedWork } from '../acknowledged-work.js';
import { readDelivery } from './slack-delivery.js';

export const BUSY_TEXT = '正忙，请稍后再试。';

/** Thrown to leave a delivery unacknowledged, so Slack delivers it again later. */
export class Overloaded extends Error {
  readonly code = 'OVERLOADED';

  constructor(readonly what: string) {
    super(`overloaded: ${what} refused for Slack to retry`);
    this.name = 'Overloaded';
  }
}

export interface AdmissionDeps {
  work: AcknowledgedWork;
  events: EventLedger;
  ledger: WorkLedger;
  owner: DigestOwner;
  logger: Logger;
  now: () => Date;
}

export type ProcessEvent = App['processEvent'];

export function admitDeliveries(processEvent: ProcessEvent, deps: AdmissionDeps): ProcessEvent {
  const { work, events, ledger, owner, logger } = deps;

  function duplicate(event: ReceiverEvent, fields: Record<string, unknown>): Promise<void> {
    logger.info({ kind: 'event', outcome: 'duplicate', ...fields, retryNum: event.retryNum, retryReason: event.retryReason }, 'delivery: duplicate ignored');
    return event.ack();
  }

  function refuse(what: string): never {
    const pressure = work.pressure();
    logger.warn({ kind: 'admission', outcome: 'refused', what, waiting: pressure.waiting, oldestWaitMs: Math.round(pressure.oldestWaitMs), loopLagMs: Math.round(pressure.loopLagMs) }, `${what}: refused, too much work waiting`);
    throw new Overloaded(what);
  }

  return async (event) => {
    if (event.customProperties?.replayed === true) return processEvent(event);
    const delivery = readDelivery(event.body);
    const nowMs = deps.now().getTime();
    switch (delivery.kind) {
      case 'command': {
        if (delivery.triggerId && !(await events.claim(`command:${delivery.triggerId}`, nowMs))) return duplicate(event, { command: delivery.command, triggerId: delivery.triggerId });
        if (work.pressure().overloaded) {
          logger.warn({ kind: delivery.command, outcome: 'busy' }, `${delivery.command}: busy, asked to try later`);
          return event.ack({ response_type: 'ephemeral', text: BUSY_TEXT });
        }
        return processEvent(event);
      }
      case 'event': {
        const key = `event:${delivery.eventId}`;
        if (!delivery.owesAnswer) {
          if (!(await events.claim(key, nowMs))) return duplicate(event, { eventId: delivery.eventId });
          return processEvent(event);
        }
        if (work.pressure().overloaded) refuse(delivery.eventType);
        if (!(await ledger.accept({ key, body: JSON.stringify(event.body), acceptedAt: nowMs, owner: owner.id }))) return duplicate(event, { eventId: delivery.eventId });
        try {
          await processEvent(event);
        } finally {
          await ledger.finish(key);
        }
        return;
      }
      case 'interaction':
        if (work.pressure().overloaded) refuse(delivery.type);
        return processEvent(event);
      case 'unknown':
        return processEvent(event);
    }
  };
}
