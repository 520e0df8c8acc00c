import type { App } from '@slack/bolt';
import type { Application } from '../../../app/application.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { areaCommand } from './area-command.js';
import { measureCommand } from './measure-command.js';
import { planCommand } from './plan-command.js';
import { progressCommand } from './progress-command.js';

export function registerCommands(app: App, application: Application, work: AcknowledgedWork): void {
  app.command('/plan', planCommand(application.planRequests, work));
  app.command('/measure', measureCommand(application.lookups, work));
  app.command('/area', areaCommand(application.lookups, work));
  app.command('/progress', progressCommand(application.progress, work));
}
