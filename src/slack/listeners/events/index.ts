import type { App } from '@slack/bolt';
import type { Application } from '../../../app/application.js';
import type { Logger } from '../../../logger.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import type { MessageClaims } from '../../intake/admit-deliveries.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directOrThreadMessage } from './message.js';

export function registerEvents(app: App, application: Application, work: AcknowledgedWork, firstDelivery: MessageClaims, logger: Logger): void {
  app.event('app_mention', appMention(application.conversation, work, firstDelivery, logger));
  app.event('app_home_opened', appHomeOpened(application.home, application.lookups.overview, work));
  app.message(directOrThreadMessage(application, work, firstDelivery, logger));
}
