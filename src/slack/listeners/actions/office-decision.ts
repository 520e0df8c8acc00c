/**
 * 存为标准答复 and 关闭（不存）, under a relayed reply in the office's thread: coordinators only.
 * What it came to replaces the offer (its buttons go) once settled; a refusal or a problem is said
 * to the clicker privately and leaves the offer for another try.
 */
import type { AllMiddlewareArgs, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Escalations, OfficeDecision } from '../../../app/help-desk/escalations.js';
import { decodeValue, EscalationValueSchema, SaveStandardValueSchema } from '../../../render/blocks/action-values.js';
import { renderNotice } from '../../../render/blocks/progress-blocks.js';
import { privately } from '../../delivery/private-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readClick } from '../../payloads/block-action.js';
import { officeDecisionReply } from '../../replies/help-desk-replies.js';

async function answer(respond: RespondFn, decision: OfficeDecision): Promise<void> {
  const { text, replace } = officeDecisionReply(decision);
  if (replace) await respond({ replace_original: true, ...renderNotice(text) });
  else await privately(respond)(text);
}

export function saveStandardAnswer(escalations: Escalations, work: AcknowledgedWork) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.save_standard_answer',
      async () => {
        const click = readClick(body);
        const value = decodeValue(SaveStandardValueSchema, click?.value);
        if (!click || !value) return { outcome: 'ignored-bad-value' };
        const decision = await escalations.save(click.userId, value.e, value.r);
        await answer(respond, decision);
        return { outcome: `standard-answer-${decision.outcome}`, escalation: value.e, ...(decision.outcome === 'saved' ? { id: decision.answer.id } : {}) };
      },
      privately(respond),
    );
  };
}

export function closeEscalation(escalations: Escalations, work: AcknowledgedWork) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.close_escalation',
      async () => {
        const click = readClick(body);
        const value = decodeValue(EscalationValueSchema, click?.value);
        if (!click || !value) return { outcome: 'ignored-bad-value' };
        const decision = await escalations.close(click.userId, value.e);
        await answer(respond, decision);
        return { outcome: `escalation-${decision.outcome}`, escalation: value.e };
      },
      privately(respond),
    );
  };
}
