/**
 * The assistant panel, for workspaces whose app still uses Slack's Assistant experience: Bolt's
 * `Assistant` greets a new thread with suggested prompts, titles the thread after the first
 * question and answers in the thread.
 */
import { Assistant } from '@slack/bolt';
import type { ConversationReplies } from '../../../app/answers/reply-to-message.js';
import type { Logger } from '../../../logger.js';
import { truncate } from '../../../render/blocks/slack-limits.js';
import { SUGGESTED_PROMPTS, SUGGESTED_PROMPTS_TITLE } from '../../../render/blocks/suggested-prompts.js';
import { answerInConversation } from '../../conversation/answer-in-conversation.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { isReplayed, type MessageClaims } from '../../intake/admit-deliveries.js';
import { isPersonWriting, MessageEventSchema, questionFromSlackText } from '../../payloads/message-event.js';

export const ASSISTANT_GREETING = '你好！我可以回答关于《2014年国家知识产权战略实施推进计划》的问题，答案都注明出自第几条措施。';
const MAX_TITLE = 80;

export function assistantPanel(conversation: ConversationReplies, work: AcknowledgedWork, firstDelivery: MessageClaims, logger: Logger): Assistant {
  return new Assistant({
    threadStarted: async ({ say, setSuggestedPrompts }) => {
      await work.run('assistant.thread_started', async () => {
        await say(ASSISTANT_GREETING);
        await setSuggestedPrompts({ title: SUGGESTED_PROMPTS_TITLE, prompts: SUGGESTED_PROMPTS.map((p) => ({ ...p })) });
        return { outcome: 'greeted' };
      });
    },
    userMessage: async ({ message, client, context, setTitle }) => {
      const parsed = MessageEventSchema.safeParse(message);
      if (!parsed.success) return;
      const m = parsed.data;
      const { user, thread_ts: threadTs } = m;
      if (!user || !isPersonWriting(m) || !threadTs) return;
      if (!(await firstDelivery(context, m.channel, m.ts))) return;
      const question = questionFromSlackText(m.text);
      await work.run('assistant.user_message', async () => {
        try {
          await setTitle(truncate(question, MAX_TITLE));
        } catch (error) {
          logger.debug({ err: error }, 'assistant.threads.setTitle failed');
        }
        return answerInConversation(
          conversation,
          client,
          {
            question,
            messageTs: m.ts,
            ...(isReplayed(context) ? { replayed: true } : {}),
            target: { channel: m.channel, threadTs },
            userId: user,
            surface: 'assistant',
            feedback: 'native',
          },
          logger,
        );
      });
    },
  });
}
