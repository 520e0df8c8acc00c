/**
 * Questions the plan does not answer, passed on to the coordination office and answered back:
 *
 * 1. Escalate (问协调办). The asker's thread is checked (its permalink; a thread that is gone
 *    saves nothing), the escalation is recorded (one per thread: a second click finds the first),
 *    posted in the coordination channel with the asker, the plan and measures found and the link,
 *    and the asker is told in their thread.
 * 2. Relay. A coordinator's reply in the escalation's thread is recorded, relayed to the asker's
 *    thread naming who answered, the escalation marked answered, and 存为标准答复 offered in the
 *    office's thread. Replies of anyone else there are left alone.
 * 3. Save (存为标准答复) or close (关闭): coordinators only; saving checks the answer and closes
 *    the escalation.
 *
 * Exactly once, across restarts. Every step is recorded when done, and the Slack side names each
 * post in its metadata (the escalation, the reply), so a step whose outcome was not recorded (the
 * process died, Slack answered late) is looked for before it is posted again. A delivery replayed
 * from the work ledger after a crash, or a second click on an escalation whose steps were left
 * unfinished, continues where the record stops.
 */
import type { EscalationRecord, EscalationReply, StandardAnswerRecord } from '../../core/help-desk/help-desk-records.js';
import { checkAnswerText, checkMeasures, reviewDate } from '../../core/help-desk/standard-answer-input.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import type { Logger } from '../../logger.js';
import type { OfficeClock } from '../process/office-clock.js';
import type { Coordinators } from '../progress/coordinators.js';
import type { EscalationLedger, StandardAnswerBook } from './help-desk-store.js';

/** How a post went: posted now or found already there (`found`); or not (`refused`: Slack said no, nothing was posted). */
export type SlackPost = { ok: true; ts: string; found: boolean } | { ok: false; error: string; refused: boolean };
export type PermalinkRead = { ok: true; permalink: string } | { ok: false; error: string; refused: boolean };

/** Slack as the help desk reaches it (the Slack side implements it, rendering each post). */
export interface EscalationSlack {
  /** A link to the asker's thread. */
  permalink(channel: string, ts: string): Promise<PermalinkRead>;
  /** The escalation for the office, in its channel (naming the plan by `planTitle`); looked for there first when `lookFirst`. */
  postForOffice(escalation: EscalationRecord, planTitle: string, lookFirst: boolean): Promise<SlackPost>;
  /** 已转给协调办, in the asker's thread. */
  tellAsker(escalation: EscalationRecord, lookFirst: boolean): Promise<SlackPost>;
  /** 协调办答复, in the asker's thread (or, when that thread is gone, their DM). */
  relay(escalation: EscalationRecord, reply: EscalationReply, lookFirst: boolean): Promise<SlackPost>;
  /** 存为标准答复, in the office's thread. */
  offerSave(escalation: EscalationRecord, reply: EscalationReply, lookFirst: boolean): Promise<SlackPost>;
  /** Tells one member privately, in the office's thread, why their reply was not relayed. */
  tellReplier(escalation: EscalationRecord, user: string, text: string): Promise<void>;
}

export interface EscalationRequest {
  /** Who clicked 问协调办. */
  asker: string;
  question: string;
  measures: number[];
  /** The asker's thread. */
  thread: { channel: string; threadTs: string };
  /** The delivery that asked (`click:<trigger id>`): its replay continues what it started. */
  delivery: string;
}

export type EscalateOutcome =
  /** No coordination channel is configured. */
  | { outcome: 'off' }
  | { outcome: 'passed-on'; escalation: EscalationRecord }
  /** The thread was escalated before: with the office already. */
  | { outcome: 'already'; escalation: EscalationRecord }
  /** The asker's thread is gone (deleted): nothing was saved. */
  | { outcome: 'thread-gone'; error: string }
  /** The office's channel refused the post (the bot is not in it …): nothing was saved. */
  | { outcome: 'not-delivered'; error: string }
  /** Whether the office's post went through is not known yet: the next click continues. */
  | { outcome: 'unknown'; escalation: EscalationRecord; error: string }
  /** The state store cannot be written just now: nothing was saved. */
  | { outcome: 'not-saved' };

export interface CoordinatorReply {
  channel: string;
  threadTs: string;
  messageTs: string;
  user: string;
  text: string;
  /** Replayed from the work ledger after a restart: its relay may have gone out before. */
  replayed: boolean;
}

export type RelayOutcome =
  | { outcome: 'relayed'; escalation: number; found: boolean }
  | { outcome: 'not-a-coordinator'; escalation: number }
  | { outcome: 'unverified'; escalation: number }
  | { outcome: 'empty'; escalation: number }
  | { outcome: 'relay-failed'; escalation: number; error: string };

export type OfficeDecision =
  | { outcome: 'saved'; answer: StandardAnswerRecord; created: boolean }
  | { outcome: 'closed'; escalation: EscalationRecord }
  | { outcome: 'refused' }
  | { outcome: 'unverified' }
  | { outcome: 'gone' }
  | { outcome: 'invalid'; message: string }
  | { outcome: 'not-saved' };

