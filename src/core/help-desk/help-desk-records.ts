/**
 * The coordination office's help desk as it is kept: questions the plan does not answer, passed
 * on to the office (escalations) with the office's replies, the office's standard answers with
 * every version of each, and the channels where every question is answered without an @mention.
 * Plain rows, as any engine stores them; the app declares the ports that keep them
 * (app/help-desk/help-desk-store.ts) and the state store implements them.
 */

/** Where an escalation stands: waiting for the office, answered (a reply relayed), or closed. */
export const ESCALATION_STATES = ['open', 'answered', 'closed'] as const;
export type EscalationState = (typeof ESCALATION_STATES)[number];

/** A question passed on to the coordination office: one per thread it was asked in. */
export interface EscalationRecord {
  id: number;
  /** `<channel>/<thread ts>` of the asker's thread: the same thread escalated twice is one escalation. */
  threadKey: string;
  askerChannel: string;
  askerThreadTs: string;
  /** Who asked the office (the member who clicked 问协调办). */
  asker: string;
  question: string;
  /** The plan the question was asked about (its id, `2014`). */
  plan: string;
  /** The measures the bot found for it, nearest first. */
  measures: number[];
  state: EscalationState;
  createdAt: number;
  /** The delivery that opened it (`click:<trigger id>`): its replay continues it, any other click finds it. */
  openedBy: string;
  /** Where it was posted for the office. */
  coordinationChannel: string;
  /** The asker's thread as a link, once Slack gave one. */
  permalink: string | null;
  /** The office's post, once it is known to be there; its thread is where coordinators answer. */
  coordinationTs: string | null;
  /** When the asker was told in their thread that it was passed on. */
  askerToldAt: number | null;
  answeredAt: number | null;
  answeredBy: string | null;
  closedAt: number | null;
  closedBy: string | null;
}

/** What opening an escalation records; the rest is filled in as its steps are done. */
export type NewEscalation = Pick<
  EscalationRecord,
  'threadKey' | 'askerChannel' | 'askerThreadTs' | 'asker' | 'question' | 'plan' | 'measures' | 'createdAt' | 'openedBy' | 'coordinationChannel'
>;

/** The fields an escalation's steps fill in. */
export type EscalationPatch = Partial<
  Pick<EscalationRecord, 'state' | 'permalink' | 'coordinationTs' | 'askerToldAt' | 'answeredAt' | 'answeredBy' | 'closedAt' | 'closedBy'>
>;

/** A coordinator's reply in an escalation's thread, relayed to the asker. */
export interface EscalationReply {
  escalation: number;
  /** The reply's ts in the coordination channel: with the escalation, what names it. */
  messageTs: string;
  author: string;
  /** As the coordinator wrote it, in plain text. */
  text: string;
  at: number;
  /** The relay in the asker's thread, once it is known to be there. */
  relayTs: string | null;
  /** When 存为标准答复 was offered in the office's thread. */
  offeredAt: number | null;
}

export type NewEscalationReply = Pick<EscalationReply, 'escalation' | 'messageTs' | 'author' | 'text' | 'at'>;
export type EscalationReplyPatch = Partial<Pick<EscalationReply, 'relayTs' | 'offeredAt'>>;

/** The office's standard answer to a question the plan does not answer, as it stands now. */
export interface StandardAnswerRecord {
  id: number;
  /** How many times it was saved (1 when first saved); an edit is written only over the version it was made from. */
  version: number;
  text: string;
  /** The question it answers, as first asked. */
  question: string;
  plan: string;
  measures: number[];
  savedBy: string;
  savedAt: number;
  updatedBy: string;
  updatedAt: number;
  /** YYYY-MM-DD: past this day it is shown with a notice, or not at all. */
  reviewBy: string;
  retired: boolean;
  /** Where it came from (`escalation:<id>:<reply ts>`), so saving the same reply twice saves it once. */
  source: string | null;
}

export type NewStandardAnswer = Pick<StandardAnswerRecord, 'text' | 'question' | 'plan' | 'measures' | 'savedBy' | 'savedAt' | 'reviewBy' | 'source'>;

/** The fields an edit may change. */
export type StandardAnswerFields = Pick<StandardAnswerRecord, 'text' | 'question' | 'measures' | 'reviewBy' | 'retired'>;

/** One saved version of a standard answer: every edit is kept. */
export interface StandardAnswerVersion extends StandardAnswerFields {
  id: number;
  version: number;
  author: string;
  at: number;
}

/** A standard answer as shown above the plan's text, to a question it matched. */
export interface ShownStandardAnswer {
  id: number;
  text: string;
  question: string;
  /** The day it was last saved (YYYY-MM-DD). */
  date: string;
  reviewBy: string;
  /** Past its review date: shown with a notice. */
  pastReview: boolean;
}

/** Whether a channel's top-level questions are answered without an @mention, as a coordinator set it. */
export interface AnswerChannelSetting {
  channel: string;
  enabled: boolean;
  setBy: string;
  setAt: number;
}
