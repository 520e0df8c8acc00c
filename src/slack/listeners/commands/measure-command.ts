import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderUsage, USAGE } from '../../../render/blocks/usage-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { privately, SlashCommandSchema } from '../slack-payloads.js';

/** `/measure <N | N-M | 关键词>`, shown only to the asker; no argument shows usage. */
export function measureCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await deps.work.run('/measure', async () => {
      const { text: typed, user_id: userId } = SlashCommandSchema.parse(command);
      const text = typed.trim();
      if (text.length === 0) {
        await respond({ response_type: 'ephemeral', ...renderUsage(USAGE.measure) });
        return { outcome: 'usage' };
      }
      const answer = deps.answering.measure(text);
      const progress = await deps.progress.forAnswer(answer, userId);
      await respond({ response_type: 'ephemeral', ...renderAnswer(answer, { feedback: 'buttons', shareable: true, asKeywordList: true, ...(progress ? { progress } : {}) }) });
      return { outcome: answer.notice?.code ?? 'answered', answerKind: answer.kind, measures: answer.results.map((r) => r.number) };
    }, privately(respond));
  };
}
