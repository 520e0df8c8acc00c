/**
 * The implementation record as people use it: a measure's record with whether the viewer may edit
 * it, its history, an area's and the whole plan's standing (the dashboard), and updates, which
 * only coordinators may make. A refused update is logged and changes nothing. Every surface (the
 * `/progress` command, the 更新进展 form, the buttons, App Home, the CLI) comes here.
 */
import type { Answer, AreaRef, MeasureResult, PlanSource } from '../../core/answer/answer-schema.js';
import { measureResult, planRef, planSource, type AnswerContext } from '../../core/answer/answer-values.js';
import { choosePlan } from '../../core/answer/ask-library.js';
import type { AnswerLibrary } from '../../core/answer/open-answer-library.js';
import { planArgument } from '../../core/answer/plan-argument.js';
import { findMeasure } from '../../core/plan/find-in-plan.js';
import type { ProgressBook, ProgressRequest, UpdateOutcome } from '../../core/progress/progress-book.js';
import { readProgressCommand } from '../../core/progress/read-progress-command.js';
import {
  areaProgress,
  progressDashboard,
  statusCounts,
  type MeasureLine,
  type ProgressDashboard,
  type StatusCounts,
} from '../../core/progress/progress-overview.js';
import { progressAnswer, readProgressQuestion, type ProgressAnswer } from '../../core/progress/progress-question.js';
import type { ProgressChange, ProgressRecord } from '../../core/progress/progress-schema.js';
import type { AnswerProgress, CardProgress, Contacts } from '../../core/progress/record-view.js';
import type { Logger } from '../../logger.js';
import type { Coordinators } from './coordinators.js';

/**
 * An update's outcome: the book's; refused (not a coordinator); unverified (whether they are one
 * could not be settled in time: ask again shortly); or not saved (the store failed).
 */
export type DeskOutcome = UpdateOutcome | { outcome: 'refused' } | { outcome: 'unverified' } | { outcome: 'not-saved' };

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
  /** `/progress 2013-42`: a year's plan the library does not hold. */
  | { type: 'no-such-plan'; label: string; held: string[] }
  | { type: 'show'; measure: number; card?: MeasureCard }
  | { type: 'history'; measure: number; read: HistoryRead }
  | { type: 'update'; measure: number; update: UpdateResult };

/** What 更新进展 leads to: the form, or a refusal, or a notice that it cannot be settled or read now. */
export type EditorOpening =
  | { type: 'refused'; contacts: Contacts }
  | { type: 'unverified' }
  | { type: 'unavailable' }
  | { type: 'form'; measure: MeasureResult; record?: ProgressRecord };

/** A measure's history, or that the record cannot be read just now. */
export type HistoryRead = { type: 'history'; changes: ProgressChange[] } | { type: 'unavailable' };

/** An area's standing in the record (counts are of nothing when the record cannot be read just now). */
export interface AreaStanding {
  area: AreaRef;
  counts: StatusCounts;
  measures: MeasureLine[];
  unavailable?: boolean;
}

/**
 * A read of the record that its reader can do without (a card, an answer, Home): the value, or
 * undefined when the state store cannot be read just now. The store logs the failure itself
 * (once a minute), so nothing is logged here. Writes never come this way.
 */
async function readable<T>(read: () => Promise<T>): Promise<{ value: T } | undefined> {
  try {
    return { value: await read() };
  } catch {
    return undefined;
  }
}

/**
 * Every method works on one plan's record: the plan named (its id), else the current plan. Home and
 * the digest show the current plan's.
 */
