import { describe, expect, it } from 'vitest';
import { renderAreaCard, renderAreaOverview } from '../../../src/render/blocks/area-blocks.js';
import { renderDigest } from '../../../src/render/blocks/digest-blocks.js';
import { renderHelp } from '../../../src/render/blocks/help-blocks.js';
import { renderMeasureCard } from '../../../src/render/blocks/measure-card.js';
import { AREA_CARD, DIGEST, measure, MEASURE_28_TEXT, OVERVIEW, SOURCE } from '../../support/render-fixtures.js';
import { slackMessageProblems } from '../../support/slack-message-check.js';

describe('the measure card', () => {
  it('shows the measure whole with its area, and steps to its neighbours', () => {
    const card = renderMeasureCard(measure(28, MEASURE_28_TEXT), SOURCE, { shareable: true });
    expect(JSON.stringify(card.blocks)).toContain('measure_previous');
    expect(JSON.stringify(card.blocks)).toContain('measure_next');
    expect(card).toMatchSnapshot();
  });

  it('has no 下一条 on the last measure and no 上一条 on the first', () => {
    const last = JSON.stringify(renderMeasureCard(measure(79, 'x'), SOURCE, { shareable: false }).blocks);
    const first = JSON.stringify(renderMeasureCard(measure(1, 'x'), SOURCE, { shareable: false }).blocks);
    expect(last).not.toContain('measure_next');
    expect(first).not.toContain('measure_previous');
  });
});

describe('areas, help and home', () => {
  it('pins the area card and the overview', () => {
    expect(renderAreaCard(AREA_CARD, { shareable: true, planTitle: SOURCE.title })).toMatchSnapshot();
    expect(renderAreaOverview(OVERVIEW)).toMatchSnapshot();
  });

  it('pins help', () => {
    expect(renderHelp(OVERVIEW)).toMatchSnapshot();
  });
});

describe('the digest', () => {
  it('shows the measures of the day under their area and what was asked, questions escaped', () => {
    const message = renderDigest(DIGEST);
    expect(message.text).toBe('计划简报第 4 期（共 27 期）：第 28 条');
    expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt; 区块链');
    expect(slackMessageProblems(message)).toEqual([]);
    expect(message).toMatchSnapshot();
  });
});
