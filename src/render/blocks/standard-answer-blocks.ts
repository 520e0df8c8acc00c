/**
 * The office's standard answers in Slack: one shown first to a question it matched, labelled and
 * dated apart from the plan's text (which follows beneath, unchanged); the coordinators' list and
 * one answer with its history (`/plan 标准答复`); and the help desk's part of App Home (questions
 * waiting for the office, oldest first, standard answers due for review, and for coordinators the
 * answers to edit or retire).
 */
import type { BoardEscalation, HelpDeskBoard } from '../../core/help-desk/help-desk-board.js';
import type { ShownStandardAnswer, StandardAnswerRecord, StandardAnswerVersion } from '../../core/help-desk/help-desk-records.js';
import { pastReview } from '../../core/help-desk/standard-answer-input.js';
import { measuresLabel } from '../answer-parts.js';
import { escalationName, pastReviewNotice, PLAN_TEXT_BELOW, standardAnswerLabel, waited } from '../help-desk-parts.js';
import { ACTION, encodeValue } from './action-values.js';
import { button, context, divider, header, section, sections, sectionWithButton } from './block-kit.js';
import { bold, escapeMrkdwn, fallbackText } from './mrkdwn.js';
import { author } from './progress-blocks.js';
import { MAX_FALLBACK_TEXT, MAX_MESSAGE_BLOCKS, truncate } from './slack-limits.js';
import type { Block, SlackMessage } from './slack-message.js';

/** Questions shown in a one-line listing, cut to this length. */
const QUESTION_PREVIEW = 60;
/** Versions listed with one answer, at most (the rest are in the export). */
export const MAX_HISTORY_SHOWN = 20;
/** Standard answers listed by /plan 标准答复, at most. */
export const MAX_LISTED_ANSWERS = 30;

const preview = (text: string): string => escapeMrkdwn(truncate(text.replace(/\s+/gu, ' '), QUESTION_PREVIEW));

/** The standard answer first, then the plan's message beneath it, as one message. */
export function withStandardAnswer(plan: SlackMessage, answer: ShownStandardAnswer): SlackMessage {
  const blocks: Block[] = [
    context(`:bookmark: ${bold(standardAnswerLabel(answer))}`),
    ...sections(escapeMrkdwn(answer.text)),
    ...(answer.pastReview ? [context(`:warning: ${escapeMrkdwn(pastReviewNotice(answer))}`)] : []),
    divider(),
    context(escapeMrkdwn(PLAN_TEXT_BELOW)),
  ];
  const room = MAX_MESSAGE_BLOCKS - blocks.length;
  const text = truncate(`${fallbackText(`${standardAnswerLabel(answer)}：${answer.text}`)}\n\n${plan.text}`, MAX_FALLBACK_TEXT);
  return { text, blocks: [...blocks, ...plan.blocks.slice(0, room)] };
}

function answerLine(a: StandardAnswerRecord, today: string): string {
  const measures = a.measures.length > 0 ? `（${measuresLabel(a.measures)}）` : '';
  const state = a.retired ? ' · 已停用' : pastReview(a, today) ? ` · ${bold('已过复核日期')}` : '';
  return `${bold(`#${a.id}`)} ${preview(a.question)}${measures} · 复核 ${a.reviewBy}${state}`;
}

/** `/plan 标准答复`: every standard answer, the ones in use first. */
export function renderStandardAnswerList(answers: readonly StandardAnswerRecord[], today: string): SlackMessage {
  if (answers.length === 0) return { text: '还没有标准答复。', blocks: [section('还没有标准答复。协调办答复了转来的问题后，可以点“存为标准答复”保存。')] };
  const ordered = [...answers].sort((a, b) => Number(a.retired) - Number(b.retired) || a.id - b.id);
  const shown = ordered.slice(0, MAX_LISTED_ANSWERS);
  const inUse = answers.filter((a) => !a.retired).length;
  const blocks: Block[] = [
    header(`标准答复（在用 ${inUse} 条）`),
    ...sections(shown.map((a) => `• ${answerLine(a, today)}`).join('\n')),
    ...(ordered.length > shown.length ? [context(`另有 ${ordered.length - shown.length} 条，可用 /plan 标准答复 编号 查看。`)] : []),
    context('用 /plan 标准答复 编号 查看全文和历史；协调办人员可用 改、措施、复核、停用 修改。'),
  ];
  return { text: fallbackText(`标准答复：在用 ${inUse} 条`), blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS) };
}

