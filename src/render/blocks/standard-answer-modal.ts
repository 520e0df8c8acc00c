/**
 * The 修改 window on App Home: a standard answer's text, its measures and whether it is in use,
 * for a coordinator to change at once. The window carries the answer and the version it was opened
 * on in `private_metadata`, so a save made after someone else's is refused, never a silent
 * overwrite; and a window saying what came of it (or why it did not open).
 */
import { z } from 'zod';
import type { StandardAnswerRecord } from '../../core/help-desk/help-desk-records.js';
import { MAX_STANDARD_ANSWER_LENGTH } from '../../core/help-desk/standard-answer-input.js';
import { input, section } from './block-kit.js';
import { bold, escapeMrkdwn } from './mrkdwn.js';
import { MAX_MODAL_TITLE, MAX_PLACEHOLDER, MAX_TEXT_INPUT_LENGTH, truncate } from './slack-limits.js';
import type { ModalView } from './slack-message.js';

/** The window's callback id: what the submission listener is registered for. */
export const STANDARD_ANSWER_FORM = 'standard_answer_form';

/** Block ids and action ids of the window's inputs. */
export const STANDARD_ANSWER_INPUTS = { text: 'standard_answer_text', measures: 'standard_answer_measures', state: 'standard_answer_state' } as const;
export const IN_USE = '在用';
export const RETIRED = '停用';

export const StandardAnswerFormMetadataSchema = z.object({ s: z.number().int().positive(), v: z.number().int().positive() });
export type StandardAnswerFormMetadata = z.infer<typeof StandardAnswerFormMetadataSchema>;

const plain = (text: string, max = MAX_MODAL_TITLE) => ({ type: 'plain_text' as const, text: truncate(text, max), emoji: false });

export function renderStandardAnswerForm(answer: StandardAnswerRecord): ModalView {
  const states = [IN_USE, RETIRED].map((s) => ({ text: plain(s, 75), value: s }));
  const metadata: StandardAnswerFormMetadata = { s: answer.id, v: answer.version };
  return {
    type: 'modal',
    callback_id: STANDARD_ANSWER_FORM,
    private_metadata: JSON.stringify(metadata),
    title: plain(`标准答复 #${answer.id}`),
    submit: plain('保存'),
    close: plain('取消'),
    blocks: [
      section(`${bold('问题')}：${escapeMrkdwn(truncate(answer.question, 500))}`),
      input(
        STANDARD_ANSWER_INPUTS.text,
        '答复',
        {
          type: 'plain_text_input',
          action_id: STANDARD_ANSWER_INPUTS.text,
          multiline: true,
          min_length: 1,
          max_length: Math.min(MAX_STANDARD_ANSWER_LENGTH, MAX_TEXT_INPUT_LENGTH),
          initial_value: answer.text,
        },
        { hint: '修改内容后，复核日期从今天起重新计算。' },
      ),
      input(
        STANDARD_ANSWER_INPUTS.measures,
        '相关措施',
        {
          type: 'plain_text_input',
          action_id: STANDARD_ANSWER_INPUTS.measures,
          max_length: 200,
          placeholder: plain('例如：15、43', MAX_PLACEHOLDER),
          ...(answer.measures.length > 0 ? { initial_value: answer.measures.join('、') } : {}),
        },
        { optional: true },
      ),
      input(STANDARD_ANSWER_INPUTS.state, '状态', {
        type: 'static_select',
        action_id: STANDARD_ANSWER_INPUTS.state,
        options: states,
        initial_option: answer.retired ? states[1] : states[0],
      }),
    ],
  };
}

/** A window that only says something (what was saved, or why nothing was). */
export function renderStandardAnswerNotice(title: string, text: string): ModalView {
  return { type: 'modal', title: plain(title), close: plain('关闭'), blocks: [section(escapeMrkdwn(text))] };
}
