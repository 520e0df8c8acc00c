import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { lookupArea } from '../../../core/answer/lookup-area.js';
import { planOverview } from '../../../core/answer/plan-overview.js';
import { renderAreaOverview } from '../../../render/blocks/area-blocks.js';
import { handleRequest } from '../../request-log.js';
import type { SlackDeps } from '../../slack-deps.js';
import { renderCommandAnswer } from './render-command-answer.js';

/** `/area [<1-7 | 一…七 | 关键词>]`; no argument lists the areas. */
export function onAreaCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await handleRequest(deps, '/area', async () => {
      const text = command.text.trim();
      if (text.length === 0) {
        await respond({ response_type: 'ephemeral', ...renderAreaOverview(planOverview(deps.ctx.plan)) });
        return { outcome: 'overview' };
      }
      const answer = lookupArea(deps.ctx, text);
      await respond({ response_type: 'ephemeral', ...renderCommandAnswer(deps.ctx.plan, answer) });
      return { outcome: answer.notice?.code ?? 'answered', area: answer.area?.number };
    }, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
  };
}