function versionLine(v: StandardAnswerVersion, previous: StandardAnswerVersion | undefined): string {
  const changes = !previous
    ? ['首次保存']
    : [
        v.text !== previous.text ? '改了内容' : undefined,
        v.measures.join() !== previous.measures.join() ? `措施改为 ${v.measures.length > 0 ? measuresLabel(v.measures) : '（无）'}` : undefined,
        v.reviewBy !== previous.reviewBy ? `复核日期 ${v.reviewBy}` : undefined,
        v.retired !== previous.retired ? (v.retired ? '停用' : '恢复使用') : undefined,
      ].filter((c) => c !== undefined);
  return `• 第 ${v.version} 版 · ${author(v.author)}：${escapeMrkdwn(changes.join('，') || '无变化')}`;
}

/** `/plan 标准答复 3`: the answer, what it is for, and every version. */
export function renderStandardAnswerDetail(answer: StandardAnswerRecord, history: readonly StandardAnswerVersion[], today: string): SlackMessage {
  const recent = history.slice(-MAX_HISTORY_SHOWN);
  const state = answer.retired ? '已停用' : pastReview(answer, today) ? `已过复核日期（${answer.reviewBy}）` : `在用，复核日期 ${answer.reviewBy}`;
  const blocks: Block[] = [
    header(`标准答复 #${answer.id}`),
    section(`${bold('问题')}：${escapeMrkdwn(answer.question)}`),
    ...sections(escapeMrkdwn(answer.text)),
    context(
      escapeMrkdwn(`${state} · 计划 ${answer.plan}${answer.measures.length > 0 ? ` · ${measuresLabel(answer.measures)}` : ''} · 第 ${answer.version} 版`),
      `${author(answer.savedBy)} 保存`,
    ),
    divider(),
    section(`${bold('历史')}\n${recent.map((v) => versionLine(v, history[history.indexOf(v) - 1])).join('\n')}`),
  ];
  return { text: fallbackText(`标准答复 #${answer.id}：${answer.text}`), blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS) };
}

function waitingLine(e: BoardEscalation): string {
  const thread = e.permalink && /^https:\/\/[^\s<>|]+$/u.test(e.permalink) ? ` <${e.permalink}|原话题>` : '';
  const state = e.state === 'answered' ? '，已答复待关闭' : '';
  return `• ${bold(escalationName(e.id))} ${preview(e.question)}（已等 ${waited(e.ageMs)}${state}）${thread}`;
}

/** The help desk's part of App Home; `answers` for a coordinator, each with 修改. */
export function helpDeskHomeBlocks(board: HelpDeskBoard, answers: readonly StandardAnswerRecord[] | undefined, today: string): Block[] {
  const blocks: Block[] = [section(bold(`协调办待答复（${board.openCount}）`))];
  if (board.open.length === 0) blocks.push(context('没有等待协调办答复的问题。'));
  else blocks.push(section(board.open.map(waitingLine).join('\n')));
  if (board.openCount > board.open.length) blocks.push(context(`另有 ${board.openCount - board.open.length} 个，最早的排在前面。`));
  if (board.dueCount > 0) {
    const lines = board.dueForReview.map((a) => `• ${bold(`#${a.id}`)} ${preview(a.question)}（复核日期 ${a.reviewBy}）`);
    blocks.push(section(`${bold(`待复核的标准答复（${board.dueCount}）`)}\n${lines.join('\n')}`));
  }
  if (answers && answers.length > 0) {
    blocks.push(section(bold(`标准答复（在用 ${board.activeCount} 条）`)));
    for (const a of answers) blocks.push(sectionWithButton(answerLine(a, today), button('修改', ACTION.editStandardAnswer, encodeValue({ s: a.id }))));
  }
  return blocks;
}
