import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInConversation } from '../../conversation/answer-in-conversation.js';
import { questionFromSlackText } from '../../inbound-text.js';
import { handleRequest } from '../../request-log.js';
import type { SlackDeps } from '../../slack-deps.js';

/** `@助手 问题` in a channel: answered in the thread of the mention. */
export function onAppMention(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id || event.subtype) return;
    if (!deps.processed.claim(`message:${event.channel}:${event.ts}`)) return;
    const threadTs = event.thread_ts ?? event.ts;
    await handleRequest(deps, 'app_mention', () =>
      answerInConversation(
        client,
        {
          question: questionFromSlackText(event.text),
          target: { channel: event.channel, threadTs },
          ...(event.user ? { userId: event.user } : {}),
          surface: 'mention',
          feedback: 'buttons',
        },
        deps,
      ),
    );
  };
}
