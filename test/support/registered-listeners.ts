/**
 * What the app registers with Bolt, read by registering it on a recording stand-in for `App`:
 * the manifest test derives the commands, events and actions the manifest must declare from this,
 * not from lists written by hand.
 */
import type { App } from '@slack/bolt';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { listenerFakes } from './listener-fakes.js';

export interface Registered {
  commands: string[];
  /** Event types passed to `app.event`, plus `message` for `app.message`. */
  events: string[];
  actions: string[];
  /** Whether an Assistant (assistant_thread_started, …) is registered. */
  assistant: boolean;
}

export function registeredListeners(): Registered {
  const found: Registered = { commands: [], events: [], actions: [], assistant: false };
  const app = {
    use: () => undefined,
    assistant: () => void (found.assistant = true),
    command: (name: string) => void found.commands.push(name),
    event: (name: string) => void found.events.push(name),
    message: () => void found.events.push('message'),
    action: (id: string) => void found.actions.push(id),
    view: () => undefined,
    options: () => undefined,
    shortcut: () => undefined,
  };
  registerListeners(app as unknown as App, listenerFakes().deps);
  return found;
}
