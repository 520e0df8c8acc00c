/**
 * 问协调办: the question passes to the coordination office. The asker's thread is told when the
 * office has it; anything else (already with the office, a thread that is gone, a channel that
 * refused) is said to the clicker privately. The click is recorded as owed work at the front door,
 * so a crash before the office has it is finished after the restart, and nothing posted twice.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Escalations } from '../../../app/help-desk/escalations.js';
import type { Logger } from '../../../logger.js';
import { decodeValue, EscalateValueSchema } from '../../../render/blocks/action-values.js';
import { privately } from '../../delivery/private-reply.js';
import { slackEscalations } from '../../help-desk/slack-escalations.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readClick } from '../../payloads/block-action.js';
import { escalateReplyText } from '../../replies/help-desk-replies.js';

export function escalateToOffice(escalations: Escalations, work: AcknowledgedWork, logger: Logger) {
  return async ({ ack, body, respond, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.escalate',
      async () => {
        const click = readClick(body);
        const value = decodeValue(EscalateValueSchema, click?.value);
        if (!click || !value) return { outcome: 'ignored-bad-value' };
        const delivery = `click:${click.triggerId ?? `${click.userId}:${value.c}:${value.t}`}`;
        const request = { asker: click.userId, question: value.q, measures: value.m, thread: { channel: value.c, threadTs: value.t }, delivery };
        const outcome = await escalations.escalate(request, slackEscalations(client, logger));
        const told = escalateReplyText(outcome, true);
        if (told) await privately(respond)(told);
        return { outcome: `escalation-${outcome.outcome}`, ...('escalation' in outcome ? { escalation: outcome.escalation.id } : {}) };
      },
      privately(respond),
    );
  };
}
