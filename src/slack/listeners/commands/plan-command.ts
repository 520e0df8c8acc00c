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
import { helpDeskReplyMessage } from '../../replies/help-desk-replies.js';
import { withStandardAnswer } from '../../../render/blocks/standard-answer-blocks.js';

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
    case 'help-desk':
      return { message: privateReply(helpDeskReplyMessage(reply.reply)), outcome: `help-desk.${reply.reply.type}` };
    case 'answer': {
      const { answer, standard } = reply;
      const plan = renderAnswer(answer, { feedback: 'buttons', shareable: !standard });
      const message = standard ? withStandardAnswer(plan, standard) : plan;
      return {
        message: privateReply(message),
        outcome: answer.notice?.code ?? 'answered',
        answerKind: answer.kind,
        confidence: answer.confidence,
        measures: answer.results.map((r) => r.number),
        ...(standard ? { standardAnswer: standard.id } : {}),
      };
    }
  }
}

/**
 * `/plan <问题>`: the answer, in the acknowledgement, shown only to the asker, with 发到频道 (the
 * office's standard answer first when one matches); a question about a measure's progress is
 * answered from the record; `/plan help` explains everything; `/plan digest` shows today's digest
 * to the asker; `/plan 标准答复 …` and `/plan 设置 …` are the coordinators' help desk commands.
 */
export function planCommand(requests: PlanRequests, work: AcknowledgedWork) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { text, user_id: userId, channel_id: channel } = SlashCommandSchema.parse(command);
    const reply = await work.reply('/plan', async () => replyFor(await requests.answer(text, '/plan', { userId, channel })), privateReply);
    await ack(reply);
  };
}
