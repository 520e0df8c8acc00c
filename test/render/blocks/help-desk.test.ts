/**
 * The help desk's Slack messages, pinned by snapshots of fixed inputs and checked against Slack's
 * limits: 问协调办 under an answer the plan is silent on, the escalation as the office sees it, the
 * asker's note, the relayed reply, the offer to save it, a standard answer above the plan's text,
 * the coordinators' list and history, and the help desk on Home and in the digest.
 */
import { describe, expect, it } from 'vitest';
import { helpDeskBoard } from '../../../src/core/help-desk/help-desk-board.js';
import type { EscalationRecord, StandardAnswerRecord, StandardAnswerVersion } from '../../../src/core/help-desk/help-desk-records.js';
import { renderAnswer } from '../../../src/render/blocks/answer-message.js';
import { renderDashboard } from '../../../src/render/blocks/dashboard-blocks.js';
import { renderDigest } from '../../../src/render/blocks/digest-blocks.js';
import { renderFeedbackOffer, renderOfficePost, renderPassedOn, renderRelay, renderSaveOffer } from '../../../src/render/blocks/help-desk-blocks.js';
import { renderStandardAnswerDetail, renderStandardAnswerList, withStandardAnswer } from '../../../src/render/blocks/standard-answer-blocks.js';
import { renderStandardAnswerForm } from '../../../src/render/blocks/standard-answer-modal.js';
import { DASHBOARD, DIGEST, NO_MATCH_ANSWER, NOT_COVERED_ANSWER, OVERVIEW, SOURCE } from '../../support/render-fixtures.js';
import { slackMessageProblems, slackViewProblems } from '../../support/slack-message-check.js';

const ESCALATION: EscalationRecord = {
  id: 3,
  threadKey: 'D0DIRECT/1764000000.000100',
  askerChannel: 'D0DIRECT',
  askerThreadTs: '1764000000.000100',
  asker: 'U0USER',
  question: '专利导航实验区的工作经费由谁承担？<!channel> *紧急*',
  plan: '2014',
  measures: [15, 43],
  state: 'open',
  createdAt: Date.parse('2026-11-28T02:00:00Z'),
  openedBy: 'click:1',
  coordinationChannel: 'C0COORDOFFICE',
  permalink: 'https://fake.slack.com/archives/D0DIRECT/p1764000000000100',
  coordinationTs: '1764000000.000200',
  askerToldAt: null,
  answeredAt: null,
  answeredBy: null,
  closedAt: null,
  closedBy: null,
};
const REPLY = {
  escalation: 3,
  messageTs: '1764000000.000300',
  author: 'U0COORD',
  text: '经费由试点地方财政安排，\n国家知识产权局给予引导资金支持。<@U0ALL>',
  at: 1,
  relayTs: null,
  offeredAt: null,
};
const STANDARD: StandardAnswerRecord = {
  id: 1,
  version: 2,
  text: '经费由试点地方财政安排，国家知识产权局给予引导资金支持。',
  question: '专利导航实验区的工作经费由谁承担？',
  plan: '2014',
  measures: [15],
  savedBy: 'U0COORD',
  savedAt: Date.parse('2026-12-01T02:00:00Z'),
  updatedBy: 'U0COORD',
  updatedAt: Date.parse('2026-12-02T02:00:00Z'),
  reviewBy: '2027-06-01',
  retired: false,
  source: 'escalation:3:1764000000.000300',
};
const HISTORY: StandardAnswerVersion[] = [
  {
    id: 1,
    version: 1,
    text: '由地方安排。',
    question: STANDARD.question,
    measures: [15],
    reviewBy: '2027-06-01',
    retired: false,
    author: 'U0COORD',
    at: STANDARD.savedAt,
  },
  {
    id: 1,
    version: 2,
    text: STANDARD.text,
    question: STANDARD.question,
    measures: [15],
    reviewBy: '2027-06-02',
    retired: false,
    author: 'U0MEMBER',
    at: STANDARD.updatedAt,
  },
];
const ESCALATE = { q: '专利导航实验区的工作经费由谁承担？', m: [15], c: 'D0DIRECT', t: '1764000000.000100' };
const json = (value: unknown) => JSON.stringify(value);

