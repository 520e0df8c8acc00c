/**
 * The daily digest in the coordination channel: where the walk through the plan stands, today's
 * measures under their area headings (each with 查看 for the full card), and what people asked
 * since the previous digest, the unanswered questions shown as typed but escaped.
 */
import { activityHeading } from '../text/digest-text.js';
import type { DigestContent } from '../../core/digest/digest-content.js';
import { chineseDate } from '../../core/time/weekday.js';
import { ACTION, encodeValue } from './action-values.js';
import { button, context, divider, header, section } from './block-kit.js';
import { bold, escapeMrkdwn, fallbackText } from './mrkdwn.js';
import { MAX_MESSAGE_BLOCKS, MAX_SECTION_TEXT, truncate } from './slack-limits.js';
import type { Block, SlackMessage } from './slack-message.js';

export function renderDigest(content: DigestContent): SlackMessage {
  const numbers = content.areas.flatMap((a) => a.measures.map((m) => m.number));
  const range = numbers.length > 1 ? `第 ${numbers[0]}–${numbers.at(-1)} 条` : `第 ${numbers[0] ?? ''} 条`;
  const blocks: Block[] = [
    header(`计划简报 · 第 ${content.issue.number} 期，共 ${content.issue.total} 期`),
    context(escapeMrkdwn(`${chineseDate(content.date)} · 《${content.planTitle}》今日：${range}`)),
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
  blocks.push(context('有问题可以私信我或 @我；/measure 42 查看某条措施，/area 3 查看某个领域。'));
  return {
    text: fallbackText(`计划简报第 ${content.issue.number} 期（共 ${content.issue.total} 期）：${range}`),
    blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS),
  };
}
