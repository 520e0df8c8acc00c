import { describe, expect, it } from 'vitest';
import { renderAnswerText, renderOverviewText } from '../../../src/render/text/answer-text.js';
import { renderDigestText } from '../../../src/render/text/digest-text.js';
import {
  AREA_ANSWER,
  COUNTED_NOT_NAMED_ANSWER,
  DIGEST,
  LIST_ANSWER,
  MOST_MEASURES_ANSWER,
  NO_MATCH_ANSWER,
  OVERVIEW,
  PLACE_ANSWER,
  PLACES_LIST_ANSWER,
  SEARCH_ANSWER,
  TIED_ANSWER,
} from '../../support/render-fixtures.js';

describe('answers as text', () => {
  it('marks the part that answers between 【】 off a terminal and ends with the source', () => {
    const text = renderAnswerText(SEARCH_ANSWER, { color: false });
    expect(text).toContain('确保商标审查周期控制在【9个月内】');
    expect(text.split('\n').at(-1)).toBe('来源：《2014年国家知识产权战略实施推进计划》第 3、43 条');
    expect(text).toMatchSnapshot();
  });

  it('heads an answer to an English question with an English line: the measure, its area, the words read', () => {
    const english = {
      ...SEARCH_ANSWER,
      query: 'how long is trademark examination?',
      interpretation: {
        corrections: [],
        expansions: [
          { word: 'trademark', planTerms: ['商标'] },
          { word: 'examination', planTerms: ['审查'] },
        ],
      },
    };
    expect(renderAnswerText(english, { color: false }).split('\n')[0]).toBe(
      "Found: measure 3 (and 1 related), area 1 (提高知识产权创造质量); read as trademark = 商标, examination = 审查. The plan's text is in Chinese.",
    );
    expect(renderAnswerText(SEARCH_ANSWER, { color: false })).not.toContain('Found:');
  });

  it('uses bold on a terminal', () => {
    expect(renderAnswerText(SEARCH_ANSWER, { color: true })).toContain('\u001b[1m9个月内\u001b[0m');
  });

  it('pins nothing found, a list, an area, the overview and the digest', () => {
    expect(renderAnswerText(NO_MATCH_ANSWER, { color: false })).toBe(NO_MATCH_ANSWER.notice?.message);
    expect(renderAnswerText(LIST_ANSWER, { color: false })).toMatchSnapshot();
    expect(renderAnswerText(AREA_ANSWER, { color: false })).toMatchSnapshot();
    expect(renderOverviewText(OVERVIEW)).toMatchSnapshot();
    expect(renderDigestText(DIGEST)).toMatchSnapshot();
  });

  it('says first where measures asked for by place stand', () => {
    const text = renderAnswerText(PLACE_ANSWER, { color: false });
    expect(text.split('\n')[0]).toBe('三、提高知识产权保护效果的倒数第 2 条是第 42 条。');
    expect(text).toMatchSnapshot();
    expect(renderAnswerText(PLACES_LIST_ANSWER, { color: false })).toMatchSnapshot();
  });

  it('names the areas by size, ties as ties, and says what the plan only counts', () => {
    expect(renderAnswerText(MOST_MEASURES_ANSWER, { color: false })).toMatchSnapshot();
    expect(renderAnswerText(TIED_ANSWER, { color: false }).split('\n')[0]).toBe(
      '措施第二多的有 2 个领域，并列，各 11 条：二、提升知识产权运用效益（第 8–18 条）和四、提升知识产权管理和公共服务水平（第 44–54 条）。各领域的措施条数：',
    );
    expect(renderAnswerText(COUNTED_NOT_NAMED_ANSWER, { color: false })).toMatchSnapshot();
  });
});
