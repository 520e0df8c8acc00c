/**
 * The coordination office's help desk, built in one place (application.ts calls
 * {@link createHelpDesk}): escalations and the office's answers back, standard answers, help
 * channels, the coordinators' `/plan` commands, what is waiting (for the digest and Home), and
 * the whole record for a backup.
 */
import type { HelpDeskBoard } from '../../core/help-desk/help-desk-board.js';
import { helpDeskBoard } from '../../core/help-desk/help-desk-board.js';
import type { HelpDeskCommand } from '../../core/help-desk/help-desk-command.js';
import type { QuestionReader } from '../../core/help-desk/question-match.js';
import { DEFAULT_REVIEW_MONTHS } from '../../core/help-desk/standard-answer-input.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import type { Logger } from '../../logger.js';
import type { HelpDeskSnapshot } from '../../core/backup/state-snapshot.js';
import type { OfficeClock } from '../process/office-clock.js';
import type { Coordinators } from '../progress/coordinators.js';
import { createAnswerChannels, type AnswerChannelResult, type AnswerChannels } from './answer-channels.js';
import { createEscalations, type Escalations } from './escalations.js';
import { helpDeskSnapshot } from './help-desk-snapshot.js';
import type { HelpDeskState } from './help-desk-store.js';
import { createStandardAnswers, type ExpiredStandardAnswers, type StandardAnswerResult, type StandardAnswers } from './standard-answers.js';

/** How the help desk is set up (ESCALATION_CHANNEL, ANSWER_CHANNELS, STANDARD_ANSWER_REVIEW_MONTHS, STANDARD_ANSWERS_EXPIRED). */
export interface HelpDeskSettings {
  /** Where escalations go; without one, 问协调办 is not offered. */
  channel?: string;
  answerChannels: string[];
  reviewMonths: number;
  expired: ExpiredStandardAnswers;
}

/** The help desk off: no coordination channel, no help channels. */
export const HELP_DESK_OFF: HelpDeskSettings = { answerChannels: [], reviewMonths: DEFAULT_REVIEW_MONTHS, expired: 'notice' };

/** A coordinator's `/plan 标准答复 …` or `/plan 设置 …`, and what it came to. */
export type HelpDeskReply = StandardAnswerResult | AnswerChannelResult;

/** Everything the help desk keeps, for a backup (the `progress export` JSON). */
export type HelpDeskExport = HelpDeskSnapshot;

export interface HelpDesk {
  escalations: Escalations;
  standardAnswers: StandardAnswers;
  answerChannels: AnswerChannels;
  /** A coordinator's command, from `userId` in `channel`. */
  command(command: Exclude<HelpDeskCommand, { type: 'invalid' }>, who: { userId: string; channel: string }): Promise<HelpDeskReply>;
  /** Open escalations and standard answers due for review; undefined when the store cannot be read just now. */
  board(): Promise<HelpDeskBoard | undefined>;
  /** Everything kept; fails loudly when the store cannot be read (an administrator's backup). */
  export(): Promise<HelpDeskExport>;
}

export interface HelpDeskDeps {
  plan: Plan;
  reader: QuestionReader;
  state: HelpDeskState;
  coordinators: Coordinators;
  clock: OfficeClock;
  logger: Logger;
  settings: HelpDeskSettings;
}

export function createHelpDesk({ plan, reader, state, coordinators, clock, logger, settings }: HelpDeskDeps): HelpDesk {
  const standardAnswers = createStandardAnswers({
    plan,
    reader,
    book: state.standardAnswers,
    coordinators,
    clock,
    logger,
    reviewMonths: settings.reviewMonths,
    expired: settings.expired,
  });
  const escalations = createEscalations({
    plan,
    ledger: state.escalations,
    book: state.standardAnswers,
    coordinators,
    clock,
    logger,
    channel: settings.channel,
    reviewMonths: settings.reviewMonths,
    onSaved: () => standardAnswers.reread(),
  });
  const answerChannels = createAnswerChannels({ book: state.answerChannels, configured: settings.answerChannels, coordinators, clock, logger });

  return {
    escalations,
    standardAnswers,
    answerChannels,
    async command(command, { userId, channel }) {
      switch (command.type) {
        case 'list':
          return standardAnswers.list();
        case 'show':
          return standardAnswers.show(command.id);
        case 'edit':
          return standardAnswers.edit(userId, command.id, { change: 'text', text: command.text });
        case 'measures':
          return standardAnswers.edit(userId, command.id, { change: 'measures', measures: command.measures });
        case 'review':
          return standardAnswers.edit(userId, command.id, { change: 'review' });
        case 'retire':
          return standardAnswers.edit(userId, command.id, { change: 'retire' });
        case 'auto-answer':
          return answerChannels.set(userId, channel, command.on);
      }
    },
    async board() {
      try {
        const [all, answers] = await Promise.all([state.escalations.all(), state.standardAnswers.all()]);
        return helpDeskBoard(all, answers, clock.now().getTime(), clock.today());
      } catch {
        return undefined;
      }
    },
    export: () => helpDeskSnapshot(state),
  };
}
