import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { PlanReply, PlanRequests } from '../../../app/answers/plan-request.js';
import { renderAnswer } from '../../../render/blocks/answer-message.js';
import { renderDigest } from '../../../render/blocks/digest-blocks.js';
import { renderHelp } from '../../../render/blocks/help-blocks.js';
import { renderProgressAnswer } from '../../../render/blocks/progress-blocks.js';
import { renderUsage, USAGE } from '../../../render/blocks/usage-blocks.js';
import { privateReply, type PrivateReply } from '../../delivery/private-reply.js';
import type { AcknowledgedWork, Reply } from '../../intake/acknowledged-work.js';
import { SlashCommandSchema } from '../../payloads/slash-command.js';

function replyFor(reply: PlanReply): Reply<PrivateReply> {
  switch (reply.kind) {
    case 'usage':
      return { message: privateReply(renderUsage(USAGE.plan)), outcome: 'usage' };
    case 'help':
      return { message: privateReply(renderHelp(reply.overview)), outcome: 'help' };
    case 'digest':
      return { message: privateReply(renderDigest(reply.digest)), outcome: 'digest', date: reply.digest.date, issue: reply.digest.issue.number };
    case 'progress':
      return { message: privateReply(renderProgressAnswer(reply.answer)), outcome: 'answered', answerKind: 'progress' };
    case 'answer': {
      const { answer } = reply;
      return { message: privateReply(renderAnswer(answer, { feedback: 'buttons', shareable: true })), outcome: answer.notice?.code ?? 'answered', answerKind: answer.kind, measures: answer.results.map((r) => r.number) };
    }
  }
}

/**
 * `/plan <问题>`: the answer, in the acknowledgement, shown only to the asker, with 发到频道; a
 * question about a measure's progress is answered from the record; `/plan help` explains
 * everything; `/plan digest` shows today's digest to the asker.
 */
export function planCommand(requests: PlanRequests, work: AcknowledgedWork) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const reply = await work.reply('/plan', async () => replyFor(await requests.answer(SlashCommandSchema.parse(command).text, '/plan')), privateReply);
    await ack(reply);
  };
}
