/**
 * 修改 beside a standard answer on App Home: the answer in a window for a coordinator to change,
 * or a window saying why not (not a coordinator, not known in time, gone, the record unreadable).
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { StandardAnswers } from '../../../app/help-desk/standard-answers.js';
import { decodeValue, StandardAnswerValueSchema } from '../../../render/blocks/action-values.js';
import { renderStandardAnswerForm, renderStandardAnswerNotice } from '../../../render/blocks/standard-answer-modal.js';
import { ESCALATION_TEXT, STANDARD_ANSWER_TEXT } from '../../../render/help-desk-parts.js';
import { openWindow } from '../../delivery/open-window.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readClick } from '../../payloads/block-action.js';

export function editStandardAnswer(answers: StandardAnswers, work: AcknowledgedWork) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await work.run('action.standard_answer_edit', async () => {
      const click = readClick(body);
      const value = decodeValue(StandardAnswerValueSchema, click?.value);
      if (!click || !value) return { outcome: 'ignored-bad-value' };
      const opening = await answers.openForm(click.userId, value.s);
      const view =
        opening.type === 'form'
          ? renderStandardAnswerForm(opening.answer)
          : opening.type === 'not-found'
            ? renderStandardAnswerNotice('标准答复', STANDARD_ANSWER_TEXT.notFound(opening.id))
            : opening.type === 'unavailable'
              ? renderStandardAnswerNotice('请稍后再试', STANDARD_ANSWER_TEXT.unavailable)
              : renderStandardAnswerNotice('无法修改', opening.type === 'refused' ? ESCALATION_TEXT.refused : ESCALATION_TEXT.unverified);
      const opened = await openWindow(client, click, view);
      return { outcome: opening.type === 'form' ? opened : opening.type, id: value.s };
    });
  };
}
