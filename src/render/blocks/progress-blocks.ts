/**
 * The coordinators' record in Slack: the 推进情况 part of a measure card, a measure's history,
 * status counts, answers to questions about progress, and what a coordinator is told after an
 * update (or when refused). Everything typed — unit names, notes — is escaped; authors are
 * shown as Slack mentions only when they are Slack member IDs (which Slack gave us, never text
 * someone typed), otherwise as escaped text.
 */
import { type MeasureLine, type StatusCounts, COUNTED } from '../../core/progress/progress-overview.js';
import type { ProgressAnswer } from '../../core/progress/progress-question.js';
import type { CardProgress, Contacts } from '../../core/progress/record-view.js';
import {
  FIELD_LABELS,
  NOT_REGISTERED,
  UNIT_SEPARATOR,
  type ProgressChange,
  type ProgressRecord,
  type ProgressStatus,
} from '../../core/progress/progress-schema.js';
import { measureLabel } from '../answer-parts.js';
import { emptyListSentence, progressHeadline, progressListTitle, PROGRESS_SOURCE, progressSource, unavailableSentence } from '../progress-parts.js';
import { ACTION, encodeValue } from './action-values.js';
import { button, context, header, section, sectionWithButton } from './block-kit.js';
import { bold, escapeMrkdwn, fallbackText, quote } from './mrkdwn.js';
import { MAX_FALLBACK_TEXT, MAX_MESSAGE_BLOCKS, MAX_SECTION_TEXT, truncate } from './slack-limits.js';
import type { Block, Button, SlackMessage } from './slack-message.js';

/** Said when whether someone is a coordinator could not be settled in time (Slack slow to list the groups). */
export const UNVERIFIED_TEXT = '暂时无法确认你是否有权更新推进情况（协调员名单暂时读不到），这次没有保存任何更改。请稍后再试。';

/** History entries (updates) shown in one message, at most; the rest is in the CLI export. */
export const MAX_HISTORY_UPDATES = 40;
/** Measures listed in a progress answer, at most. */
export const MAX_LISTED = 15;
const SLACK_MEMBER = /^[UW][A-Z0-9]{2,}$/u;
const SLACK_GROUP = /^S[A-Z0-9]{2,}$/u;

/** `<@U…>` for a Slack member ID (rendered by Slack as the person's name), escaped text otherwise. */
export function author(who: string): string {
  return SLACK_MEMBER.test(who) ? `<@${who}>` : escapeMrkdwn(who);
}

/** The coordinators as Slack mentions (`<@U…>`, `<!subteam^S…>`), IDs from the configuration only. */
function contactMentions(contacts: Contacts): string[] {
  return [
    ...contacts.users.filter((u) => SLACK_MEMBER.test(u)).map((u) => `<@${u}>`),
    ...contacts.groups.filter((g) => SLACK_GROUP.test(g)).map((g) => `<!subteam^${g}>`),
  ];
}

function units(list: readonly string[]): string {
  return list.length > 0 ? escapeMrkdwn(list.join(UNIT_SEPARATOR)) : '未登记';
}

function statusText(status: ProgressStatus | undefined): string {
  return status ? bold(status) : '未登记';
}

function dueText(record: Pick<ProgressRecord, 'due' | 'overdue'>): string {
  if (!record.due) return '未设';
  return record.overdue ? `${record.due}（${bold('已逾期')}）` : record.due;
}

function preview(text: string, max: number): string {
  return truncate(text.replace(/\s+/gu, ' '), max);
}

/** `推进中 2 · 已完成 1 · 受阻 0 · 未启动 0 · 未登记 4 · 逾期 1` */
export function countsLine(counts: StatusCounts): string {
  const parts = COUNTED.map((status) => `${status} ${counts[status]}`);
  return [...parts, `逾期 ${counts.overdue}`].join(' · ');
}

