/**
 * The 更新进展 form, submitted. Slack waits for the acknowledgement to know what the window does
 * next, so the update is made first and its outcome is the acknowledgement: the saved record, a
 * refusal, errors beside the fields that caused them, or — when someone saved since the form was
 * opened — the form again with the newer values (the note typed is kept), never a silent
 * overwrite.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { ProgressDesk } from '../../../app/progress/progress-desk.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readProgressSubmission } from '../../payloads/view-submission.js';
import { formAcknowledgement } from '../../replies/progress-replies.js';

export function progressFormSubmitted(desk: ProgressDesk, work: AcknowledgedWork) {
  return async ({ ack, body }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await work.run('view.progress_form', async () => {
      const submission = readProgressSubmission(body);
      if (!submission) {
        await ack();
        return { outcome: 'ignored-bad-payload' };
      }
      const { n, v } = submission.form;
      const update = await desk.update(submission.userId, 'modal', { measure: n, input: submission.input, expectedVersion: v, requireStatus: true });
      await ack(formAcknowledgement(submission, update, desk.contacts));
      return { outcome: update.result.outcome, measure: n, version: v };
    });
  };
}
