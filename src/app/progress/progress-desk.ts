/**
 * The implementation record as people use it: a measure's record with whether the viewer may edit
 * it, its history, an area's and the whole plan's standing (the dashboard), and updates, which
 * only coordinators may make. A refused update is logged and changes nothing. Every surface (the
 * `/progress` command, the 更新进展 form, the buttons, App Home, the CLI) comes here.
 */
import type { Answer, AreaRef, MeasureResult, PlanSource } from '../../core/answer/answer-schema.js';
import { measureResult, planSource, type AnswerContext } from '../../core/answer/answer-values.js';
import { findMeasure } from '../../core/plan/find-in-plan.js';
import type { ProgressBook, ProgressRequest, UpdateOutcome } from '../../core/progress/progress-book.js';
import { readProgressCommand } from '../../core/progress/read-progress-command.js';
import { areaProgress, progressDashboard, statusCounts, type MeasureLine, type ProgressDashboard, type StatusCounts } from '../../core/progress/progress-overview.js';
import { progressAnswer, readProgressQuestion, type ProgressAnswer } from '../../core/progress/progress-question.js';
import type { ProgressChange, ProgressRecord } from '../../core/progress/progress-schema.js';
import type { AnswerProgress, CardProgress, Contacts } from '../../core/progress/record-view.js';
import type { Logger } from '../../logger.js';
import type { Coordinators } from './coordinators.js';

/** An update's outcome: the book's, or refused (not a coordinator), or not saved (the store failed). */
export type DeskOutcome = UpdateOutcome | { outcome: 'refused' } | { outcome: 'not-saved' };

/** A measure and its record as the viewer sees it. */
export interface MeasureCard {
  measure: MeasureResult;
  /** The plan it is cited from. */
  source: PlanSource;
  progress: CardProgress;
}

/** Where an update came from, for the log. */
export type UpdateSurface = '/progress' | 'modal' | 'cli';

/** An update's outcome, and the measure's card after it (for a measure the plan has). */
export interface UpdateResult {
  result: DeskOutcome;
  card?: MeasureCard;
}

/** What `/progress …` leads to. */
export type ProgressCommandResult =
  | { type: 'usage' }
  | { type: 'invalid'; message: string }
  | { type: 'show'; measure: number; card?: MeasureCard }
  | { type: 'history'; measure: number; changes: ProgressChange[] }
  | { type: 'update'; measure: number; update: UpdateResult };

/** What 更新进展 leads to: the form, or a refusal. */
export type EditorOpening = { type: 'refused'; contacts: Contacts } | { type: 'form'; measure: MeasureResult; record?: ProgressRecord };

export interface ProgressDesk {
  readonly contacts: Contacts;
  /** A measure's card for `viewer` (undefined: nobody in particular, as on a card everyone sees). */
  card(measure: number, viewer: string | undefined): Promise<MeasureCard | undefined>;
  /** What an answer's card or area card shows of the record. */
  forAnswer(answer: Answer, viewer: string | undefined): Promise<AnswerProgress | undefined>;
  /** A measure's history; undefined for a number the plan does not have. */
  history(measure: number): Promise<ProgressChange[] | undefined>;
  dashboard(): Promise<ProgressDashboard>;
  area(number: number): Promise<{ area: AreaRef; counts: StatusCounts; measures: MeasureLine[] } | undefined>;
  /** A question about how measures are being carried out, answered from the record; undefined for any other question. */
  answerQuestion(question: string): Promise<ProgressAnswer | undefined>;
  /** `/progress <text>` from `userId`. */
  command(text: string, userId: string): Promise<ProgressCommandResult>;
  /** 更新进展 clicked by `userId`; undefined for a number the plan does not have. */
  openEditor(measure: number, userId: string): Promise<EditorOpening | undefined>;
  /** An update by `userId` from `surface`: refused unless they are a coordinator. */
  update(userId: string, surface: UpdateSurface, request: Omit<ProgressRequest, 'author'>): Promise<UpdateResult>;
}

export interface ProgressDeskDeps {
  /** The plan and its search (a question about progress names its measure by subject too). */
  ctx: AnswerContext;
  book: ProgressBook;
  coordinators: Coordinators;
  logger: Logger;
}

