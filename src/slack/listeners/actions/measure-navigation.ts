/**
 * 上一条 / 下一条 on a measure card replace the card in place; 全文 / 查看 show a measure's card
 * to the clicker. Cards carry the measure's progress record, with 更新进展 for coordinators.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ProgressDesk } from '../../../app/progress/progress-desk.js';
import { decodeValue, MeasureValueSchema } from '../../../render/blocks/action-values.js';
import { privately } from '../../delivery/private-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readClick } from '../../payloads/block-action.js';
import { cardMessage } from '../../replies/progress-replies.js';

type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

export function measureStep(desk: ProgressDesk, work: AcknowledgedWork) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.measure_step',
      async () => {
        const click = readClick(body);
        const n = decodeValue(MeasureValueSchema, click?.value)?.n ?? 0;
        const card = click && (await desk.card(n, click.ephemeral ? click.userId : undefined));
        if (!click || !card) return { outcome: 'ignored-bad-value' };
        await respond({ replace_original: true, ...cardMessage(card, { shareable: click.ephemeral }) });
        return { outcome: 'replaced', measure: n };
      },
      privately(respond),
    );
  };
}

export function openMeasure(desk: ProgressDesk, work: AcknowledgedWork) {
  return async ({ ack, body, respond }: ActionArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.measure_open',
      async () => {
        const click = readClick(body);
        const n = decodeValue(MeasureValueSchema, click?.value)?.n ?? 0;
        const card = click && (await desk.card(n, click.userId));
        if (!card) return { outcome: 'ignored-bad-value' };
        await respond({ response_type: 'ephemeral', replace_original: false, ...cardMessage(card, { shareable: true }) });
        return { outcome: 'shown', measure: n };
      },
      privately(respond),
    );
  };
}
