/**
 * Fuzzing the Block Kit renderers. Every message they build, from any answer, passes
 * `slackMessageProblems`: within Slack's limits (blocks, section/header/context lengths, button
 * text and values, fallback text) and with no `<!channel>`, `<@U…>`, `<#C…>` or `<http…>` left
 * unescaped in mrkdwn. Answers come two ways: from the real answer functions given fuzzed input,
 * and built directly, so that every field a user's text can reach (query, notices,
 * interpretation) and every highlight range, valid or not, is exercised.
 */
import { describe, expect, it } from 'vitest';
import { type Answer, type AreaCard, type MeasureResult, type Notice, AnswerSchema } from '../../src/core/answer/answer-schema.js';
import { areaCard, measureResult, planRef, planSource } from '../../src/core/answer/answer-values.js';
import { askQuestion } from '../../src/core/answer/ask-question.js';
import { lookupArea } from '../../src/core/answer/lookup-area.js';
import { lookupMeasure } from '../../src/core/answer/lookup-measure.js';
import { notices } from '../../src/core/answer/notices.js';
import { planOverview, type PlanOverview } from '../../src/core/answer/plan-overview.js';
import { digestContent, type DayActivity } from '../../src/core/digest/digest-content.js';
import { addDays } from '../../src/core/time/local-date.js';
import { renderAnswer, renderMoreResults } from '../../src/render/blocks/answer-message.js';
import { renderAreaCard, renderAreaOverview } from '../../src/render/blocks/area-blocks.js';
import { renderDigest } from '../../src/render/blocks/digest-blocks.js';
import type { FeedbackStyle } from '../../src/render/blocks/feedback-blocks.js';
import { renderDashboard } from '../../src/render/blocks/dashboard-blocks.js';
import { renderHelp } from '../../src/render/blocks/help-blocks.js';
import { progressDashboard } from '../../src/core/progress/progress-overview.js';
import { applyUpdate } from '../../src/core/progress/progress-book.js';
import { readProgressInput } from '../../src/core/progress/progress-input.js';
import { PROGRESS_STATUSES, type ProgressRecord } from '../../src/core/progress/progress-schema.js';
import { renderHistory } from '../../src/render/blocks/progress-blocks.js';
import { renderProgressForm } from '../../src/render/blocks/progress-modal.js';
import { renderMeasureCard } from '../../src/render/blocks/measure-card.js';
import { renderKeywordList } from '../../src/render/blocks/measure-list.js';
import type { SlackMessage } from '../../src/render/blocks/slack-message.js';
import { testAnswerContext } from '../support/answer-context.js';
import { slackMessageProblems, slackViewProblems } from '../support/slack-message-check.js';
import { type Rng, fuzzText, showCase } from './fuzz-inputs.js';
import { fuzz } from './fuzz-run.js';

const ctx = testAnswerContext();
const { plan } = ctx;
const STYLES: readonly FeedbackStyle[] = ['native', 'buttons', 'none'];

/** Every rendering an answer can get: all feedback styles, shareable or not, the 更多结果 list, and the keyword list for searches. */
function renderEverywhere(answer: Answer): Array<[string, SlackMessage]> {
  const out: Array<[string, SlackMessage]> = [];
  for (const feedback of STYLES) {
    for (const shareable of [true, false])
      out.push([`renderAnswer ${feedback}${shareable ? ' shareable' : ''}`, renderAnswer(answer, { feedback, shareable })]);
  }
  out.push(['renderMoreResults', renderMoreResults(answer)]);
  if (answer.kind === 'search' && answer.results.length > 0) out.push(['renderKeywordList', renderKeywordList(answer)]);
  return out;
}

function renderingProblems(answer: Answer): string[] {
  return renderEverywhere(answer).flatMap(([where, message]) => slackMessageProblems(message).map((p) => `${where}: ${p}`));
}

/** A fuzzed input. */
function renderableText(rng: Rng, max?: number): string {
  return fuzzText(rng, max === undefined ? {} : { max });
}

