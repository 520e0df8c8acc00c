/**
 * The 更新进展 form, submitted. Slack waits for the acknowledgement to know what the window does
 * next, so the update is made first and its outcome is the acknowledgement: the saved record, a
 * refusal, errors beside the fields that caused them, or — when someone saved since the form was
 * opened — the form again with the newer values (the note typed is kept), never a silent
 * overwrite.
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { formAcknowledgement, formFailure } from '../../progress/progress-replies.js';
import { readProgressSubmission } from '../slack-payloads.js';

export function progressFormSubmitted(deps: SlackDeps) {
  return async ({ ack, body }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await deps.work.run('view.progress_form', async () => {
      const submission = readProgressSubmission(body);
      if (!submission) {
        await ack();
        return { outcome: 'ignored-bad-payload' };
      }
      const { n, v } = submission.form;
      try {
        const result = await deps.progress.update(submission.userId, 'modal', { measure: n, input: submission.input, expectedVersion: v, requireStatus: true });
        await ack(formAcknowledgement(deps, submission, result));
        return { outcome: result.outcome, measure: n, version: v };
      } catch (error) {
        await ack(formFailure(submission));
        throw error;
      }
    });
  };
}
