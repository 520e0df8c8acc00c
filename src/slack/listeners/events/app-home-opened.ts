/**
 * The app's home: the Home tab is the coordination office's dashboard (the help desk's waiting
 * list and, for coordinators, the standard answers to edit; how each area's measures stand, what
 * was updated lately, what is overdue or blocked; then how to use the app); opening
 * the Messages tab (the agent's conversation view) sets the suggested prompts. In the agent
 * experience these are set per channel, without a thread (Slack: "Migrating to the Agent
 * messaging experience").
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { PlanOverview } from '../../../core/answer/plan-overview.js';
import type { HomePages } from '../../../app/home/home-page.js';
import { renderDashboard } from '../../../render/blocks/dashboard-blocks.js';
import { SUGGESTED_PROMPTS, SUGGESTED_PROMPTS_TITLE } from '../../../render/blocks/suggested-prompts.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';

export function appHomeOpened(home: HomePages, overview: PlanOverview, work: AcknowledgedWork) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab === 'messages') {
      await work.run('app_home_opened.messages', async () => {
        // No thread_ts: an agent's prompts belong to the conversation (the typed method requires one).
        await client.apiCall('assistant.threads.setSuggestedPrompts', {
          channel_id: event.channel,
          title: SUGGESTED_PROMPTS_TITLE,
          prompts: SUGGESTED_PROMPTS.map((p) => ({ ...p })),
        });
        return { outcome: 'prompts-set' };
      });
      return;
    }
    await work.run('app_home_opened.home', async () => {
      const page = await home.open(event.user);
      await client.views.publish({ user_id: event.user, view: renderDashboard(page.dashboard, overview, page.helpDesk) });
      return { outcome: 'published', registered: page.dashboard.registered, ...(page.helpDesk ? { waiting: page.helpDesk.board.openCount } : {}) };
    });
  };
}
