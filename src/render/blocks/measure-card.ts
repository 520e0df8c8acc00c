/**
 * One measure, whole: number, area, full text, and 上一条 / 下一条 / 发到频道.
 */
import type { MeasureResult, PlanSource } from '../../core/answer/answer-schema.js';
import { areaLabel, measureLabel } from '../answer-parts.js';
import { ACTION, encodeValue } from './action-values.js';
import { actions, button, context, header, sections } from './block-kit.js';
import { escapeMrkdwn, fallbackText } from './mrkdwn.js';
import type { Button, SlackMessage } from './slack-message.js';

export interface MeasureCardOptions {
  /** Offer 发到频道 (on an answer only the asker sees). */
  shareable: boolean;
}

export function renderMeasureCard(measure: MeasureResult, source: PlanSource, options: MeasureCardOptions): SlackMessage {
  const { number, area } = measure;
  const buttons: Button[] = [];
  if (number > 1) buttons.push(button('← 上一条', ACTION.measurePrevious, encodeValue({ n: number - 1 })));
  if (number < source.measureCount) buttons.push(button('下一条 →', ACTION.measureNext, encodeValue({ n: number + 1 })));
  if (options.shareable) buttons.push(button('发到频道', ACTION.share, encodeValue({ k: 'measure', n: number }), 'primary'));
  return {
    text: fallbackText(`${measureLabel(number)}：${measure.text}`),
    blocks: [
      header(measureLabel(number)),
      context(escapeMrkdwn(`${areaLabel(area)} · 第 ${area.firstMeasure}–${area.lastMeasure} 条 · 《${source.title}》`)),
      ...sections(escapeMrkdwn(measure.text)),
      ...(buttons.length > 0 ? [actions(`measure_${number}`, ...buttons)] : []),
    ],
  };
}
