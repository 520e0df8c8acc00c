/**
 * 上一条 / 下一条 on a measure card replace the card in place; 全文 / 查看 show a measure's card
 * to the clicker. Cards carry the measure's progress record, with 更新进展 for coordinators.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeValue, MeasureValueSchema } from '../../../render/blocks/action-values.js';
import type { SlackDeps } from '../../deps.js';
import { measureCardMessage } from '../../progress/progress-replies.js';
import { privately, readClick } from '../slack-payloads.js';

type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

export function measureStep(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.measure_step', async () => {
      const click = readClick(body);
      const n = decodeValue(MeasureValueSchema, click?.value)?.n ?? 0;
      const card = click && (await measureCardMessage(deps, n, click.ephemeral ? click.userId : undefined, { shareable: click.ephemeral }));
      if (!card) return { outcome: 'ignored-bad-value' };
      await respond({ replace_original: true, ...card });
      return { outcome: 'replaced', measure: n };
    }, privately(respond));
  };
}

export function openMeasure(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.measure_open', async () => {
      const click = readClick(body);
      const n = decodeValue(MeasureValueSchema, click?.value)?.n ?? 0;
      const card = click && (await measureCardMessage(deps, n, click.userId, { shareable: true }));
      if (!card) return { outcome: 'ignored-bad-value' };
      await respond({ response_type: 'ephemeral', replace_original: false, ...card });
      return { outcome: 'shown', measure: n };
    }, privately(respond));
  };
}
