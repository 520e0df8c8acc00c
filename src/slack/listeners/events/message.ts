/**
 * Plain messages: a direct message to the bot (the agent's Messages tab, or a classic DM), and a
 * reply in a channel thread the bot has already answered in. Messages from bots (itself
 * included), edits, deletions and every other subtype are ignored; a message that @mentions the
 * bot is left to the app_mention listener, so it is answered once.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInConversation } from '../../conversation/answer-in-conversation.js';
import { mentions, questionFromSlackText } from '../../inbound-text.js';
import { handleRequest } from '../../request-log.js';
import type { SlackDeps } from '../../slack-deps.js';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** Subtypes that are still a person writing a question. */
const QUESTION_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, 'file_share', 'thread_broadcast']);

export function onMessage(deps: SlackDeps) {
  return async ({ message, client, context, setStatus }: MessageArgs): Promise<void> => {
    if (!QUESTION_SUBTYPES.has(message.subtype) || !('user' in message) || !message.user) return;
    if ('bot_id' in message && message.bot_id) return;
    if (message.user === context.botUserId) return;
    const text = 'text' in message ? message.text : undefined;
    const threadTs = 'thread_ts' in message ? message.thread_ts : undefined;
    const direct = message.channel_type === 'im';
    const followUp = !direct && threadTs !== undefined && deps.threads.has(message.channel, threadTs);
    if (!direct && !followUp) return;
    if (!direct && mentions(text, context.botUserId)) return; // app_mention answers it
    if (!deps.processed.claim(`message:${message.channel}:${message.ts}`)) return;

    await handleRequest(deps, direct ? 'message.im' : 'thread_reply', () =>
      answerInConversation(
        client,
        {
          question: questionFromSlackText(text),
          target: { channel: message.channel, threadTs: threadTs ?? message.ts },
          userId: message.user,
          surface: direct ? 'dm' : 'thread',
          feedback: direct ? 'native' : 'buttons',
          ...(direct && setStatus ? { setStatus: (status: string) => setStatus(status) } : {}),
        },
        deps,
      ),
    );
  };
}
