/**
 * What people asked the bot, recorded as it happens for the daily digest: each question with the
 * measures its answer showed and whether the plan had an answer, and each 有帮助/没帮助 click.
 * No user ids are kept, only the question text.
 */
import type { Answer } from '../core/answer/answer-schema.js';
import type { Logger } from '../logger.js';
import { localDate } from '../core/time/local-date.js';
import type { StateDatabase } from './state-store.js';
import { createRetryingWriter } from './write-retry.js';

export type QuestionSurface = 'dm' | 'mention' | 'thread' | 'assistant' | 'command';

/** Measures an answer shows (the top one and the related ones). */
const SHOWN_PER_ANSWER = 5;
/** Longest question text kept. */
const MAX_STORED_QUESTION = 500;

export interface ActivitySummary {
  date: string;
  questions: number;
  /** Measure number → times shown, most shown first. */
  measuresShown: Array<{ number: number; count: number }>;
  /** Questions the plan had no answer for, most recent last, without duplicates. */
  unanswered: string[];
  feedback: { helpful: number; notHelpful: number };
}

export interface ActivityLog {
  recordQuestion(entry: { question: string; answer: Answer; surface: QuestionSurface }): void;
  recordFeedback(entry: { helpful: boolean; question: string; measures: readonly number[] }): void;
  summarise(date: string): ActivitySummary;
  /** Writes waiting for the disk after a failure (0 when all is well). */
  pendingWrites(): number;
}

export interface ActivityLogOptions {
  db: StateDatabase;
  logger: Logger;
  /** The calendar the digest counts days in. */
  timeZone: string;
  now?: () => Date;
}

export function createActivityLog({ db, logger, timeZone, now = () => new Date() }: ActivityLogOptions): ActivityLog {
  const insertQuestion = db.prepare(
    'INSERT INTO questions (date, at, surface, question, kind, measures, found) VALUES (@date, @at, @surface, @question, @kind, @measures, @found)',
  );
  const insertFeedback = db.prepare('INSERT INTO feedback (date, at, helpful, question, measures) VALUES (@date, @at, @helpful, @question, @measures)');
  const questionsOn = db.prepare<[string], { question: string; measures: string; found: number }>('SELECT question, measures, found FROM questions WHERE date = ? ORDER BY id');
  const feedbackOn = db.prepare<[string], { helpful: number; count: number }>('SELECT helpful, COUNT(*) AS count FROM feedback WHERE date = ? GROUP BY helpful');
  const writer = createRetryingWriter(logger);

  return {
    recordQuestion({ question, answer, surface }) {
      const at = now();
      const row = {
        date: localDate(at, timeZone),
        at: at.getTime(),
        surface,
        question: question.slice(0, MAX_STORED_QUESTION),
        kind: answer.kind,
        measures: JSON.stringify(answer.results.slice(0, SHOWN_PER_ANSWER).map((r) => r.number)),
        found: answer.kind === 'none' ? 0 : 1,
      };
      writer.write('question', () => insertQuestion.run(row));
    },

    recordFeedback({ helpful, question, measures }) {
      const at = now();
      const row = { date: localDate(at, timeZone), at: at.getTime(), helpful: helpful ? 1 : 0, question: question.slice(0, MAX_STORED_QUESTION), measures: JSON.stringify(measures) };
      writer.write('feedback', () => insertFeedback.run(row));
    },

    summarise(date) {
      const rows = questionsOn.all(date);
      const shown = new Map<number, number>();
      const unanswered: string[] = [];
      for (const row of rows) {
        for (const n of JSON.parse(row.measures) as number[]) shown.set(n, (shown.get(n) ?? 0) + 1);
        if (!row.found && !unanswered.includes(row.question)) unanswered.push(row.question);
      }
      const feedback = { helpful: 0, notHelpful: 0 };
      for (const f of feedbackOn.all(date)) {
        if (f.helpful) feedback.helpful = f.count;
        else feedback.notHelpful = f.count;
      }
      return {
        date,
        questions: rows.length,
        measuresShown: [...shown].map(([number, count]) => ({ number, count })).sort((a, b) => b.count - a.count || a.number - b.number),
        unanswered,
        feedback,
      };
    },

    pendingWrites: () => writer.pending(),
  };
}
