import type { App } from '@slack/bolt';
import type { Application } from '../../../app/application.js';
import { PROGRESS_FORM } from '../../../render/blocks/progress-modal.js';
import { STANDARD_ANSWER_FORM } from '../../../render/blocks/standard-answer-modal.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { progressFormSubmitted } from './progress-form.js';
import { standardAnswerFormSubmitted } from './standard-answer-form.js';

export function registerViews(app: App, application: Application, work: AcknowledgedWork): void {
  app.view(PROGRESS_FORM, progressFormSubmitted(application.progress, work));
  app.view(STANDARD_ANSWER_FORM, standardAnswerFormSubmitted(application.helpDesk.standardAnswers, work));
}