describe('answers from the answer functions, rendered', () => {
  /** Whatever was asked, each answer renders in every style within Slack's limits, escaped. */
  for (const [name, answerOf] of [
    ['askQuestion', (q: string) => askQuestion(ctx, q)],
    ['askQuestion limit 10', (q: string) => askQuestion(ctx, q, { limit: 10 })],
    ['lookupMeasure', (q: string) => lookupMeasure(ctx, q)],
    ['lookupArea', (q: string) => lookupArea(ctx, q)],
  ] as const) {
    it(`renders ${name} answers within limits`, () => {
      fuzz(
        `render ${name}`,
        300,
        (rng) => renderableText(rng),
        (q) => renderingProblems(answerOf(q)),
      );
    });
  }
});

// ─── Answers built directly ──────────────────────────────────────────────────────────────────

function randomHighlights(rng: Rng, length: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (let i = rng.int(0, 4); i > 0 && at < length; i--) {
    const start = rng.int(at, length);
    const end = rng.int(start, Math.min(length, start + 12));
    out.push([start, end]);
    at = end;
  }
  // Now and then a range no snippet builder should produce: reversed, overlapping, past the end.
  if (rng.chance(0.2))
    out.push(
      rng.pick<[number, number]>([
        [5, 2],
        [0, length + 10],
        [length, length],
        [0, 1],
      ]),
    );
  return out;
}

function measureResultOf(rng: Rng, number: number): MeasureResult {
  const measure = plan.measures[number - 1]!;
  const clause = rng.chance(0.5) ? measure.displayText : rng.pick(measure.clauses);
  return { ...measureResult(plan, measure, undefined, 1), snippet: clause, highlights: randomHighlights(rng, clause.length), score: rng.float() };
}

function distinctMeasures(rng: Rng, count: number): number[] {
  const numbers = new Set<number>();
  while (numbers.size < count) numbers.add(rng.int(1, plan.measures.length));
  return [...numbers];
}

/** A notice as the answer functions make them (each quoting fuzzed input), or one with an arbitrary message. */
function randomNotice(rng: Rng): Notice {
  const typed = renderableText(rng, 600);
  return rng.pick<() => Notice>([
    () => notices.empty(),
    () => notices.tooLong(rng.int(501, 10_000)),
    () => notices.noMatch(typed),
    () => notices.noAreaMatch(typed),
    () => notices.badNumber(typed, plan.measures.length),
    () => notices.badArea(typed, plan.areas.length),
    () => notices.outOfRange([rng.int(80, 1e6)], plan.measures.length),
    () => notices.badRange(rng.int(-5, 200), rng.int(-5, 200), plan.measures.length),
    () => notices.lowConfidence(),
    () => notices.rangeTruncated(1, 79, 10),
    () => ({ code: rng.pick(['no-match', 'low-confidence', 'empty'] as const), message: typed.trim().length > 0 ? typed : '没有找到。' }),
  ])();
}

function shortFuzz(rng: Rng): string {
  return renderableText(rng, 200);
}

/** Any Answer the schema allows whose results are the plan's own measures: user text in every field it can reach. */
function syntheticAnswer(rng: Rng): Answer {
  const kind = rng.pick(['lookup', 'search', 'area', 'none'] as const);
  let results: MeasureResult[] = [];
  let area: AreaCard | undefined;
  if (kind === 'lookup') {
    const from = rng.int(1, plan.measures.length);
    const count = Math.min(rng.int(1, 10), plan.measures.length - from + 1);
    results = Array.from({ length: count }, (_, i) => measureResultOf(rng, from + i));
  } else if (kind === 'search') {
    results = distinctMeasures(rng, rng.int(1, 20)).map((n) => measureResultOf(rng, n));
  } else if (kind === 'area') {
    const a = rng.pick(plan.areas);
    area = areaCard(plan, a);
    results = a.measureNumbers.map((n) => measureResultOf(rng, n));
  }
  const answer: Answer = {
    query: renderableText(rng),
    plan: planRef(plan),
    source: planSource(plan),
    kind,
    confidence: kind === 'none' ? 'none' : rng.pick(['high', 'medium', 'low'] as const),
    confidenceScore: kind === 'none' ? 0 : rng.float(),
    results,
    total: results.length + (rng.chance(0.5) ? rng.int(0, 60) : 0),
    relatedAreas: [],
    interpretation: {
      corrections: Array.from({ length: rng.int(0, 3) }, () => ({ typed: shortFuzz(rng), word: shortFuzz(rng) })),
      expansions: Array.from({ length: rng.int(0, 3) }, () => ({
        word: rng.chance(0.5) ? `abc ${shortFuzz(rng)}` : shortFuzz(rng),
        planTerms: [shortFuzz(rng), shortFuzz(rng)],
      })),
    },
    ...(area ? { area } : {}),
    ...(kind === 'none' || rng.chance(0.4) ? { notice: randomNotice(rng) } : {}),
  };
  return AnswerSchema.parse(answer);
}

