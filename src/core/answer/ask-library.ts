/**
 * A question answered from the library of plans: from the plan it names (`2015年剑网行动叫什么`),
 * across every plan when it asks across the years (`历年的剑网行动`: each plan's measure that
 * answers, newest plan first), otherwise from the current plan. When the current plan has
 * nothing that answers and another year's plan clearly does, that answer is shown under its
 * year, saying so. With one plan in the library this is exactly `askQuestion` on it.
 */
import type { Answer, MeasureResult, Notice } from './answer-schema.js';
import { askQuestion, type AskOptions } from './ask-question.js';
import { planRef, type AnswerContext } from './answer-values.js';
import { notices } from './notices.js';
import type { AnswerLibrary } from './open-answer-library.js';
import { readPlanChoice } from './plan-choice.js';

/** The options for asking `context`: a semantic ranking is of the current plan's measures, so only it gets one. */
function optionsFor(library: AnswerLibrary, context: AnswerContext, options: AskOptions): AskOptions {
  if (context === library.current || options.semantic === undefined) return options;
  const { semantic: _ranking, ...rest } = options;
  return rest;
}

/** An answer the plan gives: it answers, rather than declining or finding nothing. */
const answers = (answer: Answer): boolean =>
  answer.results.length > 0 &&
  (answer.kind === 'lookup' || answer.kind === 'area' || (answer.kind === 'search' && (answer.confidence === 'high' || answer.confidence === 'medium')));

/** The plan the library's answer to `question` should come from, and the text to ask it. */
export function choosePlan(library: AnswerLibrary, question: string): { context: AnswerContext; text: string; notice?: Notice } | { across: string } {
  const choice = readPlanChoice(question, library.plans);
  switch (choice?.kind) {
    case undefined:
      return { context: library.current, text: question };
    case 'across':
      return { across: choice.rest };
    case 'missing':
      return {
        context: library.current,
        text: question,
        notice: notices.noSuchPlan(
          choice.label,
          library.contexts.map((c) => planRef(c.plan).year),
        ),
      };
    case 'named': {
      const context = library.find(choice.plan.id) ?? library.current;
      // The current plan named: the question is asked as typed (its year is part of how people ask).
      return context === library.current ? { context, text: question } : { context, text: choice.rest };
    }
  }
}

/** Each plan's best measure for `text`, newest plan first: the answer to a question across the years. */
function acrossYears(library: AnswerLibrary, question: string, text: string, options: AskOptions): Answer {
  const results: MeasureResult[] = [];
  for (const context of library.contexts) {
    const answer = askQuestion(context, text, { ...optionsFor(library, context, options), limit: 1 });
    const [top] = answer.results;
    if (top && answers(answer)) results.push({ ...top, plan: planRef(context.plan) });
  }
  const current = library.current;
  if (results.length === 0) return askQuestion(current, text, options);
  const base = askQuestion(current, text, options);
  return { ...base, query: question, kind: 'years', results, total: results.length, confidence: 'high', confidenceScore: 1 };
}

export function askLibrary(library: AnswerLibrary, question: string, options: AskOptions = {}): Answer {
  const chosen = choosePlan(library, question);
  if ('across' in chosen) return acrossYears(library, question, chosen.across, options);
  const answer = askQuestion(chosen.context, chosen.text, optionsFor(library, chosen.context, options));
  if (chosen.notice)
    return { ...answer, notice: answer.notice ? { ...chosen.notice, message: `${chosen.notice.message}${answer.notice.message}` } : chosen.notice };
  if (chosen.context !== library.current || answers(answer) || library.contexts.length === 1) return answer;
  // Nothing here: another year's plan that clearly answers is shown under its year.
  for (const other of library.contexts) {
    if (other === library.current) continue;
    const elsewhere = askQuestion(other, question, optionsFor(library, other, options));
    if (answers(elsewhere) && elsewhere.kind === 'search' && elsewhere.confidence === 'high') {
      return { ...elsewhere, notice: notices.otherPlan(planRef(library.current.plan).year, planRef(other.plan).year) };
    }
  }
  return answer;
}
