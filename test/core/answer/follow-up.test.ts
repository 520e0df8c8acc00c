import { describe, expect, it } from 'vitest';
import { answerInContext } from '../../../src/core/answer/answer-in-context.js';
import { readFollowUp, type ThreadContext } from '../../../src/core/answer/follow-up.js';
import { testAnswerContext } from '../../support/answer-context.js';

const ctx = testAnswerContext();

/** Asks `messages` in one conversation; returns the last answer. */
function converse(...messages: string[]) {
  let context: ThreadContext | undefined;
  let turn = answerInContext(ctx, messages[0] ?? '', undefined);
  for (const message of messages) {
    turn = answerInContext(ctx, message, context);
    context = turn.context;
  }
  return turn.answer;
}

describe('reading a follow-up', () => {
  it.each([
    ['下一条', { type: 'step', by: 1 }],
    ['再往后一条', { type: 'step', by: 1 }],
    ['继续', { type: 'step', by: 1 }],
    ['上一条', { type: 'step', by: -1 }],
    ['往前一条', { type: 'step', by: -1 }],
    ['全文', { type: 'full' }],
    ['把那条全文发我', { type: 'full' }],
    ['给我这条的全文', { type: 'full' }],
    ['还有吗', { type: 'more' }],
    ['还有其他的吗？', { type: 'more' }],
  ])('%s', (message, expected) => {
    expect(readFollowUp(message)).toEqual(expected);
  });

  it('leaves questions alone, also one that starts with 那条', () => {
    for (const message of ['那条措施讲的是海关吗', '剑网行动', '第43条']) expect(readFollowUp(message), message).toBeUndefined();
  });
});

describe('answering in a conversation', () => {
  it('steps to the next and previous measure, and shows the full text of the one in focus', () => {
    expect(converse('第42条', '下一条').results.map((r) => r.number)).toEqual([43]);
    expect(converse('第42条', '上一条').results.map((r) => r.number)).toEqual([41]);
    expect(converse('剑网行动', '全文').results.map((r) => r.number)).toEqual([28]);
  });

  it('lists more results for 还有吗, and when there are none, says so and shows again what there is', () => {
    const again = converse('地理标志相关的措施有哪些', '还有吗');
    expect(again.notice?.code).toBe('no-more');
    expect(again.notice?.message).toContain('已经都列出来了');
    expect(again.results.map((r) => r.number).sort((a, b) => a - b)).toEqual([37, 51, 56]);
  });

  it('says a follow-up needs an earlier answer when there is none', () => {
    expect(answerInContext(ctx, '下一条', undefined).answer.notice?.code).toBe('no-context');
  });
});
