import { describe, expect, it } from 'vitest';
import { renderAnswerText, renderOverviewText } from '../../../src/render/text/answer-text.js';
import { renderDigestText } from '../../../src/render/text/digest-text.js';
import { AREA_ANSWER, DIGEST, LIST_ANSWER, NO_MATCH_ANSWER, OVERVIEW, SEARCH_ANSWER } from '../../support/render-fixtures.js';

describe('answers as text', () => {
  it('marks the part that answers between 【】 off a terminal and ends with the source', () => {
    const text = renderAnswerText(SEARCH_ANSWER, { color: false });
    expect(text).toContain('确保商标审查周期控制在【9个月内】');
    expect(text.split('\n').at(-1)).toBe('来源：《2014年国家知识产权战略实施推进计划》第 3、43 条');
    expect(text).toMatchSnapshot();
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
});