export interface ProgressDesk {
  readonly contacts: Contacts;
  /** A measure's card for `viewer` (undefined: nobody in particular, as on a card everyone sees). */
  card(measure: number, viewer: string | undefined, plan?: string): Promise<MeasureCard | undefined>;
  /** What an answer's card or area card shows of the record (of the answer's plan). */
  forAnswer(answer: Answer, viewer: string | undefined): Promise<AnswerProgress | undefined>;
  /** A measure's history; undefined for a number the plan does not have. */
  history(measure: number, plan?: string): Promise<HistoryRead | undefined>;
  /** The current plan's standing (App Home). */
  dashboard(): Promise<ProgressDashboard>;
  area(number: number, plan?: string): Promise<AreaStanding | undefined>;
  /** A question about how measures are being carried out, answered from the record of the plan it names (the current by default); undefined for any other question. */
  answerQuestion(question: string): Promise<ProgressAnswer | undefined>;
  /** `/progress <text>` from `userId` (`/progress 2015-42 …` for another year's plan). */
  command(text: string, userId: string): Promise<ProgressCommandResult>;
  /** 更新进展 clicked by `userId`; undefined for a number the plan does not have. */
  openEditor(measure: number, userId: string, plan?: string): Promise<EditorOpening | undefined>;
  /** An update by `userId` from `surface`: refused unless they are a coordinator. */
  update(userId: string, surface: UpdateSurface, request: Omit<ProgressRequest, 'author'>, plan?: string): Promise<UpdateResult>;
}

export interface ProgressDeskDeps {
  /** Every plan and its search (a question about progress names its measure by subject too). */
  library: AnswerLibrary;
  /** A plan's record (the current plan's when no id is given). */
  book: (plan?: string) => ProgressBook;
  coordinators: Coordinators;
  logger: Logger;
}

