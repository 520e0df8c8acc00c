import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.js';
import { onAreaCommand } from './area-command.js';
import { onMeasureCommand } from './measure-command.js';
import { onPlanCommand } from './plan-command.js';

export const COMMANDS = ['/measure', '/area', '/plan'] as const;

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/measure', onMeasureCommand(deps));
  app.command('/area', onAreaCommand(deps));
  app.command('/plan', onPlanCommand(deps));
}
