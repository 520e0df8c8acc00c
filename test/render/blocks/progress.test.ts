import { describe, expect, it } from 'vitest';
import { renderAreaCard } from '../../../src/render/blocks/area-blocks.js';
import { renderDashboard } from '../../../src/render/blocks/dashboard-blocks.js';
import { renderDigest } from '../../../src/render/blocks/digest-blocks.js';
import { renderMeasureCard } from '../../../src/render/blocks/measure-card.js';
import { renderHistory, renderProgressAnswer, renderRefusal } from '../../../src/render/blocks/progress-blocks.js';
import {
  progressBlockId,
  renderAreaModal,
  renderHistoryModal,
  renderMeasureModal,
  renderProgressForm,
  renderRefusalModal,
  renderSavedModal,
} from '../../../src/render/blocks/progress-modal.js';
import { renderDigestText } from '../../../src/render/text/digest-text.js';
import type { ProgressChange } from '../../../src/core/progress/progress-schema.js';
import {
  AREA_3,
  AREA_3_COUNTS,
  AREA_CARD,
  DASHBOARD,
  DIGEST_WITH_PROGRESS,
  HISTORY_42,
  measure,
  OVERVIEW,
  RECORD_28,
  RECORD_42,
  SOURCE,
} from '../../support/render-fixtures.js';
import { slackMessageProblems, slackViewProblems } from '../../support/slack-message-check.js';

const MEASURE_42_TEXT = '加大对海关知识产权大要案的查处力度，加强进出口环节知识产权保护。';
const own = { allowMentionOf: ['U0COORD', 'S0COORDS'] };

describe('the measure card with its record', () => {
  it('shows lead unit, status, due date and the latest note with its date and author, escaped, with 历史 and 更新进展', () => {
    const card = renderMeasureCard(measure(42, MEASURE_42_TEXT), SOURCE, { shareable: true, progress: { record: RECORD_42, canEdit: true } });
    const json = JSON.stringify(card.blocks);
    for (const shown of [
      '海关总署',
      '*推进中*',
      '2026-11-20（',
      '已逾期',
      '2026-11-24 10:05，<@U0COORD>',
      '&lt;!channel&gt;',
      'progress_history',
      'progress_edit',
    ])
      expect(json).toContain(shown);
    expect(slackMessageProblems(card, own)).toEqual([]);
    expect(card).toMatchSnapshot();
  });

  it('says the record has nothing, and offers no 历史 and (to others) no 更新进展', () => {
    const card = JSON.stringify(renderMeasureCard(measure(42, MEASURE_42_TEXT), SOURCE, { shareable: true, progress: { canEdit: false } }).blocks);
    expect(card).toContain('计划原文未列明，协调办尚未登记');
    expect(card).not.toContain('progress_history');
    expect(card).not.toContain('progress_edit');
  });

  it('shows an author who is not a Slack member as escaped text, and a missing status as 未登记', () => {
    const card = renderMeasureCard(measure(28, 'x'), SOURCE, { shareable: false, progress: { record: RECORD_28, canEdit: false } });
    expect(JSON.stringify(card.blocks)).toContain('王&lt;协调办&gt;');
    expect(JSON.stringify(card.blocks)).toContain('状态：未登记');
    expect(slackMessageProblems(card)).toEqual([]);
  });
});

describe('the 更新进展 form', () => {
  it('opens with the current values, carries the version, and keeps within modal limits', () => {
    const form = renderProgressForm({ measure: { number: 42, text: MEASURE_42_TEXT }, record: RECORD_42 });
    expect(form.private_metadata).toBe('{"n":42,"v":3}');
    expect(JSON.stringify(form.blocks)).toContain(`"block_id":"${progressBlockId('status', 3)}"`);
    expect(JSON.stringify(form.blocks)).toContain('"initial_option":{"text":{"type":"plain_text","text":"推进中","emoji":false},"value":"推进中"}');
    expect(JSON.stringify(form.blocks)).toContain('"initial_value":"公安部、国家知识产权局"');
    expect(slackViewProblems(form, own)).toEqual([]);
    expect(form).toMatchSnapshot();
  });

  it('after a stale submission, says who saved in between and keeps the note typed', () => {
    const form = renderProgressForm({ measure: { number: 42, text: MEASURE_42_TEXT }, record: RECORD_42, stale: true, draftNote: '我写的说明' });
    const json = JSON.stringify(form.blocks);
    expect(json).toContain('你的修改没有保存');
    expect(json).toContain('"initial_value":"我写的说明"');
    expect(slackViewProblems(form, own)).toEqual([]);
  });

  it('for a measure without a record: empty, version 0, no status chosen', () => {
    const form = renderProgressForm({ measure: { number: 1, text: 'x' } });
    expect(form.private_metadata).toBe('{"n":1,"v":0}');
    expect(JSON.stringify(form.blocks)).not.toContain('initial_option');
    expect(slackViewProblems(form)).toEqual([]);
  });

  it('turns into what was saved', () => {
    const saved = renderSavedModal(
      RECORD_42,
      HISTORY_42.filter((c) => c.version === 3),
    );
    expect(slackViewProblems(saved, own)).toEqual([]);
    expect(saved).toMatchSnapshot();
  });
});

