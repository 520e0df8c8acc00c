/**
 * 上一条 / 下一条 on a measure card replace the card in place; 全文 / 查看 show a measure's card
 * to the clicker.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findMeasure } from '../../../core/plan/find-in-plan.js';
import { decodeValue, MeasureValueSchema } from '../../../render/blocks/action-values.js';
import { renderMeasureCard } from '../../../render/blocks/measure-card.js';
import { handleRequest } from '../../request-log.js';
import type { SlackDeps } from '../../slack-deps.js';
import { clickedEphemeral, clickedValue } from './clicked-value.js';

type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

export function onMeasureStep(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await handleRequest(deps, 'action.measure_step', async () => {
      const value = decodeValue(MeasureValueSchema, clickedValue(body));
      if (!value || !findMeasure(deps.ctx.plan, value.n)) return { outcome: 'ignored-bad-value' };
      await respond({ replace_original: true, ...renderMeasureCard(deps.ctx.plan, value.n, { shareable: clickedEphemeral(body) }) });
      return { outcome: 'replaced', measure: value.n };
    }, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
  };
}

export function onOpenMeasure(deps: SlackDeps) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await handleRequest(deps, 'action.measure_open', async () => {
      const value = decodeValue(MeasureValueSchema, clickedValue(body));
      if (!value || !findMeasure(deps.ctx.plan, value.n)) return { outcome: 'ignored-bad-value' };
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderMeasureCard(deps.ctx.plan, value.n, { shareable: true }) });
      return { outcome: 'shown', measure: value.n };
    }, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
  };
}
