import type { App } from '@slack/bolt';
import { ACTION } from '../../../render/blocks/action-values.js';
import type { SlackDeps } from '../../deps.js';
import { answerFeedback } from './answer-feedback.js';
import { measureStep, openMeasure } from './measure-navigation.js';
import { moreResults } from './more-results.js';
import { progressArea, progressEdit, progressHistory, progressMeasure } from './progress-actions.js';
import { shareToChannel } from './share-to-channel.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(ACTION.measurePrevious, measureStep(deps));
  app.action(ACTION.measureNext, measureStep(deps));
  app.action(ACTION.openMeasure, openMeasure(deps));
  app.action(ACTION.share, shareToChannel(deps));
  app.action(ACTION.moreResults, moreResults(deps));
  app.action(ACTION.feedback, answerFeedback(deps, 'native'));
  app.action(ACTION.feedbackHelpful, answerFeedback(deps, 'buttons'));
  app.action(ACTION.feedbackNotHelpful, answerFeedback(deps, 'buttons'));
  app.action(ACTION.progressEdit, progressEdit(deps));
  app.action(ACTION.progressHistory, progressHistory(deps));
  app.action(ACTION.progressMeasure, progressMeasure(deps));
  app.action(ACTION.progressArea, progressArea(deps));
}
