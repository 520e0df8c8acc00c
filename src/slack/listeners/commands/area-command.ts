import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderAreaOverview } from '../../../render/blocks/area-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { privately, SlashCommandSchema } from '../slack-payloads.js';

/** `/area [<1-7 | 一…七 | 关键词>]`, shown only to the asker with the area's status counts; no argument lists the areas. */
export function areaCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await deps.work.run('/area', async () => {
      const { text: typed, user_id: userId } = SlashCommandSchema.parse(command);
      const text = typed.trim();
      if (text.length === 0) {
        await respond({ response_type: 'ephemeral', ...renderAreaOverview(deps.answering.overview) });
        return { outcome: 'overview' };
      }
      const answer = deps.answering.area(text);
      const progress = await deps.progress.forAnswer(answer, userId);
      await respond({ response_type: 'ephemeral', ...renderAnswer(answer, { feedback: 'buttons', shareable: true, ...(progress ? { progress } : {}) }) });
      return { outcome: answer.notice?.code ?? 'answered', area: answer.area?.number };
    }, privately(respond));
  };
}
