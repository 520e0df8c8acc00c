import type { App } from '@slack/bolt';
import { ACTION } from '../../../render/blocks/action-values.js';
import type { SlackDeps } from '../../slack-deps.js';
import { onAnswerFeedback } from './answer-feedback.js';
import { onMeasureStep, onOpenMeasure } from './measure-navigation.js';
import { onMoreResults } from './more-results.js';
import { onShareToChannel } from './share-to-channel.js';

export function registerActions(app: App, deps: SlackDeps): void {
  app.action(ACTION.measurePrevious, onMeasureStep(deps));
  app.action(ACTION.measureNext, onMeasureStep(deps));
  app.action(ACTION.openMeasure, onOpenMeasure(deps));
  app.action(ACTION.share, onShareToChannel(deps));
  app.action(ACTION.moreResults, onMoreResults(deps));
  app.action(ACTION.feedback, onAnswerFeedback(deps, 'native'));
  app.action(ACTION.feedbackHelpful, onAnswerFeedback(deps, 'buttons'));
  app.action(ACTION.feedbackNotHelpful, onAnswerFeedback(deps, 'buttons'));
}
