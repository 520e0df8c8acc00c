import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../../src/core/answer/ask-question.js';
import { lookupArea } from '../../../src/core/answer/lookup-area.js';
import { lookupMeasure } from '../../../src/core/answer/lookup-measure.js';
import { planOverview } from '../../../src/core/answer/plan-overview.js';
import { loadEvalQuestions } from '../../../src/core/eval/eval-questions.js';
import { PROJECT_ROOT } from '../../../src/core/paths.js';
import { renderAnswer, renderMoreResults } from '../../../src/render/blocks/answer-message.js';
import { renderAreaCard, renderAreaOverview } from '../../../src/render/blocks/area-blocks.js';
import { renderHelp } from '../../../src/render/blocks/help-blocks.js';
import { renderMeasureCard } from '../../../src/render/blocks/measure-card.js';
import { renderKeywordList } from '../../../src/render/blocks/measure-list.js';
import { renderDigest } from '../../../src/render/blocks/digest-blocks.js';
import { digestContent, type DayActivity } from '../../../src/core/digest/digest-content.js';
import { measureResult, planSource } from '../../../src/core/answer/answer-values.js';
import { slackMessageProblems, slackViewProblems } from '../../support/slack-message-check.js';
import { areaProgress, progressDashboard } from '../../../src/core/progress/progress-overview.js';
import { MAX_NOTE_LENGTH, MAX_UNIT_LENGTH, MAX_UNITS, type ProgressChange, type ProgressRecord } from '../../../src/core/progress/progress-schema.js';
import { renderDashboard } from '../../../src/render/blocks/dashboard-blocks.js';
import { renderAreaModal, renderMeasureModal, renderProgressForm } from '../../../src/render/blocks/progress-modal.js';
import { testAnswerContext } from '../../support/answer-context.js';

const ctx = testAnswerContext();
const { plan } = ctx;
// The team's questions, and questions about the plan's structure (places, areas by size, counted not named).
const questions = ['questions-team.jsonl', 'questions-structure.jsonl'].flatMap((f) => loadEvalQuestions(`${PROJECT_ROOT}/test/fixtures/${f}`).map((q) => q.q));

describe('Block Kit output stays within Slack limits', () => {
  it('for every measure card, the longest measures included', () => {
    for (const m of plan.measures) {
      const result = measureResult(plan, m, undefined, 1);
      for (const shareable of [true, false])
        expect(slackMessageProblems(renderMeasureCard(result, planSource(plan), { shareable })), `measure ${m.number}`).toEqual([]);
    }
  });

  it('for every area card and the overview, and help', () => {
    for (const area of plan.areas) {
      const answer = lookupArea(ctx, String(area.number));
      expect(slackMessageProblems(renderAreaCard(answer.area!, { shareable: true, planTitle: plan.title })), `area ${area.number}`).toEqual([]);
    }
    expect(slackMessageProblems(renderAreaOverview(planOverview(plan)))).toEqual([]);
    expect(slackMessageProblems(renderHelp(planOverview(plan)))).toEqual([]);
  });

  it('for answers to real questions, in every style, and their longer lists', () => {
    for (const q of questions) {
      const answer = askQuestion(ctx, q);
      for (const feedback of ['native', 'buttons', 'none'] as const) {
        expect(slackMessageProblems(renderAnswer(answer, { feedback, shareable: true })), q).toEqual([]);
      }
      expect(slackMessageProblems(renderMoreResults(askQuestion(ctx, q, { limit: 10 }))), q).toEqual([]);
    }
  });

  it('for the widest answers: a ten-measure range, a long keyword list, a 500-character question', () => {
    expect(slackMessageProblems(renderAnswer(lookupMeasure(ctx, '15-24'), { feedback: 'buttons', shareable: true }))).toEqual([]);
    expect(slackMessageProblems(renderAnswer(lookupMeasure(ctx, '1-79'), { feedback: 'buttons', shareable: true }))).toEqual([]);
    expect(slackMessageProblems(renderKeywordList(lookupMeasure(ctx, '知识产权', 20)))).toEqual([]);
    const long = `${'知识产权保护'.repeat(80)}`.slice(0, 500);
    expect(slackMessageProblems(renderAnswer(askQuestion(ctx, long), { feedback: 'native', shareable: true }))).toEqual([]);
  });
});

