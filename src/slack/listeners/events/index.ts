import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.js';
import { onAppHomeOpened } from './app-home-opened.js';
import { onAppMention } from './app-mention.js';
import { onMessage } from './message.js';

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_mention', onAppMention(deps));
  app.event('app_home_opened', onAppHomeOpened(deps));
  app.message(onMessage(deps));
}
