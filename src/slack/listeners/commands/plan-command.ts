import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isDigestRequest, isHelpRequest } from '../../../core/answer/command-words.js';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderDigest } from '../../../render/blocks/digest-blocks.js';
import { renderHelp } from '../../../render/blocks/help-blocks.js';
import { renderProgressAnswer } from '../../../render/blocks/progress-blocks.js';
import { renderUsage, USAGE } from '../../../render/blocks/usage-blocks.js';
import type { SlackDeps } from '../../deps.js';
import { privateReply, SlashCommandSchema } from '../slack-payloads.js';

/**
 * `/plan <问题>`: the answer, in the acknowledgement, shown only to the asker, with 发到频道;
 * a question about a measure's progress is answered from the record; `/plan help` explains everything; `/plan digest` shows today's digest to the asker.
 */
export function planCommand(deps: SlackDeps) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const reply = await deps.work.reply('/plan', async () => {
      const text = SlashCommandSchema.parse(command).text.trim();
      if (text.length === 0) return { message: privateReply(renderUsage(USAGE.plan)), outcome: 'usage' };
      if (isHelpRequest(text)) return { message: privateReply(renderHelp(deps.answering.overview)), outcome: 'help' };
      if (isDigestRequest(text)) {
        const digest = await deps.todaysDigest();
        return { message: privateReply(renderDigest(digest)), outcome: 'digest', date: digest.date, issue: digest.issue.number };
      }
      const progress = await deps.answering.askProgress('/plan', text);
      if (progress) return { message: privateReply(renderProgressAnswer(progress)), outcome: 'answered', answerKind: 'progress' };
      const answer = await deps.answering.ask('/plan', text);
      const message = privateReply(renderAnswer(answer, { feedback: 'buttons', shareable: true }));
      return { message, outcome: answer.notice?.code ?? 'answered', answerKind: answer.kind, measures: answer.results.map((r) => r.number) };
    }, privateReply);
    await ack(reply);
  };
}
