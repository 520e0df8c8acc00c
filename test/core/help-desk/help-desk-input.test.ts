import { describe, expect, it } from 'vitest';
import { readHelpDeskCommand } from '../../../src/core/help-desk/help-desk-command.js';
import { helpDeskBoard, planIsSilent } from '../../../src/core/help-desk/help-desk-board.js';
import type { EscalationRecord, StandardAnswerRecord } from '../../../src/core/help-desk/help-desk-records.js';
import { checkAnswerText, checkMeasures, MAX_STANDARD_ANSWER_LENGTH, pastReview, reviewDate } from '../../../src/core/help-desk/standard-answer-input.js';
import { testAnswerContext } from '../../support/answer-context.js';

describe('a standard answer as a coordinator writes it', () => {
  it('is refused when empty or longer than one message holds, saying so in Chinese', () => {
    expect(checkAnswerText('  \n ')).toEqual({ ok: false, message: '标准答复的内容不能为空：请写上协调办的答复，什么都没有保存。' });
    const long = checkAnswerText('经'.repeat(10_000));
    expect(long).toEqual({ ok: false, message: `标准答复太长了（10000 个字），请控制在 ${MAX_STANDARD_ANSWER_LENGTH} 字以内，什么都没有保存。` });
    expect(checkAnswerText('  由试点地方财政安排。\r\n详见通知。 ')).toEqual({ ok: true, value: '由试点地方财政安排。\n详见通知。' });
  });

  it('names only measures the plan has', () => {
    const { plan } = testAnswerContext();
    expect(checkMeasures(plan, [15, 43, 15])).toEqual({ ok: true, value: [15, 43] });
    expect(checkMeasures(plan, [15, 99])).toEqual({
      ok: false,
      message: `计划共有 ${plan.measures.length} 条措施（编号 1–${plan.measures.length}），没有第 99 条。什么都没有保存。`,
    });
  });

  it('is due for review months later, on the month’s last day when the day does not exist', () => {
    expect(reviewDate('2026-11-24', 6)).toBe('2027-05-24');
    expect(reviewDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(pastReview({ reviewBy: '2027-05-24' }, '2027-05-24')).toBe(false);
    expect(pastReview({ reviewBy: '2027-05-24' }, '2027-05-25')).toBe(true);
  });
});

describe('the help desk commands after /plan', () => {
  it.each([
    ['标准答复', { type: 'list' }],
    ['标准答复 3', { type: 'show', id: 3 }],
    ['标准答复 改 3 由试点地方财政安排，详见 2014 年通知。', { type: 'edit', id: 3, text: '由试点地方财政安排，详见 2014 年通知。' }],
    ['标准答复 改 3', { type: 'edit', id: 3, text: '' }],
    ['标准答复 措施 3 42、43', { type: 'measures', id: 3, measures: [42, 43] }],
    ['标准答复 措施 3 第42条和第99条', { type: 'measures', id: 3, measures: [42, 99] }],
    ['标准答复 复核 3', { type: 'review', id: 3 }],
    ['标准答复 停用 #3', { type: 'retire', id: 3 }],
    ['设置 频道自动回答 开', { type: 'auto-answer', on: true }],
    ['设置 频道自动回答 关', { type: 'auto-answer', on: false }],
  ])('reads %s', (text, command) => {
    expect(readHelpDeskCommand(text)).toEqual(command);
  });

  it('says how to use them when they are not written right, and leaves questions alone', () => {
    expect(readHelpDeskCommand('标准答复 停用')).toMatchObject({ type: 'invalid' });
    expect(readHelpDeskCommand('标准答复 措施 3 很多条')).toMatchObject({ type: 'invalid' });
    expect(readHelpDeskCommand('设置 频道自动回答 也许')).toMatchObject({ type: 'invalid', message: expect.stringContaining('频道自动回答 开') });
    expect(readHelpDeskCommand('标准答复是什么意思')).toBeUndefined();
    expect(readHelpDeskCommand('商标审查周期要控制在多久？')).toBeUndefined();
  });
});

describe('what the help desk has waiting', () => {
  const escalation = (id: number, createdAt: number, state: EscalationRecord['state']): EscalationRecord => ({
    id,
    threadKey: `D1/${id}`,
    askerChannel: 'D1',
    askerThreadTs: `${id}`,
    asker: 'U1',
    question: `问题${id}`,
    plan: '2014',
    measures: [],
    state,
    createdAt,
    openedBy: `click:${id}`,
    coordinationChannel: 'C0COORD',
    permalink: null,
    coordinationTs: null,
    askerToldAt: null,
    answeredAt: null,
    answeredBy: null,
    closedAt: null,
    closedBy: null,
  });
  const answer = (id: number, reviewBy: string, retired = false): StandardAnswerRecord => ({
    id,
    version: 1,
    text: '答复',
    question: `问题${id}`,
    plan: '2014',
    measures: [],
    savedBy: 'U0COORD',
    savedAt: 0,
    updatedBy: 'U0COORD',
    updatedAt: 0,
    reviewBy,
    retired,
    source: null,
  });

  it('lists what is not closed oldest first with its age, and active answers past review', () => {
    const board = helpDeskBoard(
      [escalation(2, 2000, 'open'), escalation(1, 1000, 'answered'), escalation(3, 500, 'closed')],
      [answer(1, '2026-12-01'), answer(2, '2026-11-01'), answer(3, '2026-01-01', true)],
      5000,
      '2026-12-02',
    );
    expect(board.open.map((e) => [e.id, e.ageMs])).toEqual([
      [1, 4000],
      [2, 3000],
    ]);
    expect(board.dueForReview.map((a) => a.id)).toEqual([2, 1]);
    expect(board).toMatchObject({ openCount: 2, dueCount: 2, activeCount: 2 });
  });

  it('offers the office only where the plan is silent', () => {
    expect(planIsSilent({ kind: 'not-covered' })).toBe(true);
    expect(planIsSilent({ kind: 'none', notice: { code: 'no-match', message: '' } })).toBe(true);
    expect(planIsSilent({ kind: 'none', notice: { code: 'out-of-range', message: '' } })).toBe(false);
    expect(planIsSilent({ kind: 'search' })).toBe(false);
  });
});
