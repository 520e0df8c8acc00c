/**
 * Slack's documented size limits for what this app sends, and the helpers that keep text inside
 * them. Every renderer goes through these, so no input can produce a message Slack refuses.
 */

/** Blocks per message (Block Kit reference: "Messages … up to 50 blocks"). */
export const MAX_MESSAGE_BLOCKS = 50;
/** Blocks in a Home tab view (views reference: up to 100). */
export const MAX_VIEW_BLOCKS = 100;
/** Section block `text` (section block reference: max 3000 characters). */
export const MAX_SECTION_TEXT = 3000;
/** Header block `text` (header block reference: max 150 characters). */
export const MAX_HEADER_TEXT = 150;
/** Context block text elements: each up to 3000 characters, at most 10 elements. */
export const MAX_CONTEXT_TEXT = 3000;
export const MAX_CONTEXT_ELEMENTS = 10;
/** Button `text` (plain_text, max 75) and `value` (max 2000). */
export const MAX_BUTTON_TEXT = 75;
export const MAX_BUTTON_VALUE = 2000;
/** Top-level `text` of chat.postMessage: Slack truncates past 40,000; we keep notifications short. */
export const MAX_FALLBACK_TEXT = 3000;
/** Modal `title`, `submit` and `close` (modal view reference: max 24 characters each). */
export const MAX_MODAL_TITLE = 24;
/** Modal `private_metadata` (max 3000). */
export const MAX_PRIVATE_METADATA = 3000;
/** Input block `label` and `hint` (input block reference: max 2000); `block_id` and `action_id` (max 255). */
export const MAX_INPUT_LABEL = 2000;
export const MAX_BLOCK_ID = 255;
/** plain_text_input `max_length` (1–3000) and element placeholders (max 150). */
export const MAX_TEXT_INPUT_LENGTH = 3000;
export const MAX_PLACEHOLDER = 150;

const ELLIPSIS = '…';

/** `text` cut to at most `max` UTF-16 units (never splitting a surrogate pair), with … when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, Math.max(0, end)) + ELLIPSIS;
}

/**
 * Splits long text into pieces of at most `max` characters, preferring to break after 。；，、
 * (then anywhere), so a long measure is shown whole across several sections.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const breakAt = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'), window.lastIndexOf('，'), window.lastIndexOf('、'), window.lastIndexOf('\n'));
    let cut = breakAt > max / 2 ? breakAt + 1 : max;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
