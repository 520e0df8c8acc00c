import type { App } from '@slack/bolt';
import { PROGRESS_FORM } from '../../../render/blocks/progress-modal.js';
import type { SlackDeps } from '../../deps.js';
import { progressFormSubmitted } from './progress-form.js';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(PROGRESS_FORM, progressFormSubmitted(deps));
}
