/**
 * 上一条 / 下一条 on a measure card replace the card in place; 全文 / 查看 show a measure's card
 * to the clicker.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeValue, MeasureValueSchema } from '../../../render/blocks/action-values.js';
import { renderMeasureCard } from '../../../render/blocks/measure-card.js';
import type { SlackDeps } from '../../deps.js';
import { privately, readClick } from '../slack-payloads.js';

type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

export function measureStep(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.measure_step', async () => {
      const click = readClick(body);
      const measure = click && deps.answering.measureCard(decodeValue(MeasureValueSchema, click.value)?.n ?? 0);
      if (!click || !measure) return { outcome: 'ignored-bad-value' };
      await respond({ replace_original: true, ...renderMeasureCard(measure, deps.answering.source, { shareable: click.ephemeral }) });
      return { outcome: 'replaced', measure: measure.number };
    }, privately(respond));
  };
}

export function openMeasure(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.measure_open', async () => {
      const click = readClick(body);
      const measure = click && deps.answering.measureCard(decodeValue(MeasureValueSchema, click.value)?.n ?? 0);
      if (!measure) return { outcome: 'ignored-bad-value' };
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderMeasureCard(measure, deps.answering.source, { shareable: true }) });
      return { outcome: 'shown', measure: measure.number };
    }, privately(respond));
  };
}
