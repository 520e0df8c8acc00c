/**
 * `/plan <text>` (and the console's `/plan`): usage without text, help for “help” (帮助 …), today's
 * digest for “digest” (简报), the coordinators' `标准答复 …` and `设置 …` (the help desk), a question
 * about progress answered from the record, anything else a question answered from the plan, with
 * the office's standard answer first when one matches. Only the asker sees the reply, so no
 * conversation is kept.
 */
import type { Answer } from '../../core/answer/answer-schema.js';
import { readHelpDeskCommand } from '../../core/help-desk/help-desk-command.js';
import type { HelpDesk, HelpDeskReply } from '../help-desk/help-desk.js';
import type { ShownStandardAnswer } from '../../core/help-desk/help-desk-records.js';
import { isDigestRequest, isHelpRequest } from '../../core/answer/command-words.js';
import type { DigestContent } from '../../core/digest/digest-content.js';
import type { PlanOverview } from '../../core/answer/plan-overview.js';
import { progressMeasures, type ProgressAnswer } from '../../core/progress/progress-question.js';
import type { ActivityRecorder, Surface } from './activity-log.js';
import type { Answerer } from './answerer.js';
import type { ProgressDesk } from '../progress/progress-desk.js';

export type PlanReply =
  | { kind: 'usage' }
  | { kind: 'help'; overview: PlanOverview }
  | { kind: 'digest'; digest: DigestContent }
  | { kind: 'progress'; answer: ProgressAnswer }
  | { kind: 'help-desk'; reply: HelpDeskReply }
  | { kind: 'answer'; answer: Answer; standard?: ShownStandardAnswer };

/** Who typed /plan, and where: the help desk's commands act on the person and the channel. */
export interface PlanAsker {
  userId: string;
  channel: string;
}

export interface PlanRequests {
  answer(text: string, surface: Extract<Surface, '/plan' | 'console'>, asker?: PlanAsker): Promise<PlanReply>;
}

export interface PlanRequestDeps {
  answerer: Answerer;
  desk: ProgressDesk;
  /** Today's digest as it would be posted. */
  todaysDigest: () => Promise<DigestContent>;
  activity: ActivityRecorder;
  overview: PlanOverview;
  helpDesk: Pick<HelpDesk, 'command' | 'standardAnswers'>;
}

/** The console has no Slack user: it may read the standard answers, and is refused any change. */
const CONSOLE_ASKER: PlanAsker = { userId: 'console', channel: '' };

export function createPlanRequests({ answerer, desk, todaysDigest, activity, overview, helpDesk }: PlanRequestDeps): PlanRequests {
  return {
    async answer(raw, surface, asker = CONSOLE_ASKER) {
      const text = raw.trim();
      if (text.length === 0) return { kind: 'usage' };
      if (isHelpRequest(text)) return { kind: 'help', overview };
      if (isDigestRequest(text)) return { kind: 'digest', digest: await todaysDigest() };
      const command = readHelpDeskCommand(text);
      if (command) return { kind: 'help-desk', reply: command.type === 'invalid' ? command : await helpDesk.command(command, asker) };
      const progress = await desk.answerQuestion(text);
      if (progress) {
        activity.askedProgress(surface, text, progressMeasures(progress));
        return { kind: 'progress', answer: progress };
      }
      const answer = await answerer.ask(text);
      activity.answered(surface, text, answer);
      const standard =
        answer.kind === 'search' || answer.kind === 'not-covered' || answer.kind === 'none' ? await helpDesk.standardAnswers.find(text) : undefined;
      return { kind: 'answer', answer, ...(standard ? { standard } : {}) };
    },
  };
}
