import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderUsage, USAGE } from '../../../render/blocks/usage-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { privateReply, SlashCommandSchema } from '../slack-payloads.js';

/** `/measure <N | N-M | 关键词>`, answered in the acknowledgement, only to the asker; no argument shows usage. */
export function measureCommand(deps: SlackDeps) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const reply = await deps.work.reply('/measure', async () => {
      const { text: typed, user_id: userId } = SlashCommandSchema.parse(command);
      const text = typed.trim();
      if (text.length === 0) return { message: privateReply(renderUsage(USAGE.measure)), outcome: 'usage' };
      const answer = deps.answering.measure(text);
      const progress = await deps.progress.forAnswer(answer, userId);
      const message = privateReply(renderAnswer(answer, { feedback: 'buttons', shareable: true, asKeywordList: true, ...(progress ? { progress } : {}) }));
      return { message, outcome: answer.notice?.code ?? 'answered', answerKind: answer.kind, measures: answer.results.map((r) => r.number) };
    }, privateReply);
    await ack(reply);
  };
}
