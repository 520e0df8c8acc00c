/** Every listener, registered in one place; the order matters only for the global middleware. */
import type { App } from '@slack/bolt';
import type { Application } from '../../app/application.js';
import type { Logger } from '../../logger.js';
import type { AcknowledgedWork } from '../intake/acknowledged-work.js';
import type { MessageClaims } from '../intake/admit-deliveries.js';
import { registerActions } from './actions/index.js';
import { assistantPanel } from './assistant/assistant-panel.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerViews } from './views/index.js';

/** What the listeners run on: the application's use cases, and the edge's own queue, claims and log. */
export interface ListenerServices {
  application: Application;
  work: AcknowledgedWork;
  firstDelivery: MessageClaims;
  logger: Logger;
}

export function registerListeners(app: App, { application, work, firstDelivery, logger }: ListenerServices): void {
  app.assistant(assistantPanel(application.conversation, work, firstDelivery, logger));
  registerEvents(app, application, work, firstDelivery, logger);
  registerCommands(app, application, work);
  registerActions(app, application, work, logger);
  registerViews(app, application, work);
}
