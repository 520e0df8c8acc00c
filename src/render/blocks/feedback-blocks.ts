/**
 * 有帮助 / 没帮助 under an answer. On the AI surfaces (DMs, the assistant panel) Slack's own
 * feedback buttons (a context_actions block); elsewhere two ordinary buttons, which every
 * surface accepts. Both carry the question and the measures shown, so a click can be logged
 * and counted without any state kept for it.
 */
import { actions, button } from './block-kit.js';
import { ACTION, encodeValue } from './action-values.js';
import type { Block } from './slack-message.js';

export type FeedbackStyle = 'native' | 'buttons' | 'none';

export function feedbackBlocks(style: FeedbackStyle, question: string, measures: readonly number[]): Block[] {
  if (style === 'none') return [];
  const up = encodeValue({ v: 'up', q: question, m: [...measures] });
  const down = encodeValue({ v: 'down', q: question, m: [...measures] });
  if (style === 'native') {
    return [
      {
        type: 'context_actions',
        elements: [
          {
            type: 'feedback_buttons',
            action_id: ACTION.feedback,
            positive_button: { text: { type: 'plain_text', text: '有帮助' }, value: up, accessibility_label: '这个回答有帮助' },
            negative_button: { text: { type: 'plain_text', text: '没帮助' }, value: down, accessibility_label: '这个回答没帮助' },
          },
        ],
      },
    ];
  }
  return [actions('feedback', button('👍 有帮助', ACTION.feedbackHelpful, up), button('👎 没帮助', ACTION.feedbackNotHelpful, down))];
}
