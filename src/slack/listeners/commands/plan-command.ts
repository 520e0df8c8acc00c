import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { askQuestion } from '../../../core/answer/ask-question.js';
import { planOverview } from '../../../core/answer/plan-overview.js';
import { renderDigest } from '../../../render/blocks/digest-blocks.js';
import { renderHelp } from '../../../render/blocks/help-blocks.js';
import { renderUsage, USAGE } from '../../../render/blocks/usage-blocks.js';
import { handleRequest } from '../../request-log.js';
import type { SlackDeps } from '../../slack-deps.js';
import { renderCommandAnswer } from './render-command-answer.js';

const HELP_WORDS: ReadonlySet<string> = new Set(['help', '帮助', '说明', '用法', '?', '？']);
const DIGEST_WORDS: ReadonlySet<string> = new Set(['digest', '简报', '今日简报']);

/**
 * `/plan <问题>`: the answer, shown only to the asker, with 发到频道; `/plan help` explains
 * everything; `/plan digest` shows today's digest to the asker.
 */
export function onPlanCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await handleRequest(deps, '/plan', async () => {
      const text = command.text.trim();
      if (text.length === 0) {
        await respond({ response_type: 'ephemeral', ...renderUsage(USAGE.plan) });
        return { outcome: 'usage' };
      }
      if (HELP_WORDS.has(text.toLowerCase())) {
        await respond({ response_type: 'ephemeral', ...renderHelp(planOverview(deps.ctx.plan)) });
        return { outcome: 'help' };
      }
      if (DIGEST_WORDS.has(text.toLowerCase())) {
        const digest = deps.todaysDigest();
        await respond({ response_type: 'ephemeral', ...renderDigest(digest) });
        return { outcome: 'digest', date: digest.date, issue: digest.issue.number };
      }
      const answer = askQuestion(deps.ctx, text);
      deps.activity.recordQuestion({ question: text, answer, surface: 'command' });
      await respond({ response_type: 'ephemeral', ...renderCommandAnswer(deps.ctx.plan, answer) });
      return { outcome: answer.notice?.code ?? 'answered', answerKind: answer.kind, measures: answer.results.map((r) => r.number) };
    }, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
  };
}
