/**
 * Plain messages: a direct message to the bot (the agent's Messages tab, or a classic DM), and a
 * reply in a channel thread the bot has already answered in. Messages from bots (itself
 * included), edits, deletions and every other subtype are ignored; a message that @mentions the
 * bot is left to the app_mention listener, so it is answered once.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerInConversation } from '../../conversation/answer-in-conversation.js';
import { mentions, questionFromSlackText } from '../../conversation/inbound-text.js';
import type { SlackDeps } from '../../deps.js';
import { firstDelivery } from '../first-delivery.js';
import { MessageEventSchema } from '../slack-payloads.js';

/**
 * The conversations whose messages are answered: DMs, and follow-ups in public and private
 * channel threads. The manifest subscribes to exactly these (`message.im`, `message.channels`,
 * `message.groups`).
 */
export const ANSWERED_CHANNEL_TYPES = ['im', 'channel', 'group'] as const;
const ANSWERED: ReadonlySet<string | undefined> = new Set(ANSWERED_CHANNEL_TYPES);

/** Subtypes that are still a person writing a question. */
const QUESTION_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, 'file_share', 'thread_broadcast']);

export function directOrThreadMessage(deps: SlackDeps) {
  return async ({ message, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = MessageEventSchema.safeParse(message);
    if (!parsed.success) return;
    const m = parsed.data;
    if (!QUESTION_SUBTYPES.has(m.subtype) || !ANSWERED.has(m.channel_type) || !m.user || m.bot_id || m.user === context.botUserId) return;
    const direct = m.channel_type === 'im';
    const followUp = !direct && m.thread_ts !== undefined && (await deps.threads.answered(m.channel, m.thread_ts));
    if (!direct && !followUp) return;
    if (!direct && mentions(m.text, context.botUserId)) return; // app_mention answers it
    if (!(await firstDelivery(deps, context, `message:${m.channel}:${m.ts}`))) return;

    const user = m.user;
    await deps.work.run(direct ? 'message.im' : 'thread_reply', () =>
      answerInConversation(
        client,
        {
          question: questionFromSlackText(m.text),
          target: { channel: m.channel, threadTs: m.thread_ts ?? m.ts },
          userId: user,
          surface: direct ? 'dm' : 'thread',
          feedback: direct ? 'native' : 'buttons',
        },
        deps,
      ),
    );
  };
}
