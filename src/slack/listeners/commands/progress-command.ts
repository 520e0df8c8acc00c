import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ProgressDesk } from '../../../app/progress/progress-desk.js';
import { privateReply } from '../../delivery/private-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { SlashCommandSchema } from '../../payloads/slash-command.js';
import { progressCommandReply } from '../../replies/progress-replies.js';

/**
 * `/progress 42` shows a measure's record; `/progress 42 推进中 本周完成海关系统联调`,
 * `/progress 42 牵头 海关总署` … update it (coordinators only). The reply goes back in the
 * acknowledgement, only the asker sees it.
 */
export function progressCommand(desk: ProgressDesk, work: AcknowledgedWork) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const reply = await work.reply(
      '/progress',
      async () => {
        const { text, user_id: userId } = SlashCommandSchema.parse(command);
        const { message, outcome } = progressCommandReply(await desk.command(text, userId), desk.contacts);
        return { message: privateReply(message), ...outcome };
      },
      privateReply,
    );
    await ack(reply);
  };
}
