import type { App } from '@slack/bolt';
import type { ProgressDesk } from '../../../app/progress/progress-desk.js';
import { PROGRESS_FORM } from '../../../render/blocks/progress-modal.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { progressFormSubmitted } from './progress-form.js';

export function registerViews(app: App, desk: ProgressDesk, work: AcknowledgedWork): void {
  app.view(PROGRESS_FORM, progressFormSubmitted(desk, work));
}