describe('answers built directly, rendered', () => {
  /** Any schema-valid answer over the plan's measures renders everywhere within limits, its user text escaped. */
  it('renders any answer within limits', () => {
    fuzz('render synthetic answer', 700, syntheticAnswer, renderingProblems, (a) =>
      showCase({ kind: a.kind, query: a.query.slice(0, 200), notice: a.notice, n: a.results.map((r) => r.number) }),
    );
  });
});

describe('cards, overviews, help and App Home', () => {
  /** Every measure card, shareable or not, is within limits. */
  it('renders every measure card', () => {
    for (const m of plan.measures) {
      for (const shareable of [true, false])
        expect(slackMessageProblems(renderMeasureCard(measureResult(plan, m, undefined, 1), planSource(plan), { shareable })), `measure ${m.number}`).toEqual(
          [],
        );
    }
  });

  /** An area card with hostile text in every field (the plan's own text bounds lengths) is escaped and within limits. */
  it('renders any area card', () => {
    fuzz(
      'render area card',
      250,
      (rng): AreaCard => ({
        number: rng.int(1, 99),
        numeral: renderableText(rng, 10),
        title: renderableText(rng, 150),
        goals: renderableText(rng, 2000),
        measures: Array.from({ length: rng.int(0, 20) }, (_, i) => ({ number: i + 1, firstClause: renderableText(rng, 100) })),
      }),
      (card) => [true, false].flatMap((shareable) => slackMessageProblems(renderAreaCard(card, { shareable, planTitle: plan.title }))),
    );
  });

  /** The overview, help and App Home with hostile titles: escaped, within limits (the Home tab as a view). */
  it('renders any overview, help and App Home', () => {
    const real = planOverview(plan);
    fuzz(
      'render overview',
      250,
      (rng): PlanOverview => ({
        ...real,
        title: renderableText(rng, 300),
        areas: real.areas.map((a) => ({ ...a, numeral: renderableText(rng, 8), title: renderableText(rng, 200) })),
      }),
      (overview) => [
        ...slackMessageProblems(renderAreaOverview(overview)).map((p) => `overview: ${p}`),
        ...slackMessageProblems(renderHelp(overview)).map((p) => `help: ${p}`),
        ...slackViewProblems(renderDashboard(progressDashboard(plan, [], '2026-11-25'), overview)).map((p) => `home: ${p}`),
      ],
    );
  });
});

describe('the digest', () => {
  /**
   * Whatever was asked the day before (the unanswered questions are quoted as typed), whatever the
   * size and date, the digest is within limits and quotes every question escaped.
   */
  it('renders any day with any activity', () => {
    fuzz(
      'render digest',
      200,
      (rng) => {
        const date = addDays('2026-01-01', rng.int(0, 700));
        const unanswered = Array.from({ length: rng.int(0, 15) }, () => fuzzText(rng, { max: 600 }));
        const day: DayActivity = {
          questions: [
            ...unanswered.map((question) => ({ question, measures: [], found: false })),
            ...Array.from({ length: rng.int(0, 60) }, () => ({ question: '问', measures: distinctMeasures(rng, rng.int(0, 5)), found: true })),
          ],
          feedback: { helpful: rng.int(0, 1e5), notHelpful: rng.int(0, 1e5) },
        };
        const summary = new Map(Array.from({ length: 5 }, (_, i) => [addDays(date, -1 - i), day] as const));
        return {
          date,
          start: addDays(date, -rng.int(-30, 400)),
          today: addDays(date, -rng.int(0, 3)),
          days: rng.pick(['workdays', 'daily'] as const),
          size: rng.int(1, 20),
          summary,
          unanswered,
        };
      },
      (c) => {
        const content = digestContent({
          plan,
          date: c.date,
          start: c.start,
          postedDates: new Set(),
          today: c.today,
          days: c.days,
          size: c.size,
          activity: c.summary,
        });
        return slackMessageProblems(renderDigest(content));
      },
      (c) => showCase({ date: c.date, start: c.start, size: c.size, unanswered: c.unanswered.map((q) => q.slice(0, 60)) }),
    );
  });
});

