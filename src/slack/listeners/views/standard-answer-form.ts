/**
 * The 标准答复 window, submitted. Slack waits for the acknowledgement to know what the window does
 * next, so the edit is made first and its outcome is the acknowledgement: errors beside the field
 * that caused them (an empty or too long text, a measure the plan does not have), or a window
 * saying it was saved, or why nothing was.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { StandardAnswerResult, StandardAnswers } from '../../../app/help-desk/standard-answers.js';
import { renderStandardAnswerNotice, STANDARD_ANSWER_INPUTS } from '../../../render/blocks/standard-answer-modal.js';
import { ESCALATION_TEXT, STANDARD_ANSWER_TEXT, standardAnswerSavedSentence } from '../../../render/help-desk-parts.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readStandardAnswerSubmission } from '../../payloads/view-submission.js';

const MEASURES_AS_NUMBERS = '请只写措施编号，例如：15、43。';

function acknowledgement(result: StandardAnswerResult) {
  const notice = (title: string, text: string) => ({ response_action: 'update' as const, view: renderStandardAnswerNotice(title, text) });
  switch (result.type) {
    case 'invalid':
      return {
        response_action: 'errors' as const,
        errors: { [result.field === 'measures' ? STANDARD_ANSWER_INPUTS.measures : STANDARD_ANSWER_INPUTS.text]: result.message },
      };
    case 'saved':
      return notice('已保存', standardAnswerSavedSentence(result.answer, result.change));
    case 'unchanged':
      return notice('没有更改', STANDARD_ANSWER_TEXT.unchanged);
    case 'stale':
      return notice('没有保存', STANDARD_ANSWER_TEXT.stale);
    case 'refused':
      return notice('无法修改', ESCALATION_TEXT.refused);
    case 'unverified':
      return notice('请稍后再试', ESCALATION_TEXT.unverified);
    case 'not-found':
      return notice('标准答复', STANDARD_ANSWER_TEXT.notFound(result.id));
    case 'unavailable':
    case 'list':
    case 'detail':
      return notice('请稍后再试', STANDARD_ANSWER_TEXT.unavailable);
  }
}

export function standardAnswerFormSubmitted(answers: StandardAnswers, work: AcknowledgedWork) {
  return async ({ ack, body }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await work.run('view.standard_answer_form', async () => {
      const submission = readStandardAnswerSubmission(body);
      if (!submission) {
        await ack();
        return { outcome: 'ignored-bad-payload' };
      }
      if (!submission.measures) {
        await ack({ response_action: 'errors', errors: { [STANDARD_ANSWER_INPUTS.measures]: MEASURES_AS_NUMBERS } });
        return { outcome: 'invalid', id: submission.form.s };
      }
      const { s, v } = submission.form;
      const result = await answers.saveForm(submission.userId, s, {
        version: v,
        text: submission.text,
        measures: submission.measures,
        retired: submission.retired,
      });
      await ack(acknowledgement(result));
      return { outcome: result.type, id: s, version: v };
    });
  };
}
