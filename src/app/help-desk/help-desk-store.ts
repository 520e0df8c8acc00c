/**
 * The ports the help desk keeps its records through (the state store implements them, on every
 * engine): escalations and the office's replies, standard answers with every version, and the
 * channels a coordinator set to answer without an @mention. The rows are the core's
 * (core/help-desk/help-desk-records.ts).
 */
import type {
  AnswerChannelSetting,
  EscalationPatch,
  EscalationRecord,
  EscalationReply,
  EscalationReplyPatch,
  NewEscalation,
  NewEscalationReply,
  NewStandardAnswer,
  StandardAnswerFields,
  StandardAnswerRecord,
  StandardAnswerVersion,
} from '../../core/help-desk/help-desk-records.js';

export interface EscalationLedger {
  /**
   * Opens an escalation for its thread; when the thread already has one, that one is returned
   * instead (`created: false`) and nothing is written: one escalation per thread.
   */
  open(escalation: NewEscalation): Promise<{ created: boolean; escalation: EscalationRecord }>;
  get(id: number): Promise<EscalationRecord | undefined>;
  /** The escalation whose post for the office is `channel`/`ts`: its thread is where coordinators answer. */
  byCoordinationPost(channel: string, ts: string): Promise<EscalationRecord | undefined>;
  update(id: number, patch: EscalationPatch): Promise<void>;
  /** Forgets an escalation the office never saw (its post was refused): its thread can be escalated again. */
  remove(id: number): Promise<void>;
  /** Every escalation, oldest first. */
  all(): Promise<EscalationRecord[]>;
  /** Records a reply once (`created: false` when it was recorded before: the same reply delivered again). */
  recordReply(reply: NewEscalationReply): Promise<{ created: boolean; reply: EscalationReply }>;
  reply(escalation: number, messageTs: string): Promise<EscalationReply | undefined>;
  updateReply(escalation: number, messageTs: string, patch: EscalationReplyPatch): Promise<void>;
  /** Every reply, in the order recorded. */
  allReplies(): Promise<EscalationReply[]>;
}

export type StandardAnswerWrite = { status: 'written'; answer: StandardAnswerRecord } | { status: 'stale'; current: StandardAnswerRecord | undefined };

export interface StandardAnswerBook {
  /**
   * Saves a new standard answer as version 1 (its first history row too). One with the same
   * `source` is returned instead (`created: false`): the same reply saved twice is saved once.
   */
  create(answer: NewStandardAnswer): Promise<{ created: boolean; answer: StandardAnswerRecord }>;
  get(id: number): Promise<StandardAnswerRecord | undefined>;
  /** Every standard answer, retired ones too, by id. */
  all(): Promise<StandardAnswerRecord[]>;
  /** Writes the next version over `expectedVersion` and keeps it in the history; stale when another edit came first. */
  write(id: number, expectedVersion: number, fields: StandardAnswerFields, author: string, at: number): Promise<StandardAnswerWrite>;
  /** One answer's versions, oldest first. */
  history(id: number): Promise<StandardAnswerVersion[]>;
  /** Every version of every answer, by answer and version. */
  allVersions(): Promise<StandardAnswerVersion[]>;
}

export interface AnswerChannelBook {
  get(channel: string): Promise<AnswerChannelSetting | undefined>;
  set(setting: AnswerChannelSetting): Promise<void>;
  all(): Promise<AnswerChannelSetting[]>;
}

/** The help desk's part of the state. */
export interface HelpDeskState {
  escalations: EscalationLedger;
  standardAnswers: StandardAnswerBook;
  answerChannels: AnswerChannelBook;
}
