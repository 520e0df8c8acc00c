/**
 * Several measures in one message: a range (`/measure 15-20`, headed 第 15–20 条) or several
 * numbers (第3条和第35条, headed 第 3、35 条) list each in full, up to ten; a keyword lookup lists
 * the best matches with the clause that matched.
 */
import type { Answer } from '../../core/answer/answer-schema.js';
import { measureLabel, measuresLabel, sourceLine } from '../answer-parts.js';
import { ACTION, encodeValue } from './action-values.js';
import { actions, button, context, header, sections } from './block-kit.js';
import { escapeMrkdwn, withHighlights, bold, fallbackText } from './mrkdwn.js';
import { MAX_SECTION_TEXT, truncate } from './slack-limits.js';
import type { Block, SlackMessage } from './slack-message.js';

export interface MeasureListOptions {
  shareable: boolean;
}

export function renderMeasureList(answer: Answer, options: MeasureListOptions): SlackMessage {
  const numbers = answer.results.map((r) => r.number);
  const first = numbers[0] ?? 0;
  const lastShown = numbers.at(-1) ?? 0;
  const title = measuresLabel(numbers);
  const blocks: Block[] = [header(title)];
  if (answer.notice) blocks.push(context(escapeMrkdwn(answer.notice.message)));
  for (const result of answer.results) {
    blocks.push(...sections(`${bold(measureLabel(result.number))}　${escapeMrkdwn(result.text)}`));
  }
  blocks.push(context(escapeMrkdwn(sourceLine(answer.source.title, []))));
  if (options.shareable && numbers.length > 0) {
    blocks.push(
      actions('measure_list', button('发到频道', ACTION.share, encodeValue({ k: 'range', from: first, to: lastShown, p: answer.plan.id }), 'primary')),
    );
  }
  const text = answer.results.map((r) => `${measureLabel(r.number)}：${r.text}`).join('\n');
  return { text: fallbackText(`${title}\n${text}`), blocks };
}

/** `/measure 关键词`: the best matches, each with its clause and a 查看 button for the full card. */
export function renderKeywordList(answer: Answer): SlackMessage {
  const blocks: Block[] = [context(escapeMrkdwn(`与“${truncate(answer.query, 100)}”最相关的措施：`))];
  if (answer.notice) blocks.push(context(`:warning: ${escapeMrkdwn(answer.notice.message)}`));
  for (const r of answer.results) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`${bold(measureLabel(r.number))}｜${escapeMrkdwn(r.area.title)}\n${withHighlights(r.snippet, r.highlights)}`, MAX_SECTION_TEXT),
      },
      accessory: button('查看', ACTION.openMeasure, encodeValue({ n: r.number, p: r.plan?.id ?? answer.plan.id })),
    });
  }
  blocks.push(
    context(
      escapeMrkdwn(
        sourceLine(
          answer.source.title,
          answer.results.map((r) => r.number),
        ),
      ),
    ),
  );
  return { text: fallbackText(answer.results.map((r) => `${measureLabel(r.number)}：${r.snippet}`).join('\n')), blocks };
}
