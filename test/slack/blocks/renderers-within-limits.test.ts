import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../../src/core/answer/ask-question.js';
import { lookupArea } from '../../../src/core/answer/lookup-area.js';
import { lookupMeasure } from '../../../src/core/answer/lookup-measure.js';
import { planOverview } from '../../../src/core/answer/plan-overview.js';
import { loadEvalQuestions } from '../../../src/core/eval/eval-questions.js';
import { PROJECT_ROOT } from '../../../src/core/paths.js';
import { renderAnswer, renderMoreResults } from '../../../src/render/blocks/answer-message.js';
import { renderAreaCard, renderAreaOverview } from '../../../src/render/blocks/area-blocks.js';
import { renderAppHome, renderHelp } from '../../../src/render/blocks/help-blocks.js';
import { renderMeasureCard } from '../../../src/render/blocks/measure-card.js';
import { renderKeywordList } from '../../../src/render/blocks/measure-list.js';
import { renderDigest } from '../../../src/render/blocks/digest-blocks.js';
import { digestContent } from '../../../src/core/digest/digest-content.js';
import { slackMessageProblems } from '../../support/slack-message-check.js';
import { testAnswerContext } from '../../support/answer-context.js';

const ctx = testAnswerContext();
const { plan } = ctx;
const questions = loadEvalQuestions(`${PROJECT_ROOT}/test/fixtures/questions-team.jsonl`).map((q) => q.q);

describe('Block Kit output stays within Slack limits', () => {
  it('for every measure card, the longest measures included', () => {
    for (const m of plan.measures) {
      for (const shareable of [true, false]) expect(slackMessageProblems(renderMeasureCard(plan, m.number, { shareable })), `measure ${m.number}`).toEqual([]);
    }
  });

  it('for every area card and the overview, help and App Home', () => {
    for (const area of plan.areas) {
      const answer = lookupArea(ctx, String(area.number));
      expect(slackMessageProblems(renderAreaCard(answer.area!, { shareable: true, planTitle: plan.title })), `area ${area.number}`).toEqual([]);
    }
    expect(slackMessageProblems(renderAreaOverview(planOverview(plan)))).toEqual([]);
    expect(slackMessageProblems(renderHelp(planOverview(plan)))).toEqual([]);
    expect(slackMessageProblems(renderAppHome(planOverview(plan)), { view: true })).toEqual([]);
  });

  it('for answers to real questions, in every style, and their longer lists', () => {
    for (const q of questions) {
      const answer = askQuestion(ctx, q);
      for (const feedback of ['native', 'buttons', 'none'] as const) {
        expect(slackMessageProblems(renderAnswer(answer, { plan, feedback, shareable: true })), q).toEqual([]);
      }
      expect(slackMessageProblems(renderMoreResults(askQuestion(ctx, q, { limit: 10 }), { plan, feedback: 'none', shareable: false })), q).toEqual([]);
    }
  });

  it('for the widest answers: a ten-measure range, a long keyword list, a 500-character question', () => {
    expect(slackMessageProblems(renderAnswer(lookupMeasure(ctx, '15-24'), { plan, feedback: 'buttons', shareable: true }))).toEqual([]);
    expect(slackMessageProblems(renderAnswer(lookupMeasure(ctx, '1-79'), { plan, feedback: 'buttons', shareable: true }))).toEqual([]);
    expect(slackMessageProblems(renderKeywordList(plan, lookupMeasure(ctx, '知识产权', 20)))).toEqual([]);
    const long = `${'知识产权保护'.repeat(80)}`.slice(0, 500);
    expect(slackMessageProblems(renderAnswer(askQuestion(ctx, long), { plan, feedback: 'native', shareable: true }))).toEqual([]);
  });
});

describe('the digest message', () => {
  it('stays within limits at its largest, and escapes the questions it quotes', () => {
    const activityOn = (date: string) => ({
      date,
      questions: 40,
      measuresShown: [{ number: 3, count: 9 }],
      unanswered: ['<!channel> 绿卡怎么办', '<@U123> <http://evil.example|点我>', 'x'.repeat(400)],
      feedback: { helpful: 2, notHelpful: 1 },
    });
    for (const size of [1, 3, 20]) {
      const content = digestContent({ plan, date: '2026-11-30', start: '2026-11-25', postedDates: new Set(), today: '2026-11-25', days: 'workdays', size, activityOn });
      expect(slackMessageProblems(renderDigest(content)), `size ${size}`).toEqual([]);
    }
  });
});

describe('escaping', () => {
  const hostile = ['<!channel> 商标审查周期', '<@U123> 专利导航', '<http://evil.example|点我> 剑网行动', '<!here|here> *粗体* `代码` & 知识产权', '&lt;!channel&gt; 傍名牌'];

  it('never lets typed text become a mention or a link', () => {
    for (const q of hostile) {
      for (const answer of [askQuestion(ctx, q), lookupMeasure(ctx, q), askQuestion(ctx, q, { limit: 10 })]) {
        expect(slackMessageProblems(renderAnswer(answer, { plan, feedback: 'buttons', shareable: true })), q).toEqual([]);
        expect(slackMessageProblems(renderMoreResults(answer, { plan, feedback: 'none', shareable: false })), q).toEqual([]);
        if (answer.kind === 'search' && answer.results.length > 0) expect(slackMessageProblems(renderKeywordList(plan, answer)), q).toEqual([]);
      }
    }
  });
});

describe('the answer layout', () => {
  it('shows the top measure with its area and bold snippet, related measures, a source line and feedback', () => {
    const message = renderAnswer(askQuestion(ctx, '国防知识产权有哪些措施？'), { plan, feedback: 'buttons', shareable: false });
    const texts = JSON.stringify(message.blocks);
    expect(message.text).toContain('第 17 条');
    expect(texts).toContain('\u200b*第 17 条*\u200b｜提升知识产权运用效益');
    expect(texts).toContain('\u200b*国防知识产权*\u200b');
    expect(texts).toContain('\u200b*相关措施*\u200b');
    expect(texts).toContain('来源：《2014年国家知识产权战略实施推进计划》第 17、43、76、69、7 条');
    expect(texts).toContain('更多结果（共 6 条）');
    expect(texts).toContain('answer_feedback_helpful');
  });

  it('says plainly when the plan has nothing, with a hint and no list', () => {
    const message = renderAnswer(askQuestion(ctx, '今天天气怎么样'), { plan, feedback: 'buttons', shareable: false });
    expect(message.text).toBe('计划中没有找到与“今天天气怎么样”直接相关的内容。可以换个说法，或用 /measure 编号、/area 领域 浏览全文。');
    expect(message.blocks).toHaveLength(2);
    expect(JSON.stringify(message.blocks)).not.toContain('第 ');
  });

  it('pins the measure card', () => {
    expect(renderMeasureCard(plan, 42, { shareable: true })).toMatchSnapshot();
  });

  it('pins a search answer', () => {
    expect(renderAnswer(askQuestion(ctx, '商标审查周期要控制在多久？'), { plan, feedback: 'native', shareable: true })).toMatchSnapshot();
  });
});
