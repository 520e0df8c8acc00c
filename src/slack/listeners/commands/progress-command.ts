import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseProgressCommand } from '../../../core/progress/progress-command.js';
import type { SlackDeps } from '../../deps.js';
import { progressCommandReply } from '../../progress/progress-replies.js';
import { privateReply, SlashCommandSchema } from '../slack-payloads.js';

/**
 * `/progress 42` shows a measure's record; `/progress 42 推进中 本周完成海关系统联调`,
 * `/progress 42 牵头 海关总署` … update it (coordinators only). The reply goes back in the
 * acknowledgement, only the asker sees it.
 */
export function progressCommand(deps: SlackDeps) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const reply = await deps.work.reply('/progress', async () => {
      const { text, user_id: userId } = SlashCommandSchema.parse(command);
      const reply = await progressCommandReply(deps, parseProgressCommand(text, deps.answering.source.measureCount), userId);
      return { message: privateReply(reply.message), ...reply.outcome };
    }, privateReply);
    await ack(reply);
  };
}
