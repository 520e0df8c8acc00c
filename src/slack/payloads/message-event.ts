/**
 * A message or mention event, as far as answering it goes: the one rule for whether it is a
 * person asking something the app answers, and its text back into what the person typed. The front door (intake) and the listeners both ask
 * here, so what is recorded as owed is exactly what the listeners answer.
 */
import { z } from 'zod';
import { isQuestion } from '../../core/help-desk/is-question.js';

export const MessageEventSchema = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/**
 * The conversations whose plain messages are answered: DMs; in public and private channels,
 * follow-ups in threads (and coordinators' replies in the threads of escalations, relayed to the
 * asker) and questions in help channels. The manifest subscribes to exactly these
 * (`message.im`, `message.channels`, `message.groups`).
 */
export const ANSWERED_CHANNEL_TYPES = ['im', 'channel', 'group'] as const;

/** Subtypes that are still a person writing (a file shared with a question, a reply also sent to the channel). */
const PERSON_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, 'file_share', 'thread_broadcast']);

/** The fields the rule reads. */
export type MessageFields = Pick<MessageEvent, 'subtype' | 'user' | 'bot_id' | 'channel_type' | 'thread_ts' | 'text'>;

/** Whether a person (not a bot, not an edit or a deletion) wrote this message. */
export function isPersonWriting(event: Pick<MessageFields, 'subtype' | 'user' | 'bot_id'>): boolean {
  return Boolean(event.user) && !event.bot_id && PERSON_SUBTYPES.has(event.subtype);
}

/**
 * How a plain message (not a mention) may be answered: as a direct message; as a reply in a
 * channel thread (answered only where the bot has answered before, or relayed when it is a
 * coordinator's answer in an escalation's thread); as a top-level question in a channel (answered
 * only in a help channel, which the listener asks the application); or not at all. A top-level
 * channel message that asks nothing (chatter, thanks, an announcement) is not even looked at.
 */
export function answerableAs(event: MessageFields): 'direct' | 'thread' | 'channel' | undefined {
  if (!isPersonWriting(event)) return undefined;
  if (event.channel_type === 'im') return 'direct';
  if (event.channel_type !== 'channel' && event.channel_type !== 'group') return undefined;
  if (event.thread_ts !== undefined) return 'thread';
  return isQuestion(questionFromSlackText(event.text)) ? 'channel' : undefined;
}

/**
 * A Slack message's text back into what the person typed: Slack escapes `&`, `<`, `>`, writes
 * mentions as `<@U123>` and links as `<https://…|label>`. Mentions are dropped (the bot's own
 * mention is how it was addressed, not part of the question); links keep their label.
 */
export function questionFromSlackText(text: string | undefined): string {
  if (!text) return '';
  return text
    .replace(/<[@#!][^>]*>/gu, ' ')
    .replace(/<([^|>]+)\|([^>]*)>/gu, '$2')
    .replace(/<([^>]+)>/gu, '$1')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * A reply's text back into what its author wrote, keeping its lines (an answer from the office is
 * relayed as written): mentions and channel links are dropped, links keep their label, Slack's
 * escapes are undone.
 */
export function replyFromSlackText(text: string | undefined): string {
  if (!text) return '';
  return text
    .replace(/<[@#!][^>]*>/gu, '')
    .replace(/<([^|>]+)\|([^>]*)>/gu, '$2')
    .replace(/<([^>]+)>/gu, '$1')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/[ \t]+/gu, ' ')
    .replace(/ *\n */gu, '\n')
    .trim();
}

/** Whether `text` mentions the user `userId` (`<@U123>` or `<@U123|name>`). */
export function mentions(text: string | undefined, userId: string | undefined): boolean {
  return Boolean(text && userId && new RegExp(`<@${userId}(?:\\|[^>]*)?>`, 'u').test(text));
}
