import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Lookups } from '../../../app/answers/lookups.js';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderUsage, USAGE } from '../../../render/blocks/usage-blocks.js';
import { privateReply } from '../../delivery/private-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { directConversation, SlashCommandSchema } from '../../payloads/slash-command.js';

/** `/measure <N | N-M | 关键词>`, answered in the acknowledgement, only to the asker; no argument shows usage. */
export function measureCommand(lookups: Lookups, work: AcknowledgedWork) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const reply = await work.reply(
      '/measure',
      async () => {
        const { text: typed, user_id: userId, channel_id: channel } = SlashCommandSchema.parse(command);
        const text = typed.trim();
        if (text.length === 0) return { message: privateReply(renderUsage(USAGE.measure)), outcome: 'usage' };
        const { answer, progress } = await lookups.measure(text, userId, directConversation(channel));
        const message = privateReply(renderAnswer(answer, { feedback: 'buttons', shareable: true, asKeywordList: true, ...(progress ? { progress } : {}) }));
        return { message, outcome: answer.notice?.code ?? 'answered', answerKind: answer.kind, measures: answer.results.map((r) => r.number) };
      },
      privateReply,
    );
    await ack(reply);
  };
}