/** The 推进情况 part of a measure card. */
export function progressBlocks(record: ProgressRecord | undefined): Block[] {
  if (!record) return [context(`${bold('推进情况')}：${NOT_REGISTERED}。`)];
  const lines = [
    `${bold('推进情况')}（协调办登记，${record.updatedDate} ${record.updatedTime} 由 ${author(record.updatedBy)} 更新）`,
    `状态：${statusText(record.status)}　截止：${dueText(record)}`,
    `牵头单位：${units(record.lead)}`,
    `参与单位：${units(record.participants)}`,
  ];
  const blocks: Block[] = [section(lines.join('\n'))];
  const note = record.latestNote;
  if (note) {
    const head = `最新进展（${note.date} ${note.time}，${author(note.author)}）：\n`;
    blocks.push(section(head + quote(truncate(escapeMrkdwn(note.text), MAX_SECTION_TEXT - head.length - 200))));
  }
  return blocks;
}

/** 历史 and 更新进展 for a card. */
export function progressButtons(number: number, progress: CardProgress): Button[] {
  const buttons: Button[] = [];
  if (progress.record) buttons.push(button('历史', ACTION.progressHistory, encodeValue({ n: number })));
  if (progress.canEdit) buttons.push(button('更新进展', ACTION.progressEdit, encodeValue({ n: number })));
  return buttons;
}

function changeLine(change: Pick<ProgressChange, 'field' | 'before' | 'after'>, noteMax = MAX_SECTION_TEXT): string {
  if (change.field === 'note') return `${FIELD_LABELS.note}：${escapeMrkdwn(truncate(change.after ?? '', noteMax))}`;
  const shownValue = (v: string | null) => (v === null ? '（无）' : escapeMrkdwn(v));
  return `${FIELD_LABELS[change.field]}：${shownValue(change.before)} → ${shownValue(change.after)}`;
}

/** A measure's history, newest update first: who, when, each field before → after, each note. */
export function historyBlocks(number: number, changes: readonly ProgressChange[], maxBlocks = MAX_MESSAGE_BLOCKS): Block[] {
  const updates = new Map<number, ProgressChange[]>();
  for (const c of changes) updates.set(c.version, [...(updates.get(c.version) ?? []), c]);
  const versions = [...updates.keys()].sort((a, b) => b - a);
  const room = Math.min(MAX_HISTORY_UPDATES, maxBlocks - 3);
  const blocks: Block[] = [header(`${measureLabel(number)} · 推进记录`)];
  if (versions.length === 0) return [...blocks, section(`${NOT_REGISTERED}。`)];
  for (const version of versions.slice(0, room)) {
    const entries = updates.get(version) ?? [];
    const [first] = entries;
    if (!first) continue;
    const head = `${bold(`${first.date} ${first.time}`)}　${author(first.author)}（第 ${version} 版）`;
    const budget = Math.floor((MAX_SECTION_TEXT - head.length - 100) / Math.max(1, entries.length));
    blocks.push(section([head, ...entries.map((c) => `• ${changeLine(c, budget)}`)].join('\n')));
  }
  const hidden = versions.length - Math.min(versions.length, room);
  blocks.push(context(hidden > 0 ? `更早的 ${hidden} 次更新未列出；完整记录可用命令行导出：progress show ${number} --json` : `共 ${versions.length} 次更新。`));
  return blocks;
}

export function renderHistory(number: number, changes: readonly ProgressChange[]): SlackMessage {
  return { text: fallbackText(`${measureLabel(number)}的推进记录`), blocks: historyBlocks(number, changes) };
}

/** What a coordinator sees after `/progress … ` saved: the changes, then the card. */
export function savedNotice(number: number, version: number, changes: ReadonlyArray<Pick<ProgressChange, 'field' | 'before' | 'after'>>): Block {
  const lines = changes.map((c) => `• ${changeLine(c, 300)}`);
  return section(`:white_check_mark: 已登记${measureLabel(number)}（第 ${version} 版）：\n${lines.join('\n')}`);
}

/**
 * The refusal a non-coordinator gets: what they tried changed nothing, and whom to ask — the
 * coordinators by mention, or 协调办 when COORDINATORS names nobody. Our own sentence and
 * mentions of configured IDs only, so it needs no escaping.
 */
