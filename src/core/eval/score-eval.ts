/**
 * Figures over an evaluation set. Questions the plan answers with measures (topic, factoid,
 * paraphrase, everyday, English, …, and follow-ups in a thread) are scored by rank: recall@1,
 * recall@3, MRR@10 and, for factoids, whether the top snippet holds the answer; a result only
 * counts when the answer claims it answers (a decline that lists the right measure as related is a
 * miss). The other kinds are scored pass/fail: `decline` passes when the answer does not claim the
 * plan covers the question (and, reported apart, offers one of the nearest measures when there are
 * any); `area` when it opens that area; `overview` when it gives the overview (or the expected
 * first/last measure); `numbers` when it shows exactly the measures named; `structure` (questions
 * about the plan's layout: counted from the end, an area's first or last measure, a range, a
 * neighbour, an area by its ordinal, the areas and their sizes, things the plan counts but does not
 * name) by what a correct answer must be, see {@link passesStructure}.
 */
import type { AnswerKind } from '../answer/answer-schema.js';
import type { EvalQuestion } from './eval-questions.js';

export interface EvalAnswer {
  kind: AnswerKind;
  /** Measure numbers shown, best first. */
  numbers: number[];
  /** The top result's snippet, if any. */
  topSnippet?: string;
  /** For kind `area`: the area shown. */
  area?: number;
  /** For kind `overview`: whether it lists every area of the plan. */
  listsEveryArea?: boolean;
  /** For kind `overview`: the areas it names as the answer (the one with the most measures, an area's size). */
  namedAreas?: number[];
}

export interface QuestionOutcome {
  id: string;
  kind: string;
  /** For kind `structure`: the form of question. */
  form?: string;
  q: string;
  expect: number[];
  got: number[];
  answerKind: AnswerKind;
  /** The area expected, and the area the answer opened or named first. */
  area?: number;
  gotArea?: number;
  /** 1-based rank of the first expected measure within the top 10, for ranked kinds; undefined when missing. */
  rank?: number;
  passed: boolean;
  answerFound?: boolean;
}

export interface KindFigures {
  questions: number;
  /** Ranked kinds: recall@3; pass/fail kinds: the share that passed. */
  score: number;
  recallAt1?: number;
  /** For kind `structure`: the share passed by form of question. */
  byForm?: Record<string, { questions: number; score: number }>;
}

export interface EvalReport {
  questions: number;
  /** Over the ranked kinds only. */
  ranked: { questions: number; recallAt1: number; recallAt3: number; mrrAt10: number };
  byKind: Record<string, KindFigures>;
  /** Declines that offered one of the nearest measures, among declines that have some. */
  declinesWithNearest: { questions: number; share: number };
  answerInSnippet: { questions: number; share: number };
  outcomes: QuestionOutcome[];
}

const MRR_DEPTH = 10;
export const PASS_FAIL_KINDS: ReadonlySet<string> = new Set(['decline', 'area', 'overview', 'numbers', 'structure']);
const CLAIMS: ReadonlySet<AnswerKind> = new Set(['search', 'lookup', 'area', 'overview']);
/** Answers that show measures or an area as what was asked for. */
const SHOWS_AN_ANSWER: ReadonlySet<AnswerKind> = new Set(['search', 'lookup', 'area']);
/** Structure forms whose answer may be an area's card or a dedicated answer naming the area. */
const AREA_SIZE_FORMS: ReadonlySet<string> = new Set(['area-most', 'area-fewest', 'area-count']);

function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n) => b.includes(n));
}

