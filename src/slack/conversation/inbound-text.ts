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

/** Whether `text` mentions the user `userId` (`<@U123>` or `<@U123|name>`). */
export function mentions(text: string | undefined, userId: string | undefined): boolean {
  return Boolean(text && userId && new RegExp(`<@${userId}(?:\\|[^>]*)?>`, 'u').test(text));
}
