/**
 * Text into Slack mrkdwn. Plan text and anything a user typed are escaped (`&`, `<`, `>`), so
 * nobody can make the bot post `<!channel>`, `<!here>`, a user mention or a disguised link.
 * Highlights are set in bold with zero-width spaces around the asterisks: Slack only reads
 * `*bold*` at word boundaries, and Chinese text has no spaces.
 */

import { MAX_FALLBACK_TEXT, truncate } from './slack-limits.js';

const ZERO_WIDTH_SPACE = '\u200b';

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Formatting characters inside a bold run would end it early; they are set apart instead. */
function neutraliseMarkers(text: string): string {
  return text.replace(/[*_~`]/gu, (c) => `${ZERO_WIDTH_SPACE}${c}${ZERO_WIDTH_SPACE}`);
}

/**
 * Text a person typed (a progress note, a unit's name), shown as typed: escaped, and its
 * formatting characters set apart so Slack does not turn `*…*` into bold or `` `…` `` into code.
 */
export function typedText(text: string): string {
  return neutraliseMarkers(escapeMrkdwn(text));
}

export function bold(text: string): string {
  const inner = neutraliseMarkers(escapeMrkdwn(text)).trim();
  return inner.length === 0 ? '' : `${ZERO_WIDTH_SPACE}*${inner}*${ZERO_WIDTH_SPACE}`;
}

/** `text` escaped, with the `[start, end)` ranges in bold. */
export function withHighlights(text: string, highlights: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end > text.length || start >= end) continue;
    out += escapeMrkdwn(text.slice(at, start)) + bold(text.slice(start, end));
    at = end;
  }
  return out + escapeMrkdwn(text.slice(at));
}

/** A block quote: every line prefixed with `>`. */
export function quote(mrkdwn: string): string {
  return mrkdwn
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/**
 * A message's top-level `text`: Slack shows it in notifications and, when blocks cannot be shown
 * (or the app falls back to plain text), as the message itself, parsed as mrkdwn. So it is
 * escaped like any other text, and kept short.
 */
export function fallbackText(text: string): string {
  return truncate(escapeMrkdwn(text), MAX_FALLBACK_TEXT);
}
