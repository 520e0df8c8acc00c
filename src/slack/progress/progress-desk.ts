/**
 * What Slack's surfaces ask of the coordinators' record: a measure's record with whether the
 * viewer may edit it, its history, an area's and the whole plan's standing (the dashboard), and
 * updates — which only coordinators may make. A refused update is logged and changes nothing.
 */
import type { Answer } from '../../core/answer/answer-schema.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import type { ProgressBook, ProgressRequest, UpdateOutcome } from '../../core/progress/progress-book.js';
import { areaProgress, progressDashboard, statusCounts, type MeasureLine, type ProgressDashboard, type StatusCounts } from '../../core/progress/progress-overview.js';
import type { ProgressChange, ProgressRecord } from '../../core/progress/progress-schema.js';
import type { AreaRef } from '../../core/answer/answer-schema.js';
import type { Logger } from '../../logger.js';
import type { AnswerRenderOptions } from '../../render/blocks/answer-message.js';
import type { CardProgress, Contacts } from '../../render/blocks/progress-blocks.js';
import type { Coordinators } from './coordinators.js';

export type DeskOutcome = UpdateOutcome | { outcome: 'refused' };

export interface ProgressDesk {
  readonly contacts: Contacts;
  mayEdit(userId: string): Promise<boolean>;
  record(measure: number): Promise<ProgressRecord | undefined>;
  /** A card's record, and whether `viewer` may edit it (nobody, on a card everyone sees). */
  card(measure: number, viewer: string | undefined): Promise<CardProgress>;
  /** What an answer's card or area card shows of the record. */
  forAnswer(answer: Answer, viewer: string | undefined): Promise<AnswerRenderOptions['progress']>;
  history(measure: number): Promise<ProgressChange[]>;
  dashboard(): Promise<ProgressDashboard>;
  area(number: number): Promise<{ area: AreaRef; counts: StatusCounts; measures: MeasureLine[] } | undefined>;
  /** An update by `userId` from `surface`: refused unless they are a coordinator. */
  update(userId: string, surface: string, request: Omit<ProgressRequest, 'author'>): Promise<DeskOutcome>;
}

export interface ProgressDeskDeps {
  plan: Plan;
  book: ProgressBook;
  coordinators: Coordinators;
  logger: Logger;
}

export function createProgressDesk({ plan, book, coordinators, logger }: ProgressDeskDeps): ProgressDesk {
  const mayEdit = (userId: string) => coordinators.includes(userId);

  async function card(measure: number, viewer: string | undefined): Promise<CardProgress> {
    const [record, canEdit] = await Promise.all([book.record(measure), viewer ? mayEdit(viewer) : false]);
    return { ...(record ? { record } : {}), canEdit };
  }

  return {
    contacts: coordinators.contacts,
    mayEdit,
    record: (measure) => book.record(measure),
    card,
    async forAnswer(answer, viewer) {
      const [only] = answer.results;
      if (answer.kind === 'lookup' && answer.results.length === 1 && only) return { card: await card(only.number, viewer) };
      if (answer.kind === 'area' && answer.area) {
        const records = new Map((await book.records()).map((r) => [r.measure, r]));
        return { areaCounts: statusCounts(answer.area.measures.map((m) => m.number), records, book.today()) };
      }
      return undefined;
    },
    history: (measure) => book.history(measure),
    dashboard: async () => progressDashboard(plan, await book.records(), book.today()),
    area: async (number) => areaProgress(plan, number, await book.records(), book.today()),
    async update(userId, surface, request) {
      if (!(await mayEdit(userId))) {
        logger.warn({ kind: 'progress', outcome: 'refused', user: userId, surface, measure: request.measure }, 'progress update refused: not a coordinator');
        return { outcome: 'refused' };
      }
      const result = await book.update({ ...request, author: userId });
      const saved = result.outcome === 'updated' ? { version: result.record.version, fields: result.changes.map((c) => c.field) } : {};
      logger.info({ kind: 'progress', outcome: result.outcome, user: userId, surface, measure: request.measure, ...saved }, `progress update: ${result.outcome}`);
      return result;
    },
  };
}
