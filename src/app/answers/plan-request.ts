/**
 * `/plan <text>` (and the console's `/plan`): usage without text, help for “help” (帮助 …), today's
 * digest for “digest” (简报), a question about progress answered from the record, anything else a
 * question answered from the plan. Only the asker sees the reply, so no conversation is kept.
 */
import type { Answer } from '../../core/answer/answer-schema.js';
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
  | { kind: 'answer'; answer: Answer };

export interface PlanRequests {
  answer(text: string, surface: Extract<Surface, '/plan' | 'console'>): Promise<PlanReply>;
}

export interface PlanRequestDeps {
  answerer: Answerer;
  desk: ProgressDesk;
  /** Today's digest as it would be posted. */
  todaysDigest: () => Promise<DigestContent>;
  activity: ActivityRecorder;
  overview: PlanOverview;
}

export function createPlanRequests({ answerer, desk, todaysDigest, activity, overview }: PlanRequestDeps): PlanRequests {
  return {
    async answer(raw, surface) {
      const text = raw.trim();
      if (text.length === 0) return { kind: 'usage' };
      if (isHelpRequest(text)) return { kind: 'help', overview };
      if (isDigestRequest(text)) return { kind: 'digest', digest: await todaysDigest() };
      const progress = await desk.answerQuestion(text);
      if (progress) {
        activity.askedProgress(surface, text, progressMeasures(progress));
        return { kind: 'progress', answer: progress };
      }
      const answer = await answerer.ask(text);
      activity.answered(surface, text, answer);
      return { kind: 'answer', answer };
    },
  };
}
