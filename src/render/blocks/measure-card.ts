/**
 * One measure, whole: number, area, full text, and 上一条 / 下一条 / 发到频道.
 */
import { areaOf, findMeasure } from '../../core/plan/find-in-plan.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import { ACTION, encodeValue } from './action-values.js';
import { actions, button, context, header, sections } from './block-kit.js';
import { escapeMrkdwn, fallbackText } from './mrkdwn.js';
import type { Button, SlackMessage } from './slack-message.js';

export interface MeasureCardOptions {
  /** Offer 发到频道 (on an answer only the asker sees). */
  shareable: boolean;
}

export function measureCardText(plan: Plan, number: number): string {
  const measure = findMeasure(plan, number);
  return measure ? `第 ${number} 条：${measure.displayText}` : `第 ${number} 条`;
}

export function renderMeasureCard(plan: Plan, number: number, options: MeasureCardOptions): SlackMessage {
  const measure = findMeasure(plan, number);
  if (!measure) throw new RangeError(`no measure ${number}`);
  const area = areaOf(plan, measure);
  const last = plan.measures.length;
  const buttons: Button[] = [];
  if (number > 1) buttons.push(button('← 上一条', ACTION.measurePrevious, encodeValue({ n: number - 1 })));
  if (number < last) buttons.push(button('下一条 →', ACTION.measureNext, encodeValue({ n: number + 1 })));
  if (options.shareable) buttons.push(button('发到频道', ACTION.share, encodeValue({ k: 'measure', n: number }), 'primary'));
  return {
    text: fallbackText(measureCardText(plan, number)),
    blocks: [
      header(`第 ${number} 条`),
      context(escapeMrkdwn(`${area.numeral}、${area.title} · 第 ${area.measureNumbers[0]}–${area.measureNumbers.at(-1)} 条 · 《${plan.title}》`)),
      ...sections(escapeMrkdwn(measure.displayText)),
      ...(buttons.length > 0 ? [actions(`measure_${number}`, ...buttons)] : []),
    ],
  };
}