describe('the help desk in Slack', () => {
  it('offers 问协调办 under an answer the plan is silent on, carrying the asker’s thread', () => {
    for (const answer of [NOT_COVERED_ANSWER, NO_MATCH_ANSWER]) {
      const message = renderAnswer(answer, { feedback: 'native', shareable: false, escalate: ESCALATE });
      expect(json(message.blocks)).toContain('escalate_to_office');
      expect(json(message.blocks)).toContain('\\"t\\":\\"1764000000.000100\\"');
      expect(slackMessageProblems(message)).toEqual([]);
    }
    expect(renderAnswer(NOT_COVERED_ANSWER, { feedback: 'native', shareable: false, escalate: ESCALATE })).toMatchSnapshot();
    expect(renderFeedbackOffer('谢谢反馈。', ESCALATE)).toMatchSnapshot();
  });

  it('posts the escalation for the office with who asked, the plan and measures found, and the thread, typed text escaped', () => {
    const post = renderOfficePost(ESCALATION, SOURCE.title);
    expect(json(post.blocks)).toContain('<@U0USER>');
    expect(json(post.blocks)).toContain('第 15、43 条');
    expect(json(post.blocks)).toContain('<https://fake.slack.com/archives/D0DIRECT/p1764000000000100|查看原话题>');
    expect(json(post)).not.toContain('<!channel>');
    expect(slackMessageProblems(post, { allowMentionOf: 'U0USER', allowLinksTo: 'https://fake.slack.com/' })).toEqual([]);
    expect(post).toMatchSnapshot();
    expect(json(renderOfficePost({ ...ESCALATION, permalink: 'javascript:alert(1)' }, SOURCE.title))).toContain('原话题的链接暂时取不到');
  });

  it('relays the office’s reply as the office’s, naming who answered, and offers to save it', () => {
    const relay = renderRelay(REPLY);
    expect(json(relay.blocks)).toContain('协调办答复');
    expect(json(relay.blocks)).toContain('<@U0COORD>');
    expect(json(relay.blocks)).not.toContain('<@U0ALL>');
    expect(slackMessageProblems(relay, { allowMentionOf: 'U0COORD' })).toEqual([]);
    expect(slackMessageProblems(renderRelay({ author: 'U0COORD', text: '长'.repeat(10_000) }), { allowMentionOf: 'U0COORD' })).toEqual([]);
    expect(relay).toMatchSnapshot();
    expect(renderSaveOffer(ESCALATION, REPLY)).toMatchSnapshot();
    expect(renderPassedOn(ESCALATION)).toMatchSnapshot();
  });

  it('shows a standard answer first, labelled and dated apart from the plan’s text beneath', () => {
    const plan = renderAnswer(NOT_COVERED_ANSWER, { feedback: 'buttons', shareable: false });
    const shown = withStandardAnswer(plan, {
      id: 1,
      text: STANDARD.text,
      question: STANDARD.question,
      date: '2026-12-01',
      reviewBy: '2027-06-01',
      pastReview: false,
    });
    const blocks = json(shown.blocks);
    expect(blocks.indexOf('标准答复 · 协调办 · 2026-12-01')).toBeLessThan(blocks.indexOf('以下是计划原文'));
    expect(blocks.indexOf('以下是计划原文')).toBeLessThan(blocks.indexOf(plan.text.slice(0, 10)));
    expect(slackMessageProblems(shown)).toEqual([]);
    expect(shown).toMatchSnapshot();
    const expired = withStandardAnswer(plan, {
      id: 1,
      text: STANDARD.text,
      question: STANDARD.question,
      date: '2026-12-01',
      reviewBy: '2027-06-01',
      pastReview: true,
    });
    expect(json(expired.blocks)).toContain('已过复核日期（2027-06-01）');
  });

  it('lists the standard answers and one with its history for coordinators', () => {
    const list = renderStandardAnswerList([STANDARD, { ...STANDARD, id: 2, retired: true }, { ...STANDARD, id: 4, reviewBy: '2026-11-30' }], '2026-12-05');
    expect(json(list.blocks)).toContain('已过复核日期');
    expect(slackMessageProblems(list)).toEqual([]);
    expect(list).toMatchSnapshot();
    const detail = renderStandardAnswerDetail(STANDARD, HISTORY, '2026-12-05');
    expect(json(detail.blocks)).toContain('第 2 版 · <@U0MEMBER>：改了内容，复核日期 2027-06-02');
    expect(slackMessageProblems(detail, { allowMentionOf: ['U0COORD', 'U0MEMBER'] })).toEqual([]);
    expect(detail).toMatchSnapshot();
  });

  it('shows what is waiting on Home and in the digest', () => {
    const board = helpDeskBoard(
      [ESCALATION, { ...ESCALATION, id: 4, state: 'answered', createdAt: Date.parse('2026-12-05T00:00:00Z') }],
      [{ ...STANDARD, reviewBy: '2026-12-01' }],
      Date.parse('2026-12-05T02:00:00Z'),
      '2026-12-05',
    );
    const home = renderDashboard(DASHBOARD, OVERVIEW, { board, answers: [STANDARD], today: '2026-12-05' });
    expect(json(home.blocks)).toContain('协调办待答复（2）');
    expect(json(home.blocks)).toContain('已等 7 天');
    expect(json(home.blocks)).toContain('standard_answer_edit');
    expect(slackViewProblems(home, { allowLinksTo: 'https://fake.slack.com/' })).toEqual([]);
    const digest = renderDigest({
      ...DIGEST,
      helpDesk: {
        open: board.open.map(({ id, question, state, ageMs }) => ({ id, question, state, ageMs })),
        openCount: 2,
        dueForReview: board.dueForReview,
        dueCount: 1,
      },
    });
    expect(json(digest.blocks)).toContain('标准答复待复核（1）');
    expect(json(digest.blocks)).not.toContain('<@U0USER>');
    expect(slackMessageProblems(digest)).toEqual([]);
    expect(digest).toMatchSnapshot();
  });

  it('opens a standard answer in a window for a coordinator, within Slack’s limits', () => {
    const form = renderStandardAnswerForm({ ...STANDARD, text: '长'.repeat(3000), question: '问'.repeat(2000) });
    expect(slackViewProblems(form)).toEqual([]);
    expect(renderStandardAnswerForm(STANDARD)).toMatchSnapshot();
  });
});
