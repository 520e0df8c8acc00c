import { describe, expect, it } from 'vitest';
import { renderAnswer, renderMoreResults } from '../../../src/render/blocks/answer-message.js';
import { AREA_ANSWER, GOALS_ANSWER, LIST_ANSWER, LOOKUP_ANSWER, NO_MATCH_ANSWER, NOT_COVERED_ANSWER, OVERVIEW_ANSWER, SEARCH_ANSWER } from '../../support/render-fixtures.js';
import { slackMessageProblems } from '../../support/slack-message-check.js';

const blocksText = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('an answer as a Slack message', () => {
  it('shows the top measure with its area and the answering clause in bold, related measures, the source and feedback', () => {
    const message = renderAnswer(SEARCH_ANSWER, { feedback: 'buttons', shareable: false });
    expect(message.text).toContain('第 3 条：确保商标审查周期控制在9个月内');
    expect(blocksText(message)).toContain('\u200b*第 3 条*\u200b｜一、提高知识产权创造质量');
    expect(blocksText(message)).toContain('确保商标审查周期控制在\u200b*9个月内*\u200b');
    // the measure's full text once, after the clause; no 全文 button
    expect(blocksText(message).split('异议审理周期控制在12个月内').length).toBe(2);
    expect(blocksText(message)).not.toContain('measure_open');
    expect(blocksText(message)).toContain('来源：《2014年国家知识产权战略实施推进计划》第 3、43 条');
    expect(blocksText(message)).toContain('answer_feedback_helpful');
    expect(slackMessageProblems(message)).toEqual([]);
    expect(message).toMatchSnapshot();
  });

  it('offers 发到频道 on a private answer, and Slack feedback buttons on the AI surfaces', () => {
    const message = renderAnswer(SEARCH_ANSWER, { feedback: 'native', shareable: true });
    expect(blocksText(message)).toContain('share_to_channel');
    expect(blocksText(message)).toContain('feedback_buttons');
    expect(message).toMatchSnapshot();
  });

  it('says plainly when the plan has nothing, with a hint and no list', () => {
    const message = renderAnswer(NO_MATCH_ANSWER, { feedback: 'buttons', shareable: false });
    expect(message.text).toBe(NO_MATCH_ANSWER.notice?.message);
    expect(blocksText(message)).not.toContain('第 ');
    expect(message).toMatchSnapshot();
  });

  it('shows a single looked-up measure as its card, several as a list, an area as its card', () => {
    expect(renderAnswer(LOOKUP_ANSWER, { feedback: 'buttons', shareable: true })).toMatchSnapshot();
    expect(renderAnswer(LIST_ANSWER, { feedback: 'buttons', shareable: true })).toMatchSnapshot();
    expect(blocksText(renderAnswer(AREA_ANSWER, { feedback: 'buttons', shareable: true }))).toContain('七、提高知识产权战略组织实施水平');
  });

  it('lists a keyword lookup as matches, each with 查看', () => {
    const message = renderAnswer(SEARCH_ANSWER, { feedback: 'buttons', shareable: true, asKeywordList: true });
    expect(blocksText(message)).toContain('与“商标审查周期要控制在多久？”最相关的措施');
    expect(blocksText(message)).toContain('measure_open');
    expect(message).toMatchSnapshot();
  });

  it('lists every result behind 更多结果', () => {
    expect(renderMoreResults(SEARCH_ANSWER)).toMatchSnapshot();
  });

  it('says first what the plan does not say, and offers the nearest measures as related, not as the answer', () => {
    const message = renderAnswer(NOT_COVERED_ANSWER, { feedback: 'buttons', shareable: false });
    const [first] = message.blocks;
    expect(JSON.stringify(first)).toContain('计划原文没有规定专利审查周期；计划只规定了商标审查周期');
    expect(blocksText(message)).toContain('相关措施（供参考）');
    expect(blocksText(message)).not.toContain(':warning:');
    expect(message).toMatchSnapshot();
  });

  it('leads with an area’s 目标任务 paragraph when that is what matched', () => {
    const message = renderAnswer(GOALS_ANSWER, { feedback: 'none', shareable: false });
    expect(blocksText(message)).toContain('七、提高知识产权战略组织实施水平 · 目标任务');
    expect(message).toMatchSnapshot();
  });

  it('answers about the plan as a whole with its overview', () => {
    const message = renderAnswer(OVERVIEW_ANSWER, { feedback: 'none', shareable: false });
    expect(blocksText(message)).toContain('为贯彻党的十八大');
    expect(message).toMatchSnapshot();
  });

  it('counts on 更多结果 what it opens, and warns only when the answer is uncertain', () => {
    const low = { ...SEARCH_ANSWER, confidence: 'low' as const, total: 40, notice: { code: 'low-confidence' as const, message: '以下是最接近的原文，请核对。' } };
    const text = blocksText(renderAnswer(low, { feedback: 'none', shareable: false }));
    expect(text).toContain('更多结果（共 10 条）');
    expect(text).toContain(':warning: 以下是最接近的原文，请核对。');
    expect(blocksText(renderAnswer(SEARCH_ANSWER, { feedback: 'none', shareable: false }))).not.toContain(':warning:');
  });

  it('heads several measures by their numbers, not as a range', () => {
    expect(JSON.stringify(renderAnswer(LIST_ANSWER, { feedback: 'none', shareable: false }).blocks[0])).toContain('第 28、43 条');
  });

  it('echoes typed text as typed, never as formatting', () => {
    const typed = { ...NO_MATCH_ANSWER, notice: { code: 'no-match' as const, message: '计划中没有找到与“*紧急* _斜体_ ~删除~ `代码`”直接相关的内容。' } };
    const section = JSON.stringify(renderAnswer(typed, { feedback: 'none', shareable: false }).blocks[0]);
    for (const mark of ['*', '_', '~', '`']) expect(section).toContain(`\u200b${mark}\u200b`);
    expect(section).not.toMatch(/(?<!\\u200b)\*紧急/u);
  });
});