export interface Escalations {
  /** The coordination channel, when one is configured (问协调办 is offered only then). */
  readonly channel: string | undefined;
  escalate(request: EscalationRequest, slack: EscalationSlack): Promise<EscalateOutcome>;
  /** A reply in a thread of the coordination channel; undefined when it is not an escalation's thread. */
  relay(reply: CoordinatorReply, slack: EscalationSlack): Promise<RelayOutcome | undefined>;
  /** 存为标准答复 on the reply `messageTs` of escalation `id`, by `userId`. */
  save(userId: string, id: number, messageTs: string): Promise<OfficeDecision>;
  /** 关闭 (without saving) on escalation `id`, by `userId`. */
  close(userId: string, id: number): Promise<OfficeDecision>;
}

export interface EscalationsDeps {
  plan: Plan;
  ledger: EscalationLedger;
  book: StandardAnswerBook;
  coordinators: Coordinators;
  clock: OfficeClock;
  logger: Logger;
  /** The coordination channel (ESCALATION_CHANNEL, else DIGEST_CHANNEL). */
  channel: string | undefined;
  reviewMonths: number;
  /** A standard answer was saved: matching must read the answers again. */
  onSaved: () => void;
}

/** Slack's answers that say the asker's thread (or its conversation) is gone. */
const THREAD_GONE: ReadonlySet<string> = new Set(['message_not_found', 'thread_not_found', 'channel_not_found', 'is_archived']);
/**
 * An escalation whose steps are unfinished is continued by its own delivery (the first click, or
 * its replay); by any other click only once it is this old, so two clicks at once do not both post.
 */
export const STEP_LEASE_MS = 60_000;

const threadKey = (channel: string, threadTs: string): string => `${channel}/${threadTs}`;
const complete = (e: EscalationRecord): boolean => e.coordinationTs !== null && e.askerToldAt !== null;

