/**
 * The office's standard answers as people meet them: a question that matches one well is
 * answered with it first (core/help-desk/question-match.ts decides), and coordinators list, edit,
 * review and retire them, every edit kept. One past its review date is shown with a notice, or not
 * at all (STANDARD_ANSWERS_EXPIRED).
 *
 * Matching reads the answers from a copy held in memory, read again after this process saves one
 * and at most {@link REREAD_MS} after another replica may have: a question never waits on the store
 * for it, and when the store cannot be read the plan's text is answered alone.
 */
import type { ShownStandardAnswer, StandardAnswerFields, StandardAnswerRecord, StandardAnswerVersion } from '../../core/help-desk/help-desk-records.js';
import { bestMatch, questionShape, type QuestionReader, type QuestionShape } from '../../core/help-desk/question-match.js';
import { checkAnswerText, checkMeasures, pastReview, reviewDate } from '../../core/help-desk/standard-answer-input.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import type { Logger } from '../../logger.js';
import type { OfficeClock } from '../process/office-clock.js';
import type { Coordinators } from '../progress/coordinators.js';
import type { StandardAnswerBook } from './help-desk-store.js';

/** How long the copy held for matching is trusted before it is read again. */
export const REREAD_MS = 60_000;

/** What to do with a standard answer past its review date: show it with a notice, or not at all. */
export type ExpiredStandardAnswers = 'notice' | 'hide';

/** What a coordinator's command on the standard answers comes to. */
export type StandardAnswerResult =
  | { type: 'list'; answers: StandardAnswerRecord[]; today: string }
  | { type: 'detail'; answer: StandardAnswerRecord; history: StandardAnswerVersion[]; today: string }
  | { type: 'saved'; answer: StandardAnswerRecord; change: StandardAnswerChange }
  | { type: 'unchanged'; answer: StandardAnswerRecord }
  | { type: 'not-found'; id: number }
  /** `field`: the form's field the message is about, when the edit came from a form. */
  | { type: 'invalid'; message: string; field?: 'text' | 'measures' }
  | { type: 'refused' }
  | { type: 'unverified' }
  /** Another coordinator changed it meanwhile: nothing was saved. */
  | { type: 'stale' }
  /** The state store cannot be read or written just now: nothing was saved. */
  | { type: 'unavailable' };

export type StandardAnswerChange = 'text' | 'measures' | 'review' | 'retire';

export type StandardAnswerEdit = { change: 'text'; text: string } | { change: 'measures'; measures: number[] } | { change: 'review' } | { change: 'retire' };

/** The 修改 form on App Home as submitted: every field at once, over the version it was opened on. */
export interface StandardAnswerForm {
  version: number;
  text: string;
  measures: number[];
  retired: boolean;
}

/** What 修改 opens: the form, or why not. */
export type StandardAnswerOpening =
  | { type: 'form'; answer: StandardAnswerRecord }
  | Extract<StandardAnswerResult, { type: 'not-found' | 'refused' | 'unverified' | 'unavailable' }>;

export interface StandardAnswers {
  /** The standard answer a question matches well, if any (never fails: without the store, none). */
  find(question: string): Promise<ShownStandardAnswer | undefined>;
  list(): Promise<StandardAnswerResult>;
  show(id: number): Promise<StandardAnswerResult>;
  /** An edit by `userId` (coordinators only), kept as a new version. */
  edit(userId: string, id: number, edit: StandardAnswerEdit): Promise<StandardAnswerResult>;
  /** 修改 on App Home by `userId` (coordinators only). */
  openForm(userId: string, id: number): Promise<StandardAnswerOpening>;
  /** The 修改 form submitted by `userId`: one new version, written only over the version it was opened on. */
  saveForm(userId: string, id: number, form: StandardAnswerForm): Promise<StandardAnswerResult>;
  /** Forgets the copy held for matching (a standard answer was saved). */
  reread(): void;
}

export interface StandardAnswersDeps {
  plan: Plan;
  reader: QuestionReader;
  book: StandardAnswerBook;
  coordinators: Coordinators;
  clock: OfficeClock;
  logger: Logger;
  reviewMonths: number;
  expired: ExpiredStandardAnswers;
}

interface HeldAnswers {
  readAt: number;
  entries: Array<{ item: StandardAnswerRecord; shape: QuestionShape }>;
}

function fieldsOf(answer: StandardAnswerRecord): StandardAnswerFields {
  return { text: answer.text, question: answer.question, measures: answer.measures, reviewBy: answer.reviewBy, retired: answer.retired };
}

