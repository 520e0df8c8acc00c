import type { App } from '@slack/bolt';
import type { Application } from '../../../app/application.js';
import type { Logger } from '../../../logger.js';
import { ACTION } from '../../../render/blocks/action-values.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { answerFeedback } from './answer-feedback.js';
import { measureStep, openMeasure } from './measure-navigation.js';
import { moreResults } from './more-results.js';
import { progressArea, progressEdit, progressHistory, progressMeasure } from './progress-actions.js';
import { shareToChannel } from './share-to-channel.js';
import { escalateToOffice } from './escalate-to-office.js';
import { closeEscalation, saveStandardAnswer } from './office-decision.js';
import { editStandardAnswer } from './standard-answer-edit.js';

export function registerActions(app: App, application: Application, work: AcknowledgedWork, logger: Logger): void {
  const { progress, lookups, feedback, helpDesk } = application;
  app.action(ACTION.measurePrevious, measureStep(progress, work));
  app.action(ACTION.measureNext, measureStep(progress, work));
  app.action(ACTION.openMeasure, openMeasure(progress, work));
  app.action(ACTION.share, shareToChannel({ lookups, desk: progress }, work, logger));
  app.action(ACTION.moreResults, moreResults(lookups, work));
  app.action(ACTION.feedback, answerFeedback(feedback, work, 'native'));
  app.action(ACTION.feedbackHelpful, answerFeedback(feedback, work, 'buttons'));
  app.action(ACTION.feedbackNotHelpful, answerFeedback(feedback, work, 'buttons'));
  app.action(ACTION.progressEdit, progressEdit(progress, work));
  app.action(ACTION.progressHistory, progressHistory(progress, work));
  app.action(ACTION.progressMeasure, progressMeasure(progress, work));
  app.action(ACTION.progressArea, progressArea(progress, work));
  app.action(ACTION.escalate, escalateToOffice(helpDesk.escalations, work, logger));
  app.action(ACTION.saveStandardAnswer, saveStandardAnswer(helpDesk.escalations, work));
  app.action(ACTION.closeEscalation, closeEscalation(helpDesk.escalations, work));
  app.action(ACTION.editStandardAnswer, editStandardAnswer(helpDesk.standardAnswers, work));
}
