import { describe, expect, it } from 'vitest';
import { renderAnswer, renderMoreResults } from '../../../src/render/blocks/answer-message.js';
import { AREA_ANSWER, LIST_ANSWER, LOOKUP_ANSWER, NO_MATCH_ANSWER, SEARCH_ANSWER } from '../../support/render-fixtures.js';
import { slackMessageProblems } from '../../support/slack-message-check.js';

const blocksText = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('an answer as a Slack message', () => {
  it('shows the top measure with its area and the answering clause in bold, related measures, the source and feedback', () => {
    const message = renderAnswer(SEARCH_ANSWER, { feedback: 'buttons', shareable: false });
    expect(message.text).toContain('第 3 条：确保商标审查周期控制在9个月内');
    expect(blocksText(message)).toContain('\u200b*第 3 条*\u200b｜提高知识产权创造质量');
    expect(blocksText(message)).toContain('\u200b*商标审查周期控制*\u200b');
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
});
