import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Lookups } from '../../../app/answers/lookups.js';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderAreaOverview } from '../../../render/blocks/area-blocks.js';
import { privateReply } from '../../delivery/private-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { directConversation, SlashCommandSchema } from '../../payloads/slash-command.js';

/** `/area [<1-7 | 一…七 | 关键词>]`, answered in the acknowledgement, only to the asker, with the area's status counts; no argument lists the areas. */
export function areaCommand(lookups: Lookups, work: AcknowledgedWork) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const reply = await work.reply(
      '/area',
      async () => {
        const { text: typed, user_id: userId, channel_id: channel } = SlashCommandSchema.parse(command);
        const text = typed.trim();
        if (text.length === 0) return { message: privateReply(renderAreaOverview(lookups.overview)), outcome: 'overview' };
        const { answer, progress } = await lookups.area(text, userId, directConversation(channel));
        const message = privateReply(renderAnswer(answer, { feedback: 'buttons', shareable: true, ...(progress ? { progress } : {}) }));
        return { message, outcome: answer.notice?.code ?? 'answered', area: answer.area?.number };
      },
      privateReply,
    );
    await ack(reply);
  };
}
