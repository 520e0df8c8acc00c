/**
 * Text into Slack mrkdwn. Plan text and anything a user typed are escaped (`&`, `<`, `>`, and the
 * formatting characters), so nobody can make the bot post `<!channel>`, `<!here>`, a user
 * mention, a disguised link or formatting of their own.
 * Highlights are set in bold with zero-width spaces around the asterisks: Slack only reads
 * `*bold*` at word boundaries, and Chinese text has no spaces.
 */

import { MAX_FALLBACK_TEXT, truncate } from './slack-limits.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Text shown as itself: `&`, `<`, `>` escaped, and the formatting characters `*`, `_`, `~`,
 * backtick set apart with zero-width spaces, so that a question someone typed (`*紧急*`) is echoed
 * as typed, never as formatting.
 */
export function escapeMrkdwn(text: string): string {
  return neutraliseMarkers(text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;'));
}

/** Formatting characters would start or end a run of formatting; they are set apart instead. */
function neutraliseMarkers(text: string): string {
  return text.replace(/[*_~`]/gu, (c) => `${ZERO_WIDTH_SPACE}${c}${ZERO_WIDTH_SPACE}`);
}

export function bold(text: string): string {
  const inner = escapeMrkdwn(text).trim();
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
