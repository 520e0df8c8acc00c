import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderDigest } from '../../../render/blocks/digest-blocks.js';
import { renderHelp } from '../../../render/blocks/help-blocks.js';
import { renderProgressAnswer } from '../../../render/blocks/progress-blocks.js';
import { renderUsage, USAGE } from '../../../render/blocks/usage-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { privately, SlashCommandSchema } from '../slack-payloads.js';

const HELP_WORDS: ReadonlySet<string> = new Set(['help', '帮助', '说明', '用法', '?', '？']);
const DIGEST_WORDS: ReadonlySet<string> = new Set(['digest', '简报', '今日简报']);

/**
 * `/plan <问题>`: the answer, shown only to the asker, with 发到频道; `/plan help` explains
 * everything; `/plan digest` shows today's digest to the asker.
 */
export function planCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await deps.work.run('/plan', async () => {
      const text = SlashCommandSchema.parse(command).text.trim();
      if (text.length === 0) {
        await respond({ response_type: 'ephemeral', ...renderUsage(USAGE.plan) });
        return { outcome: 'usage' };
      }
      if (HELP_WORDS.has(text.toLowerCase())) {
        await respond({ response_type: 'ephemeral', ...renderHelp(deps.answering.overview) });
        return { outcome: 'help' };
      }
      if (DIGEST_WORDS.has(text.toLowerCase())) {
        const digest = await deps.todaysDigest();
        await respond({ response_type: 'ephemeral', ...renderDigest(digest) });
        return { outcome: 'digest', date: digest.date, issue: digest.issue.number };
      }
      const progress = await deps.answering.askProgress('/plan', text);
      if (progress) {
        await respond({ response_type: 'ephemeral', ...renderProgressAnswer(progress) });
        return { outcome: 'answered', answerKind: 'progress' };
      }
      const answer = deps.answering.ask('/plan', text);
      await respond({ response_type: 'ephemeral', ...renderAnswer(answer, { feedback: 'buttons', shareable: true }) });
      return { outcome: answer.notice?.code ?? 'answered', answerKind: answer.kind, measures: answer.results.map((r) => r.number) };
    }, privately(respond));
  };
}
