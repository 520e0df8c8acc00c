/**
 * Constructors for the few Block Kit shapes this app uses. Each one enforces its field's limit, so
 * a renderer cannot build a block Slack would refuse.
 */
import type { Block, Button, InputElement } from './slack-message.js';
import {
  MAX_BLOCK_ID,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_CONTEXT_ELEMENTS,
  MAX_CONTEXT_TEXT,
  MAX_HEADER_TEXT,
  MAX_INPUT_LABEL,
  MAX_SECTION_TEXT,
  splitText,
  truncate,
} from './slack-limits.js';

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, MAX_HEADER_TEXT), emoji: false } };
}

/** A mrkdwn section; the caller has escaped the text. Long text is cut (use {@link sections} to keep all of it). */
export function section(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, MAX_SECTION_TEXT) } };
}

/** As many sections as it takes to show `mrkdwn` whole. */
export function sections(mrkdwn: string): Block[] {
  return splitText(mrkdwn, MAX_SECTION_TEXT).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

export function context(...mrkdwn: string[]): Block {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, MAX_CONTEXT_ELEMENTS).map((text) => ({ type: 'mrkdwn', text: truncate(text, MAX_CONTEXT_TEXT) })),
  };
}

export function divider(): Block {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  if (value.length > MAX_BUTTON_VALUE) throw new RangeError(`button ${actionId}: value longer than ${MAX_BUTTON_VALUE}`);
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, MAX_BUTTON_TEXT), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(blockId: string | undefined, ...elements: Button[]): Block {
  return { type: 'actions', ...(blockId ? { block_id: blockId } : {}), elements };
}

/** A section with a button beside it; the caller has escaped the text. */
export function sectionWithButton(mrkdwn: string, accessory: Button): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, MAX_SECTION_TEXT) }, accessory };
}

/** An input block (modals): `label` and `hint` are plain text, cut to Slack's limit. */
export function input(blockId: string, label: string, element: InputElement, options: { optional?: boolean; hint?: string } = {}): Block {
  if (blockId.length > MAX_BLOCK_ID) throw new RangeError(`input ${blockId}: block_id longer than ${MAX_BLOCK_ID}`);
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: truncate(label, MAX_INPUT_LABEL), emoji: false },
    element,
    optional: options.optional ?? false,
    ...(options.hint ? { hint: { type: 'plain_text', text: truncate(options.hint, MAX_INPUT_LABEL), emoji: false } } : {}),
  };
}