export function refusalText(contacts: Contacts): string {
  const mentions = contactMentions(contacts);
  const refused = '你没有登记推进情况的权限，这次没有做任何更改。';
  if (mentions.length === 0)
    return `${refused}推进情况由协调办指定的人员登记，目前还没有指定任何人（应用的 COORDINATORS 尚未设置）。如需开通权限，请联系协调办。`;
  return `${refused}推进情况由协调办指定的人员登记：${mentions.join('、')}。如需开通权限，请联系他们。`;
}

/**
 * The refusal as a message. Its fallback text is the same sentence, mentions included: Slack shows
 * them as names in a notification, where text without them read "…人员登记：、。".
 */
export function renderRefusal(contacts: Contacts): SlackMessage {
  const text = refusalText(contacts);
  return { text: truncate(text, MAX_FALLBACK_TEXT), blocks: [section(`:lock: ${text}`)] };
}

/** A plain sentence (an error, a hint), escaped. */
export function renderNotice(message: string): SlackMessage {
  return { text: fallbackText(message), blocks: [section(escapeMrkdwn(message))] };
}

function lineText(line: MeasureLine): string {
  const r = line.record;
  const facts = r
    ? [
        r.status ?? '状态未登记',
        ...(r.due ? [`截止 ${r.due}${r.overdue ? '（已逾期）' : ''}`] : []),
        ...(r.lead.length > 0 ? [`牵头：${r.lead.join(UNIT_SEPARATOR)}`] : []),
      ]
    : ['未登记'];
  return `${bold(measureLabel(line.number))}　${escapeMrkdwn(preview(line.firstClause, 60))}\n${escapeMrkdwn(facts.join(' · '))}`;
}

/** A measure in a list, with 查看 opening its card (`action`: in a message, or in a modal). */
export function measureLineBlock(line: MeasureLine, action: string): Block {
  return sectionWithButton(lineText(line), button('查看', action, encodeValue({ n: line.number })));
}

/** An answer to a question about progress, from the record (or saying it has nothing). */
export function renderProgressAnswer(answer: ProgressAnswer): SlackMessage {
  const unavailable = unavailableSentence(answer);
  if (unavailable)
    return {
      text: fallbackText(unavailable),
      blocks: [section(escapeMrkdwn(unavailable)), context('计划原文照常可查；推进情况由协调办登记，记录恢复后可在这里查询。')],
    };
  if (answer.kind === 'list') {
    const title = progressListTitle(answer);
    const empty = emptyListSentence(answer);
    if (empty)
      return {
        text: fallbackText(empty),
        blocks: [section(escapeMrkdwn(empty)), context(answer.registered === 0 ? '推进情况由协调办登记；登记后可在这里查询。' : '未登记的措施不在此列。')],
      };
    const shown = answer.measures.slice(0, MAX_LISTED);
    const blocks: Block[] = [
      section(`${bold(title)}（协调办登记，共 ${answer.measures.length} 条）`),
      ...shown.map((l) => measureLineBlock(l, ACTION.openMeasure)),
    ];
    if (answer.measures.length > shown.length) blocks.push(context(`另有 ${answer.measures.length - shown.length} 条未列出，可在应用主页查看。`));
    blocks.push(context(PROGRESS_SOURCE));
    return { text: fallbackText(`${title}：${shown.map((l) => measureLabel(l.number)).join('、')}`), blocks };
  }

  const { measure, record } = answer;
  const firstLine = progressHeadline(answer);
  const blocks: Block[] = [
    sectionWithButton(
      `${bold(firstLine)}\n${escapeMrkdwn(`${measure.area.numeral}、${measure.area.title}｜${preview(measure.firstClause, 80)}`)}`,
      button('查看', ACTION.openMeasure, encodeValue({ n: measure.number })),
    ),
    ...(record ? progressBlocks(record) : []),
    context(progressSource(answer)),
  ];
  return { text: fallbackText(firstLine), blocks };
}