describe('the digest message', () => {
  it('stays within limits at its largest, and escapes the questions it quotes', () => {
    const day: DayActivity = {
      questions: ['<!channel> 绿卡怎么办', '<@U123> <http://evil.example|点我>', 'x'.repeat(400), ...Array.from({ length: 40 }, (_, i) => `问题${i}`)].map(
        (question) => ({ question, measures: [3], found: false }),
      ),
      feedback: { helpful: 2, notHelpful: 1 },
    };
    const activity = new Map(['2026-11-27', '2026-11-28', '2026-11-29'].map((d) => [d, day] as const));
    for (const size of [1, 3, 20]) {
      const content = digestContent({
        plan,
        date: '2026-11-30',
        start: '2026-11-25',
        postedDates: new Set(),
        today: '2026-11-25',
        days: 'workdays',
        size,
        activity,
      });
      expect(slackMessageProblems(renderDigest(content)), `size ${size}`).toEqual([]);
    }
  });
});

describe('escaping', () => {
  const hostile = [
    '<!channel> 商标审查周期',
    '<@U123> 专利导航',
    '<http://evil.example|点我> 剑网行动',
    '<!here|here> *粗体* `代码` & 知识产权',
    '&lt;!channel&gt; 傍名牌',
  ];

  it('never lets typed text become a mention or a link', () => {
    for (const q of hostile) {
      for (const answer of [askQuestion(ctx, q), lookupMeasure(ctx, q), askQuestion(ctx, q, { limit: 10 })]) {
        expect(slackMessageProblems(renderAnswer(answer, { feedback: 'buttons', shareable: true })), q).toEqual([]);
        expect(slackMessageProblems(renderMoreResults(answer)), q).toEqual([]);
        if (answer.kind === 'search' && answer.results.length > 0) expect(slackMessageProblems(renderKeywordList(answer)), q).toEqual([]);
      }
    }
  });
});

describe('the progress record at its largest', () => {
  /** Every measure registered with the most units, the longest names and notes allowed, all overdue. */
  const unit = (i: number) => `${i}${'单'.repeat(MAX_UNIT_LENGTH - String(i).length)}`;
  const records: ProgressRecord[] = plan.measures.map((m) => ({
    measure: m.number,
    status: '受阻',
    lead: Array.from({ length: MAX_UNITS }, (_, i) => unit(i)),
    participants: Array.from({ length: MAX_UNITS }, (_, i) => unit(i + 100)),
    due: '2026-01-01',
    version: 999,
    updatedAt: 0,
    updatedDate: '2026-11-24',
    updatedTime: '10:05',
    updatedBy: 'U0COORD',
    latestNote: { at: 0, date: '2026-11-24', time: '10:05', author: 'U0COORD', text: '*'.repeat(MAX_NOTE_LENGTH) },
    overdue: true,
  }));
  const own = { allowMentionOf: 'U0COORD' };

  it('fits every card, form and window, and the dashboard', () => {
    for (const record of records) {
      const m = measureResult(plan, plan.measures[record.measure - 1]!, undefined, 1);
      expect(
        slackMessageProblems(renderMeasureCard(m, planSource(plan), { shareable: true, progress: { record, canEdit: true } }), own),
        `card ${m.number}`,
      ).toEqual([]);
      expect(slackViewProblems(renderMeasureModal(m, planSource(plan), { record, canEdit: true }), own), `modal ${m.number}`).toEqual([]);
      expect(
        slackViewProblems(renderProgressForm({ measure: { number: m.number, text: m.text }, record, stale: true, draftNote: record.latestNote!.text }), own),
        `form ${m.number}`,
      ).toEqual([]);
    }
    for (const area of plan.areas) {
      const shown = areaProgress(plan, area.number, records, '2026-11-25')!;
      expect(slackViewProblems(renderAreaModal(shown.area, shown.counts, shown.measures), own), `area ${area.number}`).toEqual([]);
    }
    expect(slackViewProblems(renderDashboard(progressDashboard(plan, records, '2026-11-25'), planOverview(plan)), own)).toEqual([]);
  });

  it('fits the digest with every measure updated yesterday and every one overdue and blocked', () => {
    const changes: ProgressChange[] = records.flatMap((r) =>
      (['status', 'lead', 'participants', 'due', 'note'] as const).map((field) => ({
        measure: r.measure,
        version: 2,
        at: 0,
        date: '2026-11-29',
        time: '10:05',
        author: 'U0COORD',
        field,
        before: 'x'.repeat(2000),
        after: '<!channel>'.repeat(200),
      })),
    );
    const content = digestContent({
      plan,
      date: '2026-11-30',
      start: '2026-11-25',
      postedDates: new Set(),
      today: '2026-11-25',
      days: 'workdays',
      size: 20,
      activity: new Map(),
      progress: { records, changes },
    });
    expect(content.updates?.more).toBe(79 - 10);
    expect(slackMessageProblems(renderDigest(content))).toEqual([]);
  });
});
