import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderAreaOverview } from '../../../render/blocks/area-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { privateReply, SlashCommandSchema } from '../slack-payloads.js';

/** `/area [<1-7 | 一…七 | 关键词>]`, answered in the acknowledgement, only to the asker, with the area's status counts; no argument lists the areas. */
export function areaCommand(deps: SlackDeps) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const reply = await deps.work.reply('/area', async () => {
      const { text: typed, user_id: userId } = SlashCommandSchema.parse(command);
      const text = typed.trim();
      if (text.length === 0) return { message: privateReply(renderAreaOverview(deps.answering.overview)), outcome: 'overview' };
      const answer = deps.answering.area(text);
      const progress = await deps.progress.forAnswer(answer, userId);
      const message = privateReply(renderAnswer(answer, { feedback: 'buttons', shareable: true, ...(progress ? { progress } : {}) }));
      return { message, outcome: answer.notice?.code ?? 'answered', area: answer.area?.number };
    }, privateReply);
    await ack(reply);
  };
}
