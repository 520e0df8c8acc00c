import { describe, expect, it } from 'vitest';
import { renderAnswer, renderMoreResults } from '../../../src/render/blocks/answer-message.js';
import {
  AREA_ANSWER,
  COUNTED_NOT_NAMED_ANSWER,
  GOALS_ANSWER,
  LIST_ANSWER,
  LOOKUP_ANSWER,
  MOST_MEASURES_ANSWER,
  NEIGHBOUR_ANSWER,
  NO_MATCH_ANSWER,
  NOT_COVERED_ANSWER,
  OVERVIEW_ANSWER,
  PLACE_ANSWER,
  PLACES_LIST_ANSWER,
  SEARCH_ANSWER,
  TIED_ANSWER,
} from '../../support/render-fixtures.js';
import { slackMessageProblems } from '../../support/slack-message-check.js';

const blocksText = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('an answer as a Slack message', () => {
  it('heads an answer to an English question with an English context line, in blocks and in the fallback text', () => {
    const english = {
      ...SEARCH_ANSWER,
      query: 'trademark examination period',
      interpretation: { corrections: [], expansions: [{ word: 'trademark', planTerms: ['商标'] }] },
    };
    const message = renderAnswer(english, { feedback: 'buttons', shareable: true });
    expect(JSON.stringify(message.blocks?.[0])).toContain('Found: measure 3 (and 1 related), area 1 (提高知识产权创造质量); read as trademark = 商标.');
    expect(message.text).toMatch(/^Found: measure 3/u);
  });

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
    const low = {
      ...SEARCH_ANSWER,
      confidence: 'low' as const,
      total: 40,
      notice: { code: 'low-confidence' as const, message: '以下是最接近的原文，请核对。' },
    };
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

  it('says where a measure asked for by its place stands, under the card’s heading', () => {
    const message = renderAnswer(PLACE_ANSWER, { feedback: 'none', shareable: false });
    expect(message.blocks[0]).toMatchObject({ type: 'header' });
    expect(JSON.stringify(message.blocks[1])).toContain('三、提高知识产权保护效果的倒数第 2 条是第 42 条。');
    expect(message.text.startsWith('三、提高知识产权保护效果的倒数第 2 条是第 42 条。')).toBe(true);
    expect(slackMessageProblems(message)).toEqual([]);
    expect(message).toMatchSnapshot();
  });

  it('says where each of several places stands, and which measure comes next', () => {
    const list = renderAnswer(PLACES_LIST_ANSWER, { feedback: 'none', shareable: true });
    expect(blocksText(list)).toContain('计划的第一条是第 1 条；计划的最后一条是第 79 条。');
    expect(list).toMatchSnapshot();
    expect(blocksText(renderAnswer(NEIGHBOUR_ANSWER, { feedback: 'none', shareable: false }))).toContain('第 30 条的下一条是第 31 条。');
  });

  it('names the area with the most measures first, ties as ties, with every area’s size', () => {
    const most = renderAnswer(MOST_MEASURES_ANSWER, { feedback: 'none', shareable: false });
    expect(blocksText(most)).toContain('措施最多的是三、提高知识产权保护效果，共 25 条（第 19–43 条）。');
    expect(blocksText(most)).toContain('第 44–54 条（11 条）');
    expect(most).toMatchSnapshot();
    expect(blocksText(renderAnswer(TIED_ANSWER, { feedback: 'none', shareable: false }))).toContain('措施第二多的有 2 个领域，并列，各 11 条');
  });

  it('says the plan gives only the number, citing the measure that gives it', () => {
    const message = renderAnswer(COUNTED_NOT_NAMED_ANSWER, { feedback: 'buttons', shareable: false });
    expect(JSON.stringify(message.blocks[0])).toContain('计划原文只写了数量');
    expect(blocksText(message)).toContain('相关措施（供参考）');
    expect(message).toMatchSnapshot();
  });
});