describe('history, refusal, dashboard, area and answers', () => {
  it('lists the history newest first, one section per update, escaped', () => {
    const history = renderHistory(42, HISTORY_42);
    const text = JSON.stringify(history.blocks);
    expect(text.indexOf('第 3 版')).toBeLessThan(text.indexOf('第 1 版'));
    expect(text).toContain('状态：未启动 → 推进中');
    expect(slackMessageProblems(history, own)).toEqual([]);
    expect(history).toMatchSnapshot();
  });

  it('keeps a long history within a message and a window, saying how many are not listed', () => {
    const many: ProgressChange[] = Array.from({ length: 120 }, (_, i) => ({ ...HISTORY_42[5]!, version: i + 1, after: '说明'.repeat(1000) }));
    const message = renderHistory(42, many);
    expect(slackMessageProblems(message, own)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('更早的 80 次更新未列出');
    expect(slackViewProblems(renderHistoryModal(42, many), own)).toEqual([]);
  });

  it('names who can grant access in a refusal, in the message and in its fallback text', () => {
    const refusal = renderRefusal({ users: ['U0COORD'], groups: ['S0COORDS'] });
    expect(JSON.stringify(refusal.blocks)).toContain('<@U0COORD>、<!subteam^S0COORDS>');
    // Slack shows the mentions in a notification as the person's and the group's names.
    expect(refusal.text).toBe(
      '你没有登记推进情况的权限，这次没有做任何更改。推进情况由协调办指定的人员登记：<@U0COORD>、<!subteam^S0COORDS>。如需开通权限，请联系他们。',
    );
    expect(slackMessageProblems(refusal, own)).toEqual([]);
    expect(refusal).toMatchSnapshot();
  });

  it.each([
    [{ users: [], groups: ['S0COORDS'] }, '登记：<!subteam^S0COORDS>。'],
    [{ users: ['U0COORD'], groups: [] }, '登记：<@U0COORD>。'],
  ])('reads well in its fallback text whoever is named (%j)', (contacts, named) => {
    const refusal = renderRefusal(contacts);
    expect(refusal.text).toContain(named);
    expect(refusal.text).not.toMatch(/：[、。]|、。/u);
    expect(slackMessageProblems(refusal, own)).toEqual([]);
  });

  it('says to ask 协调办 in a refusal when nobody is named (COORDINATORS unset)', () => {
    const refusal = renderRefusal({ users: [], groups: [] });
    const sentence =
      '你没有登记推进情况的权限，这次没有做任何更改。推进情况由协调办指定的人员登记，目前还没有指定任何人（应用的 COORDINATORS 尚未设置）。如需开通权限，请联系协调办。';
    expect(refusal.text).toBe(sentence);
    expect(JSON.stringify(refusal.blocks)).toContain(sentence);
    expect(JSON.stringify(renderRefusalModal({ users: [], groups: [] }).blocks)).toContain(sentence);
    expect(slackMessageProblems(refusal, own)).toEqual([]);
    expect(refusal).toMatchSnapshot();
  });

  it('pins the dashboard: counts per area, overdue, blocked and recent, each with 查看', () => {
    const home = renderDashboard(DASHBOARD, OVERVIEW);
    const json = JSON.stringify(home.blocks);
    expect(json).toContain('第 19–43 条\\n未启动 0 · 推进中 1 · 已完成 0 · 受阻 0 · 未登记 24 · 逾期 1');
    expect(json).toContain('progress_open_area');
    expect(json).toContain('没有登记为受阻的措施');
    expect(slackViewProblems(home, own)).toEqual([]);
    expect(home).toMatchSnapshot();
  });

  it('shows status counts on the area card and in the area window', () => {
    expect(JSON.stringify(renderAreaCard(AREA_CARD, { shareable: true, planTitle: SOURCE.title, counts: AREA_3_COUNTS }).blocks)).toContain('推进情况');
    const modal = renderAreaModal(AREA_3, AREA_3_COUNTS, DASHBOARD.recent);
    expect(slackViewProblems(modal, own)).toEqual([]);
    expect(slackViewProblems(renderMeasureModal(measure(42, MEASURE_42_TEXT), SOURCE, { record: RECORD_42, canEdit: true }), own)).toEqual([]);
  });

  it('answers who leads and how far from the record, and says 计划原文未列明，协调办尚未登记 otherwise', () => {
    const area = { number: 3, numeral: '三', title: '提高知识产权保护效果', firstMeasure: 19, lastMeasure: 43 };
    const from = renderProgressAnswer({
      kind: 'measure',
      intent: 'status',
      measure: { number: 42, area, firstClause: '加大对海关知识产权大要案的查处力度' },
      record: RECORD_42,
    });
    expect(from.text).toBe('第 42 条目前状态为“推进中”（2026-11-24 更新）。');
    expect(slackMessageProblems(from, own)).toEqual([]);
    const none = renderProgressAnswer({ kind: 'measure', intent: 'lead', measure: { number: 15, area, firstClause: 'x' } });
    expect(none.text).toBe('第 15 条的牵头单位：计划原文未列明，协调办尚未登记。');
    const nothing = renderProgressAnswer({ kind: 'list', list: 'overdue', measures: [], registered: 0 });
    expect(nothing.text).toBe('逾期的措施：计划原文未列明，协调办尚未登记。');
    const list = renderProgressAnswer({ kind: 'list', list: 'overdue', measures: DASHBOARD.overdue, registered: 2 });
    expect(slackMessageProblems(list, own)).toEqual([]);
    expect(list).toMatchSnapshot();
  });
});

describe('the digest with the record', () => {
  it('adds 昨日进展 and 逾期/受阻, escaped, naming no one', () => {
    const message = renderDigest(DIGEST_WITH_PROGRESS);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('昨日进展（11月24日）');
    expect(json).toContain('状态：未启动 → 推进中');
    expect(json).toContain('逾期/受阻');
    expect(json).toContain('逾期（截止 2026-11-20） · 推进中');
    expect(json).not.toContain('<@');
    expect(slackMessageProblems(message)).toEqual([]);
    expect(message).toMatchSnapshot();
    expect(renderDigestText(DIGEST_WITH_PROGRESS)).toContain('第 42 条 加大对海关知识产权大要案的查处力度：逾期（截止 2026-11-20） · 推进中');
  });
});