function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * A structure question passes when its answer is what a correct one must be:
 *
 * 1. `area-list`: the overview listing every area.
 * 2. `counted-not-named`: a decline (nothing claimed as the answer) citing first the measure that
 *    gives the count, when the set names it.
 * 3. A list of measures expected (from the end, an area's first or last, a range, a neighbour):
 *    exactly those measures, in order, claimed as the answer.
 * 4. An area expected with no measures (by its ordinal, the most or fewest measures, its size):
 *    that area's card, or for the sizes an overview naming that area.
 * 5. Neither (there is no 80th measure, no 8th area; how many measures the plan has): nothing
 *    shown as the answer, that is a decline or the plan as a whole.
 */
function passesStructure(question: EvalQuestion, answer: EvalAnswer): boolean {
  const { form, expect, area } = question;
  if (form === 'area-list') return answer.kind === 'overview' && answer.listsEveryArea === true;
  if (form === 'counted-not-named')
    return !CLAIMS.has(answer.kind) && (expect.length === 0 || (answer.numbers[0] !== undefined && expect.includes(answer.numbers[0])));
  if (expect.length > 0) return CLAIMS.has(answer.kind) && sameOrder(answer.numbers, expect);
  if (area !== undefined) {
    if (answer.kind === 'area') return answer.area === area;
    return form !== undefined && AREA_SIZE_FORMS.has(form) && answer.kind === 'overview' && (answer.namedAreas ?? []).includes(area);
  }
  return !SHOWS_AN_ANSWER.has(answer.kind);
}

function passes(question: EvalQuestion, answer: EvalAnswer, rank: number | undefined): boolean {
  switch (question.kind) {
    case 'decline':
      return !CLAIMS.has(answer.kind);
    case 'area':
      return answer.kind === 'area' && answer.area === question.area;
    case 'overview':
      return answer.kind === 'overview' || (question.expect.length > 0 && rank === 1 && CLAIMS.has(answer.kind));
    case 'numbers':
      return CLAIMS.has(answer.kind) && sameSet(answer.numbers, question.expect);
    case 'structure':
      return passesStructure(question, answer);
    default:
      return rank !== undefined && rank <= 3;
  }
}

export function scoreEval(questions: readonly EvalQuestion[], answer: (question: EvalQuestion) => EvalAnswer): EvalReport {
  const outcomes = questions.map((question): QuestionOutcome => {
    const result = answer(question);
    const index = CLAIMS.has(result.kind) ? result.numbers.slice(0, MRR_DEPTH).findIndex((n) => question.expect.includes(n)) : -1;
    const rank = index >= 0 ? index + 1 : undefined;
    const outcome: QuestionOutcome = {
      id: question.id,
      kind: question.kind,
      ...(question.form !== undefined ? { form: question.form } : {}),
      q: question.q,
      expect: question.expect,
      got: result.numbers.slice(0, 5),
      answerKind: result.kind,
      ...(question.area !== undefined ? { area: question.area } : {}),
      ...(result.area !== undefined ? { gotArea: result.area } : result.namedAreas?.[0] !== undefined ? { gotArea: result.namedAreas[0] } : {}),
      passed: passes(question, result, rank),
      ...(rank !== undefined ? { rank } : {}),
    };
    if (question.answer !== undefined) outcome.answerFound = rank === 1 && (result.topSnippet ?? '').includes(question.answer);
    return outcome;
  });

  const ranked = outcomes.filter((o) => !PASS_FAIL_KINDS.has(o.kind));
  const within = (k: number, list: readonly QuestionOutcome[]): number => list.filter((o) => o.rank !== undefined && o.rank <= k).length;
  const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
  const withAnswer = outcomes.filter((o) => o.answerFound !== undefined);
  const declines = outcomes.filter((o) => o.kind === 'decline' && o.expect.length > 0);
  return {
    questions: outcomes.length,
    ranked: {
      questions: ranked.length,
      recallAt1: share(within(1, ranked), ranked.length),
      recallAt3: share(within(3, ranked), ranked.length),
      mrrAt10: share(
        ranked.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0),
        ranked.length,
      ),
    },
    byKind: Object.fromEntries(
      kinds.map((kind) => {
        const list = outcomes.filter((o) => o.kind === kind);
        const figures: KindFigures = { questions: list.length, score: share(list.filter((o) => o.passed).length, list.length) };
        if (!PASS_FAIL_KINDS.has(kind)) figures.recallAt1 = share(within(1, list), list.length);
        const forms = [...new Set(list.flatMap((o) => (o.form !== undefined ? [o.form] : [])))].sort();
        if (forms.length > 0) {
          figures.byForm = Object.fromEntries(
            forms.map((form) => {
              const ofForm = list.filter((o) => o.form === form);
              return [form, { questions: ofForm.length, score: share(ofForm.filter((o) => o.passed).length, ofForm.length) }];
            }),
          );
        }
        return [kind, figures];
      }),
    ),
    declinesWithNearest: {
      questions: declines.length,
      share: share(declines.filter((o) => o.passed && o.got.some((n) => o.expect.includes(n))).length, declines.length),
    },
    answerInSnippet: { questions: withAnswer.length, share: share(withAnswer.filter((o) => o.answerFound).length, withAnswer.length) },
    outcomes,
  };
}
