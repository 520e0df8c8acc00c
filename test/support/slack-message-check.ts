/**
 * Checks a message (or Home view) against Slack's documented limits and against the one thing
 * escaping must prevent: a `<!channel>`, `<@user>` or `<link>` the app did not put there itself.
 * Returns the problems found, so a test failure lists them all.
 */
import type { SlackMessage } from '../../src/render/blocks/slack-message.js';

const LIMITS = { blocks: 50, viewBlocks: 100, section: 3000, header: 150, context: 3000, contextElements: 10, buttonText: 75, buttonValue: 2000, fallback: 3000, actionsElements: 25 };

/** Slack's special syntax, which must only ever appear escaped in text we render. */
const SPECIAL = /<(?:[!@#]|https?:|mailto:)/u;

type Json = Record<string, unknown>;

function textOf(value: unknown): string | undefined {
  return value && typeof value === 'object' && typeof (value as Json).text === 'string' ? ((value as Json).text as string) : undefined;
}

export function slackMessageProblems(message: { text?: string; blocks: unknown[] }, options: { view?: boolean; allowMentionOf?: string } = {}): string[] {
  const problems: string[] = [];
  const maxBlocks = options.view ? LIMITS.viewBlocks : LIMITS.blocks;
  if (message.blocks.length > maxBlocks) problems.push(`${message.blocks.length} blocks > ${maxBlocks}`);
  if (!options.view) {
    if (!message.text || message.text.trim().length === 0) problems.push('no fallback text');
    else if (message.text.length > LIMITS.fallback) problems.push(`fallback text ${message.text.length} > ${LIMITS.fallback}`);
    // The fallback text is shown (and parsed as mrkdwn) when blocks are not: it is checked like them.
    else if (SPECIAL.test(message.text)) problems.push(`fallback text: unescaped Slack syntax in ${JSON.stringify(message.text.slice(0, 80))}`);
  }
  const checkMrkdwn = (where: string, text: string, max: number) => {
    if (text.length > max) problems.push(`${where}: ${text.length} chars > ${max}`);
    const withoutOwn = options.allowMentionOf ? text.split(`<@${options.allowMentionOf}>`).join('') : text;
    if (SPECIAL.test(withoutOwn)) problems.push(`${where}: unescaped Slack syntax in ${JSON.stringify(text.slice(0, 80))}`);
  };
  const checkButton = (where: string, element: Json) => {
    const text = textOf(element.text) ?? '';
    if (text.length > LIMITS.buttonText) problems.push(`${where}: button text ${text.length} > ${LIMITS.buttonText}`);
    const value = typeof element.value === 'string' ? element.value : '';
    if (value.length > LIMITS.buttonValue) problems.push(`${where}: button value ${value.length} > ${LIMITS.buttonValue}`);
  };
  message.blocks.forEach((raw, i) => {
    const block = raw as Json;
    const where = `block ${i} (${String(block.type)})`;
    switch (block.type) {
      case 'section': {
        const text = textOf(block.text);
        if (text === undefined) problems.push(`${where}: no text`);
        else checkMrkdwn(where, text, LIMITS.section);
        if (block.accessory) checkButton(where, block.accessory as Json);
        break;
      }
      case 'header': {
        const text = textOf(block.text) ?? '';
        if (text.length > LIMITS.header) problems.push(`${where}: header ${text.length} > ${LIMITS.header}`);
        break;
      }
      case 'context': {
        const elements = (block.elements as Json[]) ?? [];
        if (elements.length > LIMITS.contextElements) problems.push(`${where}: ${elements.length} elements`);
        for (const e of elements) if (e.type === 'mrkdwn') checkMrkdwn(where, String(e.text), LIMITS.context);
        break;
      }
      case 'actions': {
        const elements = (block.elements as Json[]) ?? [];
        if (elements.length > LIMITS.actionsElements) problems.push(`${where}: ${elements.length} elements`);
        for (const e of elements) checkButton(where, e);
        break;
      }
      case 'context_actions': {
        for (const e of (block.elements as Json[]) ?? []) {
          for (const b of [e.positive_button, e.negative_button] as Json[]) checkButton(where, b);
        }
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

export type { SlackMessage };