describe('bugs this suite found, pinned', () => {
  /** A question of control characters or lone surrogates once overflowed the buttons' values (each is a six-character JSON escape). */
  it('renders an answered question full of control characters or lone surrogates', () => {
    for (const q of [`商标审查周期${'\u0001'.repeat(450)}`, `商标审查周期${'\ud800'.repeat(400)}`]) {
      expect(slackMessageProblems(renderAnswer(askQuestion(ctx, q), { feedback: 'buttons', shareable: true }))).toEqual([]);
    }
  });

  /** The fallback text of a "nothing found" answer once quoted the input unescaped. */
  it('keeps Slack syntax out of the fallback text too', () => {
    fuzz(
      'render fallback text',
      300,
      (rng) => renderableText(rng, 200),
      (q) => [askQuestion(ctx, q), lookupMeasure(ctx, q), lookupArea(ctx, q)].flatMap((answer) => renderingProblems(answer)),
    );
  });
});

// ─── The progress record ─────────────────────────────────────────────────────────────────────

describe('the progress record, whatever was typed', () => {
  /** Any update the input checks accept renders on the card, in the form, in the history and on the dashboard, escaped and within limits. */
  it('renders any accepted update everywhere it is shown', () => {
    const source = planSource(plan);
    const measure42 = measureResult(plan, plan.measures[41]!, undefined, 1);
    fuzz(
      'render progress',
      150,
      (rng) => ({
        status: rng.pick([...PROGRESS_STATUSES, renderableText(rng, 6)]),
        lead: renderableText(rng, 2100),
        participants: rng.pick(['', renderableText(rng, 300)]),
        due: rng.pick(['', '2026-11-20', renderableText(rng, 12)]),
        note: renderableText(rng, 2100),
      }),
      (input) => {
        const read = readProgressInput(input);
        if (!read.ok)
          return Object.values(read.errors)
            .filter((e) => e.length === 0 || e.length > 500)
            .map((e) => `error message of ${e.length} chars`);
        const { row, changed } = applyUpdate(undefined, read.update, 'U0COORD', 0);
        const note = read.update.note;
        const record: ProgressRecord = {
          measure: 42,
          ...(row.status ? { status: PROGRESS_STATUSES.find((s) => s === row.status) } : {}),
          lead: row.lead,
          participants: row.participants,
          ...(row.due ? { due: row.due } : {}),
          version: 1,
          updatedAt: 0,
          updatedDate: '2026-11-24',
          updatedTime: '10:05',
          updatedBy: 'U0COORD',
          ...(note ? { latestNote: { at: 0, date: '2026-11-24', time: '10:05', author: 'U0COORD', text: note } } : {}),
          overdue: row.due !== null,
        };
        const changes = changed.map((c) => ({ measure: 42, version: 1, at: 0, date: '2026-11-24', time: '10:05', author: 'U0COORD', ...c }));
        const line = { number: 42, firstClause: measure42.text, record };
        const dashboard = { ...progressDashboard(plan, [record], '2026-11-25'), recent: [line], overdue: [line], blocked: [line] };
        const own = { allowMentionOf: 'U0COORD' };
        return [
          ...slackMessageProblems(renderMeasureCard(measure42, source, { shareable: true, progress: { record, canEdit: true } }), own).map((p) => `card: ${p}`),
          ...slackViewProblems(
            renderProgressForm({ measure: { number: 42, text: measure42.text }, record, stale: true, ...(note ? { draftNote: note } : {}) }),
            own,
          ).map((p) => `form: ${p}`),
          ...slackMessageProblems(renderHistory(42, changes), own).map((p) => `history: ${p}`),
          ...slackViewProblems(renderDashboard(dashboard, planOverview(plan)), own).map((p) => `dashboard: ${p}`),
        ];
      },
    );
  });
});
