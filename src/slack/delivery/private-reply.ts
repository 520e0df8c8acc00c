/** Replies only the person being served sees: in a slash command's acknowledgement, or through `respond`. */
import type { RespondFn } from '@slack/bolt';
import type { SlackMessage } from '../../render/blocks/slack-message.js';

/** An answer shown only to the person who asked, as it goes in a slash command's acknowledgement. */
export type PrivateReply = { response_type: 'ephemeral'; text: string; blocks?: SlackMessage['blocks'] };

export function privateReply(message: SlackMessage | string): PrivateReply {
  return typeof message === 'string' ? { response_type: 'ephemeral', text: message } : { response_type: 'ephemeral', ...message };
}

/** How a listener tells the person it is serving something only they see. */
export function privately(respond: RespondFn): (text: string) => Promise<unknown> {
  return (text) => respond({ response_type: 'ephemeral', replace_original: false, text });
}