export function createProgressDesk({ ctx, book, coordinators, logger }: ProgressDeskDeps): ProgressDesk {
  const { plan } = ctx;
  const source = planSource(plan);
  const measureOf = (number: number): MeasureResult | undefined => {
    const measure = findMeasure(plan, number);
    return measure ? measureResult(plan, measure, undefined, 1) : undefined;
  };

  async function card(number: number, viewer: string | undefined): Promise<MeasureCard | undefined> {
    const measure = measureOf(number);
    if (!measure) return undefined;
    const [record, canEdit] = await Promise.all([book.record(number), viewer ? coordinators.canEdit(viewer) : false]);
    return { measure, source, progress: { ...(record ? { record } : {}), canEdit } };
  }

  async function update(userId: string, surface: UpdateSurface, request: Omit<ProgressRequest, 'author'>): Promise<UpdateResult> {
    const refuse = (): UpdateResult => {
      logger.warn({ kind: 'progress', outcome: 'refused', user: userId, surface, measure: request.measure }, 'progress update refused: not a coordinator');
      return { result: { outcome: 'refused' } };
    };
    if (surface !== 'cli' && !(await coordinators.mayWrite(userId))) return refuse();
    let result: UpdateOutcome;
    try {
      result = await book.update({ ...request, author: userId });
    } catch (error) {
      logger.error({ err: error, kind: 'progress', user: userId, surface, measure: request.measure }, 'a progress update could not be saved');
      return { result: { outcome: 'not-saved' } };
    }
    const saved = result.outcome === 'updated' ? { version: result.record.version, fields: result.changes.map((c) => c.field) } : {};
    logger.info({ kind: 'progress', outcome: result.outcome, user: userId, surface, measure: request.measure, ...saved }, `progress update: ${result.outcome}`);
    const after = result.outcome === 'updated' || result.outcome === 'unchanged' || result.outcome === 'stale' ? await card(request.measure, userId) : undefined;
    return { result, ...(after ? { card: after } : {}) };
  }

  return {
    contacts: coordinators.contacts,
    card,
    async forAnswer(answer, viewer) {
      const [only] = answer.results;
      if (answer.kind === 'lookup' && answer.results.length === 1 && only) {
        const shown = await card(only.number, viewer);
        return shown ? { card: shown.progress } : undefined;
      }
      if (answer.kind === 'area' && answer.area) {
        const records = new Map((await book.records()).map((r) => [r.measure, r]));
        return { areaCounts: statusCounts(answer.area.measures.map((m) => m.number), records, book.today()) };
      }
      return undefined;
    },
    history: async (measure) => (measureOf(measure) ? book.history(measure) : undefined),
    dashboard: async () => progressDashboard(plan, await book.records(), book.today()),
    area: async (number) => areaProgress(plan, number, await book.records(), book.today()),
    async answerQuestion(question) {
      const read = readProgressQuestion(ctx, question);
      return read ? progressAnswer(plan, read, await book.records(), book.today()) : undefined;
    },
    async command(text, userId) {
      const command = readProgressCommand(text, plan.measures.length);
      switch (command.type) {
        case 'usage':
        case 'invalid':
          return command;
        case 'show': {
          const shown = await card(command.measure, userId);
          return { type: 'show', measure: command.measure, ...(shown ? { card: shown } : {}) };
        }
        case 'history':
          return { type: 'history', measure: command.measure, changes: await book.history(command.measure) };
        case 'update':
          return { type: 'update', measure: command.measure, update: await update(userId, '/progress', { measure: command.measure, input: command.input }) };
      }
    },
    async openEditor(number, userId) {
      const measure = measureOf(number);
      if (!measure) return undefined;
      if (!(await coordinators.mayWrite(userId))) {
        logger.warn({ kind: 'progress', outcome: 'refused', user: userId, surface: 'button', measure: number }, 'progress update refused: not a coordinator');
        return { type: 'refused', contacts: coordinators.contacts };
      }
      const record = await book.record(number);
      return { type: 'form', measure, ...(record ? { record } : {}) };
    },
    update,
  };
}
