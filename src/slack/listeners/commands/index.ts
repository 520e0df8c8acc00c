import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { areaCommand } from './area-command.js';
import { measureCommand } from './measure-command.js';
import { planCommand } from './plan-command.js';
import { progressCommand } from './progress-command.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/plan', planCommand(deps));
  app.command('/measure', measureCommand(deps));
  app.command('/area', areaCommand(deps));
  app.command('/progress', progressCommand(deps));
}
