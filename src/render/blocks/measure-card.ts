/**
 * One measure, whole: number, area, full text, and 上一条 / 下一条 / 发到频道. With the
 * coordinators' record (`progress`), also its 推进情况 (lead unit, status, due date, latest note),
 * 历史, and 更新进展 for a viewer who may edit it.
 */
import type { MeasureResult, PlanSource } from '../../core/answer/answer-schema.js';
import { areaLabel, measureLabel } from '../answer-parts.js';
import { ACTION, encodeValue } from './action-values.js';
import { actions, button, context, header, sections } from './block-kit.js';
import { escapeMrkdwn, fallbackText } from './mrkdwn.js';
import { progressBlocks, progressButtons } from './progress-blocks.js';
import type { CardProgress } from '../../core/progress/record-view.js';
import type { Block, Button, SlackMessage } from './slack-message.js';

export interface MeasureCardOptions {
  /** Offer 发到频道 (on an answer only the asker sees). */
  shareable: boolean;
  /** The measure's progress record, when the surface shows it. */
  progress?: CardProgress;
}

/** The card's content: heading, area, full text, and the record when given. */
export function measureCardBlocks(measure: MeasureResult, source: PlanSource, progress: CardProgress | undefined): Block[] {
  const { number, area } = measure;
  return [
    header(measureLabel(number)),
    context(escapeMrkdwn(`${areaLabel(area)} · 第 ${area.firstMeasure}–${area.lastMeasure} 条 · 《${source.title}》`)),
    ...sections(escapeMrkdwn(measure.text)),
    ...(progress ? progressBlocks(progress.record) : []),
  ];
}

export function renderMeasureCard(measure: MeasureResult, source: PlanSource, options: MeasureCardOptions): SlackMessage {
  const { number } = measure;
  const buttons: Button[] = [];
  if (number > 1) buttons.push(button('← 上一条', ACTION.measurePrevious, encodeValue({ n: number - 1 })));
  if (number < source.measureCount) buttons.push(button('下一条 →', ACTION.measureNext, encodeValue({ n: number + 1 })));
  if (options.progress) buttons.push(...progressButtons(number, options.progress));
  if (options.shareable) buttons.push(button('发到频道', ACTION.share, encodeValue({ k: 'measure', n: number }), 'primary'));
  return {
    text: fallbackText(`${measureLabel(number)}：${measure.text}`),
    blocks: [...measureCardBlocks(measure, source, options.progress), ...(buttons.length > 0 ? [actions(`measure_${number}`, ...buttons)] : [])],
  };
}