export function createProgressDesk({ library, book, coordinators, logger }: ProgressDeskDeps): ProgressDesk {
  const contextOf = (plan: string | undefined): AnswerContext => (plan === undefined ? undefined : library.find(plan)) ?? library.current;
  const measureOf = (ctx: AnswerContext, number: number): MeasureResult | undefined => {
    const measure = findMeasure(ctx.plan, number);
    return measure ? measureResult(ctx.plan, measure, undefined, 1) : undefined;
  };

  async function card(number: number, viewer: string | undefined, plan?: string): Promise<MeasureCard | undefined> {
    const ctx = contextOf(plan);
    const measure = measureOf(ctx, number);
    if (!measure) return undefined;
    const source = planSource(ctx.plan);
    const [read, canEdit] = await Promise.all([readable(() => book(ctx.plan.id).record(number)), viewer ? coordinators.canEdit(viewer) : false]);
    // Without the record there is nothing to edit from (the form needs its version).
    if (!read) return { measure, source, progress: { canEdit: false, unavailable: true } };
    return { measure, source, progress: { ...(read.value ? { record: read.value } : {}), canEdit } };
  }

  async function history(measure: number, plan?: string): Promise<HistoryRead | undefined> {
    const ctx = contextOf(plan);
    if (!measureOf(ctx, measure)) return undefined;
    const read = await readable(() => book(ctx.plan.id).history(measure));
    return read ? { type: 'history', changes: read.value } : { type: 'unavailable' };
  }

  async function update(userId: string, surface: UpdateSurface, request: Omit<ProgressRequest, 'author'>, plan?: string): Promise<UpdateResult> {
    const ctx = contextOf(plan);
    const access = surface === 'cli' ? 'granted' : await coordinators.mayWrite(userId);
    const logged = { kind: 'progress', user: userId, surface, plan: ctx.plan.id, measure: request.measure };
    if (access !== 'granted') {
      logger.warn(
        { ...logged, outcome: access },
        access === 'refused' ? 'progress update refused: not a coordinator' : 'progress update not made: could not tell in time whether they are a coordinator',
      );
      return { result: { outcome: access === 'refused' ? 'refused' : 'unverified' } };
    }
    let result: UpdateOutcome;
    try {
      result = await book(ctx.plan.id).update({ ...request, author: userId });
    } catch (error) {
      logger.error({ ...logged, err: error }, 'a progress update could not be saved');
      return { result: { outcome: 'not-saved' } };
    }
    const saved = result.outcome === 'updated' ? { version: result.record.version, fields: result.changes.map((c) => c.field) } : {};
    logger.info({ ...logged, outcome: result.outcome, ...saved }, `progress update: ${result.outcome}`);
    const after =
      result.outcome === 'updated' || result.outcome === 'unchanged' || result.outcome === 'stale'
        ? await card(request.measure, userId, ctx.plan.id)
        : undefined;
    return { result, ...(after ? { card: after } : {}) };
  }

  return {
    contacts: coordinators.contacts,
    card,
    async forAnswer(answer, viewer) {
      const [only] = answer.results;
      if (answer.kind === 'lookup' && answer.results.length === 1 && only) {
        const shown = await card(only.number, viewer, answer.plan.id);
        return shown ? { card: shown.progress } : undefined;
      }
      if (answer.kind === 'area' && answer.area) {
        const kept = book(answer.plan.id);
        const read = await readable(() => kept.records());
        if (!read) return { unavailable: true };
        const records = new Map(read.value.map((r) => [r.measure, r]));
        return {
          areaCounts: statusCounts(
            answer.area.measures.map((m) => m.number),
            records,
            kept.today(),
          ),
        };
      }
      return undefined;
    },
    history,
    async dashboard() {
      const kept = book();
      const read = await readable(() => kept.records());
      const dashboard = progressDashboard(library.current.plan, read?.value ?? [], kept.today());
      return read ? dashboard : { ...dashboard, unavailable: true };
    },
    async area(number, plan) {
      const ctx = contextOf(plan);
      const kept = book(ctx.plan.id);
      const read = await readable(() => kept.records());
      const standing = areaProgress(ctx.plan, number, read?.value ?? [], kept.today());
      return standing && !read ? { ...standing, unavailable: true } : standing;
    },
    async answerQuestion(question) {
      const chosen = choosePlan(library, question);
      const [ctx, text] = 'across' in chosen ? [library.current, question] : [chosen.context, chosen.text];
      const asked = readProgressQuestion(ctx, text);
      if (!asked) return undefined;
      const kept = book(ctx.plan.id);
      const read = await readable(() => kept.records());
      const answer = progressAnswer(ctx.plan, asked, read?.value ?? [], kept.today());
      return read ? answer : { ...answer, unavailable: true };
    },
    async command(text, userId) {
      const argument = planArgument(text, library.plans);
      if ('missing' in argument) return { type: 'no-such-plan', label: argument.missing, held: library.contexts.map((c) => planRef(c.plan).year) };
      const ctx = argument.plan ? contextOf(argument.plan.id) : library.current;
      const plan = ctx.plan.id;
      const command = readProgressCommand(argument.plan ? argument.rest : text, ctx.plan.measures.length);
      switch (command.type) {
        case 'usage':
        case 'invalid':
          return command;
        case 'show': {
          const shown = await card(command.measure, userId, plan);
          return { type: 'show', measure: command.measure, ...(shown ? { card: shown } : {}) };
        }
        case 'history':
          return { type: 'history', measure: command.measure, read: (await history(command.measure, plan)) ?? { type: 'history', changes: [] } };
        case 'update':
          return {
            type: 'update',
            measure: command.measure,
            update: await update(userId, '/progress', { measure: command.measure, input: command.input }, plan),
          };
      }
    },
    async openEditor(number, userId, plan) {
      const ctx = contextOf(plan);
      const measure = measureOf(ctx, number);
      if (!measure) return undefined;
      const access = await coordinators.mayWrite(userId);
      if (access === 'unknown') {
        logger.warn(
          { kind: 'progress', outcome: 'unverified', user: userId, surface: 'button', plan: ctx.plan.id, measure: number },
          'progress form not opened: could not tell in time whether they are a coordinator',
        );
        return { type: 'unverified' };
      }
      if (access === 'refused') {
        logger.warn(
          { kind: 'progress', outcome: 'refused', user: userId, surface: 'button', plan: ctx.plan.id, measure: number },
          'progress update refused: not a coordinator',
        );
        return { type: 'refused', contacts: coordinators.contacts };
      }
      const read = await readable(() => book(ctx.plan.id).record(number));
      if (!read) return { type: 'unavailable' };
      return { type: 'form', measure, ...(read.value ? { record: read.value } : {}) };
    },
    update,
  };
}
