/**
 * Opens a window (modal) in answer to a click: over the window the click came from when there is
 * one (`views.push`), otherwise a new one (`views.open`). Either needs the click's trigger id,
 * which Slack honours for three seconds.
 */
import type { WebClient } from '@slack/web-api';
import type { ModalView } from '../../render/blocks/slack-message.js';

/** What a click tells about where it came from (a listener's parsed click). */
export interface WindowTrigger {
  triggerId?: string;
  surface: 'message' | 'home' | 'modal';
}

export async function openWindow(client: WebClient, click: WindowTrigger, view: ModalView): Promise<'pushed' | 'opened' | 'no-trigger'> {
  if (!click.triggerId) return 'no-trigger';
  if (click.surface === 'modal') {
    await client.views.push({ trigger_id: click.triggerId, view });
    return 'pushed';
  }
  await client.views.open({ trigger_id: click.triggerId, view });
  return 'opened';
}
