import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { lookupMeasure } from '../../../core/answer/lookup-measure.js';
import { renderUsage, USAGE } from '../../../render/blocks/usage-blocks.js';
import { handleRequest } from '../../request-log.js';
import type { SlackDeps } from '../../slack-deps.js';
import { renderCommandAnswer } from './render-command-answer.js';

/** `/measure <N | N-M | 关键词>`; no argument shows usage. */
export function onMeasureCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await handleRequest(deps, '/measure', async () => {
      const text = command.text.trim();
      if (text.length === 0) {
        await respond({ response_type: 'ephemeral', ...renderUsage(USAGE.measure) });
        return { outcome: 'usage' };
      }
      const answer = lookupMeasure(deps.ctx, text);
      await respond({ response_type: 'ephemeral', ...renderCommandAnswer(deps.ctx.plan, answer, true) });
      return { outcome: answer.notice?.code ?? 'answered', answerKind: answer.kind, measures: answer.results.map((r) => r.number) };
    }, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
  };
}
