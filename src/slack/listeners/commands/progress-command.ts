import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseProgressCommand } from '../../../core/progress/progress-command.js';
import type { SlackDeps } from '../../deps.js';
import { progressCommandReply } from '../../progress/progress-replies.js';
import { privately, SlashCommandSchema } from '../slack-payloads.js';

/**
 * `/progress 42` shows a measure's record; `/progress 42 推进中 本周完成海关系统联调`,
 * `/progress 42 牵头 海关总署` … update it (coordinators only). Replies only the asker sees.
 */
export function progressCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await deps.work.run('/progress', async () => {
      const { text, user_id: userId } = SlashCommandSchema.parse(command);
      const reply = await progressCommandReply(deps, parseProgressCommand(text, deps.answering.source.measureCount), userId);
      await respond({ response_type: 'ephemeral', ...reply.message });
      return reply.outcome;
    }, privately(respond));
  };
}