export function createStandardAnswers(deps: StandardAnswersDeps): StandardAnswers {
  const { plan, reader, book, coordinators, clock, logger } = deps;
  let held: HeldAnswers | undefined;
  const shapes = new Map<string, QuestionShape>();
  const shapeOf = (question: string): QuestionShape => {
    let shape = shapes.get(question);
    if (!shape) {
      shape = questionShape(reader, question);
      shapes.set(question, shape);
    }
    return shape;
  };

  async function answersHeld(): Promise<HeldAnswers['entries']> {
    const now = clock.now().getTime();
    if (held && now - held.readAt < REREAD_MS) return held.entries;
    const answers = (await book.all()).filter((a) => !a.retired && a.plan === plan.id);
    held = { readAt: now, entries: answers.map((item) => ({ item, shape: shapeOf(item.question) })) };
    return held.entries;
  }

  /** The next fields for an edit, or why it cannot be made. */
  function next(current: StandardAnswerRecord, edit: StandardAnswerEdit): { ok: true; fields: StandardAnswerFields } | { ok: false; message: string } {
    const fields = fieldsOf(current);
    const renewed = reviewDate(clock.today(), deps.reviewMonths);
    switch (edit.change) {
      case 'text': {
        const text = checkAnswerText(edit.text);
        return text.ok ? { ok: true, fields: { ...fields, text: text.value, reviewBy: renewed } } : text;
      }
      case 'measures': {
        const measures = checkMeasures(plan, edit.measures);
        return measures.ok ? { ok: true, fields: { ...fields, measures: measures.value } } : measures;
      }
      case 'review':
        return { ok: true, fields: { ...fields, reviewBy: renewed, retired: false } };
      case 'retire':
        return { ok: true, fields: { ...fields, retired: true } };
    }
  }

  /** Refused or unverified unless `userId` is a coordinator. */
  async function refusal(userId: string, id: number): Promise<{ type: 'refused' } | { type: 'unverified' } | undefined> {
    const access = await coordinators.mayWrite(userId);
    if (access === 'granted') return undefined;
    logger.warn({ kind: 'standard-answer', outcome: access, user: userId, id }, 'standard answer edit refused');
    return { type: access === 'refused' ? 'refused' : 'unverified' };
  }

  type Made =
    | { ok: true; fields: StandardAnswerFields; change: StandardAnswerChange; version: number }
    | { ok: false; message: string; field?: 'text' | 'measures' };

  /** An edit by a coordinator: the next fields from the current answer, written as a new version over `version`. */
  async function write(userId: string, id: number, make: (current: StandardAnswerRecord) => Made): Promise<StandardAnswerResult> {
    const refused = await refusal(userId, id);
    if (refused) return refused;
    try {
      const current = await book.get(id);
      if (!current) return { type: 'not-found', id };
      const made = make(current);
      if (!made.ok) return { type: 'invalid', message: made.message, ...(made.field ? { field: made.field } : {}) };
      if (made.version !== current.version) return { type: 'stale' };
      if (same(made.fields, fieldsOf(current))) return { type: 'unchanged', answer: current };
      const written = await book.write(id, current.version, made.fields, userId, clock.now().getTime());
      if (written.status === 'stale') return { type: 'stale' };
      held = undefined;
      logger.info(
        { kind: 'standard-answer', outcome: made.change, id, version: written.answer.version, user: userId },
        `standard answer ${id}: ${made.change}`,
      );
      return { type: 'saved', answer: written.answer, change: made.change };
    } catch (error) {
      logger.error({ err: error, kind: 'standard-answer', id }, 'a standard answer could not be saved');
      return { type: 'unavailable' };
    }
  }

  const same = (a: StandardAnswerFields, b: StandardAnswerFields): boolean =>
    a.text === b.text && a.question === b.question && a.reviewBy === b.reviewBy && a.retired === b.retired && a.measures.join() === b.measures.join();

  return {
    async find(question) {
      let entries: HeldAnswers['entries'];
      try {
        entries = await answersHeld();
      } catch {
        return undefined; // the store logs its failure; the plan's text is answered alone
      }
      const today = clock.today();
      const usable = deps.expired === 'hide' ? entries.filter((e) => !pastReview(e.item, today)) : entries;
      if (usable.length === 0) return undefined;
      const match = bestMatch(shapeOf(question), usable);
      if (!match) return undefined;
      const a = match.item;
      logger.debug({ kind: 'standard-answer', id: a.id, score: Math.round(match.score * 100) / 100 }, 'a standard answer matched');
      return { id: a.id, text: a.text, question: a.question, date: clock.dayOf(new Date(a.updatedAt)), reviewBy: a.reviewBy, pastReview: pastReview(a, today) };
    },
    async list() {
      try {
        return { type: 'list', answers: await book.all(), today: clock.today() };
      } catch {
        return { type: 'unavailable' };
      }
    },
    async show(id) {
      try {
        const [answer, history] = await Promise.all([book.get(id), book.history(id)]);
        return answer ? { type: 'detail', answer, history, today: clock.today() } : { type: 'not-found', id };
      } catch {
        return { type: 'unavailable' };
      }
    },
    async edit(userId, id, edit) {
      return write(userId, id, (current) => {
        const made = next(current, edit);
        return made.ok ? { ok: true, fields: made.fields, change: edit.change, version: current.version } : made;
      });
    },
    async openForm(userId, id) {
      const refused = await refusal(userId, id);
      if (refused) return refused;
      try {
        const answer = await book.get(id);
        return answer ? { type: 'form', answer } : { type: 'not-found', id };
      } catch {
        return { type: 'unavailable' };
      }
    },
    async saveForm(userId, id, form) {
      return write(userId, id, (current) => {
        const text = checkAnswerText(form.text);
        if (!text.ok) return { ...text, field: 'text' };
        const measures = checkMeasures(plan, form.measures);
        if (!measures.ok) return { ...measures, field: 'measures' };
        const edited = text.value !== current.text;
        const fields = {
          ...fieldsOf(current),
          text: text.value,
          measures: measures.value,
          retired: form.retired,
          ...(edited ? { reviewBy: reviewDate(clock.today(), deps.reviewMonths) } : {}),
        };
        const change: StandardAnswerChange = form.retired && !current.retired ? 'retire' : edited ? 'text' : 'measures';
        return { ok: true, fields, change, version: form.version };
      });
    },
    reread() {
      held = undefined;
    },
  };
}
