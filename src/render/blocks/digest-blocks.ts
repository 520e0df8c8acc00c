/**
 * The daily digest in the coordination channel: where the walk through the plan stands, today's
 * measures under their area headings (each with 查看 for the full card), what people asked since
 * the previous digest (the unanswered questions shown as typed but escaped), and from the
 * coordinators' record 昨日进展 and 逾期/受阻, and the help desk's waiting list (questions the office
 * has not closed, oldest first, and standard answers due for review), each left out when empty. Authors of updates are
 * not named here: a mention in a channel post would notify them every day.
 */
import { activityHeading, progressChangeText, updatesHeading } from '../text/digest-text.js';
import { type DigestContent, DIGEST_STATE_UNAVAILABLE } from '../../core/digest/digest-content.js';
import { chineseDate } from '../../core/time/weekday.js';
import { escalationName, waited } from '../help-desk-parts.js';
import { ACTION, encodeValue } from './action-values.js';
import { button, context, divider, header, section } from './block-kit.js';
import { bold, escapeMrkdwn, fallbackText } from './mrkdwn.js';
import { MAX_MESSAGE_BLOCKS, MAX_SECTION_TEXT, truncate } from './slack-limits.js';
import type { Block, SlackMessage } from './slack-message.js';

/** At most Slack's block count, keeping the closing line. */
function fitBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= MAX_MESSAGE_BLOCKS) return blocks;
  const last = blocks.at(-1);
  return [...blocks.slice(0, MAX_MESSAGE_BLOCKS - 1), ...(last ? [last] : [])];
}

export function renderDigest(content: DigestContent): SlackMessage {
  const numbers = content.areas.flatMap((a) => a.measures.map((m) => m.number));
  const range = numbers.length > 1 ? `第 ${numbers[0]}–${numbers.at(-1)} 条` : `第 ${numbers[0] ?? ''} 条`;
  const blocks: Block[] = [
    header(`计划简报 · 第 ${content.issue.number} 期，共 ${content.issue.total} 期`),
    context(escapeMrkdwn(`${chineseDate(content.date)} · 《${content.planTitle}》今日：${range}`)),
    ...(content.unavailable ? [context(escapeMrkdwn(DIGEST_STATE_UNAVAILABLE))] : []),
  ];
  for (const area of content.areas) {
    blocks.push(section(bold(`${area.numeral}、${area.title}`)));
    for (const m of area.measures) {
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(`${bold(`第 ${m.number} 条`)}　${escapeMrkdwn(m.text)}`, MAX_SECTION_TEXT) },
        accessory: button('查看', ACTION.openMeasure, encodeValue({ n: m.number })),
      });
    }
  }
  const a = content.activity;
  if (a) {
    blocks.push(divider());
    const lines = [`${bold(activityHeading(a))}　共 ${a.questions} 个问题 · 有帮助 ${a.feedback.helpful} · 没帮助 ${a.feedback.notHelpful}`];
    if (a.topMeasures.length > 0) lines.push(`最常出现：${a.topMeasures.map((m) => `第 ${m.number} 条（${m.count} 次）`).join('、')}`);
    blocks.push(section(lines.join('\n')));
    if (a.unanswered.length > 0) {
      blocks.push(section(`${bold('计划中没有找到答案的问题')}\n${a.unanswered.map((q) => `• ${escapeMrkdwn(q)}`).join('\n')}`));
    }
  }
  if (content.updates) {
    blocks.push(divider(), section(bold(updatesHeading(content.updates))));
    for (const m of content.updates.measures) {
      const lines = m.changes.map((c) => `• ${escapeMrkdwn(progressChangeText(c))}`);
      blocks.push({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(`${bold(`第 ${m.number} 条`)}　${escapeMrkdwn(truncate(m.firstClause, 60))}\n${lines.join('\n')}`, MAX_SECTION_TEXT),
        },
        accessory: button('查看', ACTION.openMeasure, encodeValue({ n: m.number })),
      });
    }
    if (content.updates.more > 0) blocks.push(context(`另有 ${content.updates.more} 条措施有更新，可在应用主页查看。`));
  }
  const desk = content.helpDesk;
  if (desk) {
    const lines: string[] = [];
    if (desk.openCount > 0) {
      lines.push(bold(`协调办待答复（${desk.openCount}）`));
      for (const e of desk.open)
        lines.push(
          `• ${escapeMrkdwn(`${escalationName(e.id)} ${truncate(e.question, 60)}（已等 ${waited(e.ageMs)}${e.state === 'answered' ? '，已答复待关闭' : ''}）`)}`,
        );
      if (desk.openCount > desk.open.length) lines.push(`另有 ${desk.openCount - desk.open.length} 个，可在应用主页查看。`);
    }
    if (desk.dueCount > 0) {
      lines.push(bold(`标准答复待复核（${desk.dueCount}）`));
      for (const a of desk.dueForReview) lines.push(`• ${escapeMrkdwn(`#${a.id} ${truncate(a.question, 60)}（复核日期 ${a.reviewBy}）`)}`);
    }
    blocks.push(divider(), section(truncate(lines.join('\n'), MAX_SECTION_TEXT)));
  }
  if (content.attention) {
    const lines = content.attention.measures.map((m) => {
      const facts = [m.overdue ? `逾期（截止 ${m.due ?? ''}）` : undefined, m.status === '受阻' ? '受阻' : m.status].filter((f) => f !== undefined);
      return `• ${bold(`第 ${m.number} 条`)}　${escapeMrkdwn(truncate(m.firstClause, 40))}：${escapeMrkdwn([...new Set(facts)].join(' · '))}`;
    });
    if (content.attention.more > 0) lines.push(`另有 ${content.attention.more} 条，可在应用主页查看。`);
    blocks.push(divider(), section(`${bold('逾期/受阻')}\n${lines.join('\n')}`));
  }
  blocks.push(context('有问题可以私信我或 @我；/measure 42 查看某条措施，/area 3 查看某个领域，/progress 42 查看推进情况。'));
  return {
    text: fallbackText(`计划简报第 ${content.issue.number} 期（共 ${content.issue.total} 期）：${range}`),
    blocks: fitBlocks(blocks),
  };
}