export function createEscalations(deps: EscalationsDeps): Escalations {
  const { ledger, book, coordinators, clock, logger, channel } = deps;
  const nowMs = () => clock.now().getTime();

  /** Posts what is missing of an escalation's steps; the escalation as it stands after, or why not. */
  async function finishSteps(escalation: EscalationRecord, created: boolean, slack: EscalationSlack): Promise<EscalateOutcome> {
    let e = escalation;
    // Not created now: an earlier attempt may have posted without recording it.
    const lookFirst = !created;
    if (e.coordinationTs === null) {
      const posted = await slack.postForOffice(e, deps.plan.title, lookFirst);
      if (!posted.ok) {
        if (posted.refused && created) {
          // The office never saw it: nothing stays saved, the thread can be escalated again.
          await ledger.remove(e.id);
          return { outcome: 'not-delivered', error: posted.error };
        }
        return { outcome: 'unknown', escalation: e, error: posted.error };
      }
      await ledger.update(e.id, { coordinationTs: posted.ts });
      e = { ...e, coordinationTs: posted.ts };
    }
    if (e.askerToldAt === null) {
      const told = await slack.tellAsker(e, lookFirst);
      // The office has it either way; the asker's thread may be gone since (they were told at the click).
      if (told.ok || told.refused) {
        const at = nowMs();
        await ledger.update(e.id, { askerToldAt: at });
        e = { ...e, askerToldAt: at };
      }
    }
    return { outcome: 'passed-on', escalation: e };
  }

  async function escalate(request: EscalationRequest, slack: EscalationSlack): Promise<EscalateOutcome> {
    if (!channel) return { outcome: 'off' };
    const { thread } = request;
    const link = await slack.permalink(thread.channel, thread.threadTs);
    if (!link.ok && link.refused && THREAD_GONE.has(link.error)) return { outcome: 'thread-gone', error: link.error };
    let opened: { created: boolean; escalation: EscalationRecord };
    try {
      opened = await ledger.open({
        threadKey: threadKey(thread.channel, thread.threadTs),
        askerChannel: thread.channel,
        askerThreadTs: thread.threadTs,
        asker: request.asker,
        question: request.question,
        plan: deps.plan.id,
        measures: request.measures,
        createdAt: nowMs(),
        openedBy: request.delivery,
        coordinationChannel: channel,
      });
      if (opened.created && link.ok) {
        await ledger.update(opened.escalation.id, { permalink: link.permalink });
        opened = { ...opened, escalation: { ...opened.escalation, permalink: link.permalink } };
      }
    } catch (error) {
      logger.error({ err: error, kind: 'escalation' }, 'an escalation could not be recorded');
      return { outcome: 'not-saved' };
    }
    const { created, escalation } = opened;
    const ours = created || escalation.openedBy === request.delivery;
    if (!ours) {
      const stalled = !complete(escalation) && nowMs() - escalation.createdAt >= STEP_LEASE_MS;
      if (stalled) await finishSteps(escalation, false, slack);
      return { outcome: 'already', escalation: (await ledger.get(escalation.id)) ?? escalation };
    }
    const outcome = await finishSteps(escalation, created, slack);
    logger.info({ kind: 'escalation', escalation: escalation.id, outcome: outcome.outcome, created }, `escalation ${escalation.id}: ${outcome.outcome}`);
    return outcome;
  }

  async function relay(message: CoordinatorReply, slack: EscalationSlack): Promise<RelayOutcome | undefined> {
    if (!channel || message.channel !== channel) return undefined;
    const escalation = await ledger.byCoordinationPost(message.channel, message.threadTs);
    if (!escalation) return undefined;
    const access = await coordinators.mayWrite(message.user);
    if (access === 'refused') return { outcome: 'not-a-coordinator', escalation: escalation.id };
    if (access === 'unknown') {
      await slack.tellReplier(escalation, message.user, '暂时无法确认你是否为协调办人员，这条答复没有转给提问人：请稍后在本话题里重新发送。');
      return { outcome: 'unverified', escalation: escalation.id };
    }
    const text = message.text.trim();
    if (text.length === 0) return { outcome: 'empty', escalation: escalation.id };
    const { created, reply } = await ledger.recordReply({ escalation: escalation.id, messageTs: message.messageTs, author: message.user, text, at: nowMs() });
    const lookFirst = !created || message.replayed;
    let found = false;
    let relayed = reply;
    if (reply.relayTs === null) {
      const posted = await slack.relay(escalation, reply, lookFirst);
      if (!posted.ok) return { outcome: 'relay-failed', escalation: escalation.id, error: posted.error };
      await ledger.updateReply(escalation.id, reply.messageTs, { relayTs: posted.ts });
      relayed = { ...reply, relayTs: posted.ts };
      found = posted.found;
    }
    if (escalation.state === 'open') await ledger.update(escalation.id, { state: 'answered', answeredAt: nowMs(), answeredBy: message.user });
    if (relayed.offeredAt === null) {
      const offered = await slack.offerSave(escalation, relayed, lookFirst);
      if (offered.ok) await ledger.updateReply(escalation.id, reply.messageTs, { offeredAt: nowMs() });
    }
    return { outcome: 'relayed', escalation: escalation.id, found };
  }

  /** Whether `userId` may decide for the office; the outcome to return when not. */
  async function refusal(userId: string, what: string, id: number): Promise<OfficeDecision | undefined> {
    const access = await coordinators.mayWrite(userId);
    if (access === 'granted') return undefined;
    logger.warn(
      { kind: 'escalation', outcome: access, user: userId, escalation: id },
      `${what} refused: ${access === 'refused' ? 'not a coordinator' : 'could not tell in time whether they are one'}`,
    );
    return { outcome: access === 'refused' ? 'refused' : 'unverified' };
  }

  return {
    channel,
    escalate,
    relay,
    async save(userId, id, messageTs) {
      const refused = await refusal(userId, 'saving a standard answer', id);
      if (refused) return refused;
      try {
        const [escalation, reply] = await Promise.all([ledger.get(id), ledger.reply(id, messageTs)]);
        if (!escalation || !reply) return { outcome: 'gone' };
        const text = checkAnswerText(reply.text);
        if (!text.ok) return { outcome: 'invalid', message: text.message };
        const measures = checkMeasures(deps.plan, escalation.measures);
        if (!measures.ok) return { outcome: 'invalid', message: measures.message };
        const at = nowMs();
        const saved = await book.create({
          text: text.value,
          question: escalation.question,
          plan: escalation.plan,
          measures: measures.value,
          savedBy: userId,
          savedAt: at,
          reviewBy: reviewDate(clock.dayOf(new Date(at)), deps.reviewMonths),
          source: `escalation:${id}:${messageTs}`,
        });
        if (escalation.state !== 'closed') await ledger.update(id, { state: 'closed', closedAt: at, closedBy: userId });
        deps.onSaved();
        logger.info(
          { kind: 'standard-answer', outcome: saved.created ? 'saved' : 'already-saved', id: saved.answer.id, escalation: id, user: userId },
          'standard answer saved',
        );
        return { outcome: 'saved', answer: saved.answer, created: saved.created };
      } catch (error) {
        logger.error({ err: error, kind: 'standard-answer', escalation: id }, 'a standard answer could not be saved');
        return { outcome: 'not-saved' };
      }
    },
    async close(userId, id) {
      const refused = await refusal(userId, 'closing an escalation', id);
      if (refused) return refused;
      try {
        const escalation = await ledger.get(id);
        if (!escalation) return { outcome: 'gone' };
        if (escalation.state === 'closed') return { outcome: 'closed', escalation };
        const at = nowMs();
        await ledger.update(id, { state: 'closed', closedAt: at, closedBy: userId });
        return { outcome: 'closed', escalation: { ...escalation, state: 'closed', closedAt: at, closedBy: userId } };
      } catch (error) {
        logger.error({ err: error, kind: 'escalation', escalation: id }, 'an escalation could not be closed');
        return { outcome: 'not-saved' };
      }
    },
  };
}
