/**
 * Several measures in one message: a range (`/measure 15-20`) lists each in full, up to ten.
 */
import type { Answer } from '../../core/answer/answer-schema.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import { ACTION, encodeValue } from './action-values.js';
import { actions, button, context, header, sections } from './block-kit.js';
import { escapeMrkdwn, withHighlights, bold, fallbackText } from './mrkdwn.js';
import { MAX_SECTION_TEXT, truncate } from './slack-limits.js';
import type { Block, SlackMessage } from './slack-message.js';

export interface MeasureListOptions {
  shareable: boolean;
}

export function renderMeasureList(plan: Plan, answer: Answer, options: MeasureListOptions): SlackMessage {
  const numbers = answer.results.map((r) => r.number);
  const first = numbers[0] ?? 0;
  const lastShown = numbers.at(-1) ?? 0;
  const title = numbers.length === 1 ? `第 ${first} 条` : `第 ${first}–${lastShown} 条`;
  const blocks: Block[] = [header(title)];
  if (answer.notice) blocks.push(context(escapeMrkdwn(answer.notice.message)));
  for (const result of answer.results) {
    blocks.push(...sections(`${bold(`第 ${result.number} 条`)}　${escapeMrkdwn(result.text)}`));
  }
  blocks.push(context(escapeMrkdwn(`来源：《${plan.title}》`)));
  if (options.shareable && numbers.length > 0) {
    blocks.push(actions('measure_list', button('发到频道', ACTION.share, encodeValue({ k: 'range', from: first, to: lastShown }), 'primary')));
  }
  const text = answer.results.map((r) => `第 ${r.number} 条：${r.text}`).join('\n');
  return { text: fallbackText(`${title}\n${text}`), blocks };
}

/** `/measure 关键词`: the best matches, each with its clause and a 查看 button for the full card. */
export function renderKeywordList(plan: Plan, answer: Answer): SlackMessage {
  const blocks: Block[] = [context(escapeMrkdwn(`与“${truncate(answer.query, 100)}”最相关的措施：`))];
  if (answer.notice) blocks.push(context(`:warning: ${escapeMrkdwn(answer.notice.message)}`));
  for (const r of answer.results) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`${bold(`第 ${r.number} 条`)}｜${escapeMrkdwn(r.areaTitle)}\n${withHighlights(r.snippet, r.highlights)}`, MAX_SECTION_TEXT) },
      accessory: button('查看', ACTION.openMeasure, encodeValue({ n: r.number })),
    });
  }
  blocks.push(context(escapeMrkdwn(`来源：《${plan.title}》第 ${answer.results.map((r) => r.number).join('、')} 条`)));
  return { text: fallbackText(answer.results.map((r) => `第 ${r.number} 条：${r.snippet}`).join('\n')), blocks };
}
