import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { registeredListeners } from '../support/registered-listeners.js';

interface Manifest {
  features: { slash_commands: Array<{ command: string; description: string }>; app_home: Record<string, boolean>; agent_view?: unknown };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'src', 'slack', 'manifest.json'), 'utf8')) as Manifest;

describe('the app manifest', () => {
  it('declares exactly the slash commands the app registers', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...registeredListeners().commands].sort());
  });

  it('subscribes to the events the listeners handle, and no others', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      ['app_home_opened', 'app_mention', 'assistant_thread_context_changed', 'assistant_thread_started', 'message.channels', 'message.groups', 'message.im'].sort(),
    );
  });

  it('asks for exactly the scopes those events and calls need', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'assistant:write', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'usergroups:read'].sort());
  });

  it('enables interactivity, the Home and Messages tabs, the agent view, and Socket Mode for a new install', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.features.agent_view).toBeDefined();
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
