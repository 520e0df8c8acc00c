/**
 * Checks a message (or a Home or modal view) against Slack's documented limits and against the
 * one thing escaping must prevent: a `<!channel>`, `<@user>` or `<link>` the app did not put
 * there itself (`allowMentionOf`: the member and group IDs the app itself mentions, in blocks and
 * in the fallback text alike, where Slack shows them as names). Returns the
 * problems found, so a test failure lists them all.
 */
import type { SlackMessage } from '../../src/render/blocks/slack-message.js';

const LIMITS = {
  blocks: 50,
  viewBlocks: 100,
  section: 3000,
  header: 150,
  context: 3000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  fallback: 3000,
  actionsElements: 25,
  // Modals and inputs (modal view, input block, plain-text input and select references).
  modalTitle: 24,
  privateMetadata: 3000,
  callbackId: 255,
  blockId: 255,
  inputLabel: 2000,
  textInput: 3000,
  placeholder: 150,
  options: 100,
  optionText: 75,
};

/** Slack's special syntax, which must only ever appear escaped in text we render. */
const SPECIAL = /<(?:[!@#]|https?:|mailto:)/u;

type Json = Record<string, unknown>;

function textOf(value: unknown): string | undefined {
  return value && typeof value === 'object' && typeof (value as Json).text === 'string' ? ((value as Json).text as string) : undefined;
}

export interface CheckOptions {
  view?: boolean;
  /** Member (U…) and group (S…) IDs the app mentions itself, from Slack's own payloads or configuration. */
  allowMentionOf?: string | readonly string[];
  /** Links the app makes itself to URLs Slack gave it (a permalink), starting with this. */
  allowLinksTo?: string;
}

function withoutOwnMentions(text: string, allowed: readonly string[]): string {
  return allowed.reduce((rest, id) => rest.split(`<@${id}>`).join('').split(`<!subteam^${id}>`).join(''), text);
}

export function slackMessageProblems(message: { text?: string; blocks: unknown[] }, options: CheckOptions = {}): string[] {
  const allowed = options.allowMentionOf === undefined ? [] : typeof options.allowMentionOf === 'string' ? [options.allowMentionOf] : options.allowMentionOf;
  const problems: string[] = [];
  const maxBlocks = options.view ? LIMITS.viewBlocks : LIMITS.blocks;
  if (message.blocks.length > maxBlocks) problems.push(`${message.blocks.length} blocks > ${maxBlocks}`);
  if (!options.view) {
    if (!message.text || message.text.trim().length === 0) problems.push('no fallback text');
    else if (message.text.length > LIMITS.fallback) problems.push(`fallback text ${message.text.length} > ${LIMITS.fallback}`);
    // The fallback text is shown (and parsed as mrkdwn) when blocks are not: it is checked like them.
    else if (SPECIAL.test(withoutOwnMentions(message.text, allowed)))
      problems.push(`fallback text: unescaped Slack syntax in ${JSON.stringify(message.text.slice(0, 80))}`);
  }
  const checkMrkdwn = (where: string, text: string, max: number) => {
    if (text.length > max) problems.push(`${where}: ${text.length} chars > ${max}`);
    const linksRemoved = options.allowLinksTo
      ? withoutOwnMentions(text, allowed)
          .split(`<${options.allowLinksTo}`)
          .map((part, i) => (i === 0 ? part : part.replace(/^[^>]*>/u, '')))
          .join('')
      : withoutOwnMentions(text, allowed);
    if (SPECIAL.test(linksRemoved)) problems.push(`${where}: unescaped Slack syntax in ${JSON.stringify(text.slice(0, 80))}`);
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
      case 'input': {
        if (!options.view) problems.push(`${where}: input blocks belong in views`);
        const label = textOf(block.label) ?? '';
        if (label.length === 0 || label.length > LIMITS.inputLabel) problems.push(`${where}: label ${label.length} chars`);
        if ((textOf(block.hint) ?? '').length > LIMITS.inputLabel) problems.push(`${where}: hint too long`);
        if (typeof block.block_id !== 'string' || block.block_id.length > LIMITS.blockId) problems.push(`${where}: block_id missing or too long`);
        problems.push(...elementProblems(where, (block.element as Json) ?? {}));
        break;
      }
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

function elementProblems(where: string, element: Json): string[] {
  const problems: string[] = [];
  if ((textOf(element.placeholder) ?? '').length > LIMITS.placeholder) problems.push(`${where}: placeholder too long`);
  switch (element.type) {
    case 'plain_text_input': {
      const max = typeof element.max_length === 'number' ? element.max_length : LIMITS.textInput;
      if (max < 1 || max > LIMITS.textInput) problems.push(`${where}: max_length ${max}`);
      const initial = typeof element.initial_value === 'string' ? element.initial_value : '';
      if (initial.length > max) problems.push(`${where}: initial_value ${initial.length} > max_length ${max}`);
      break;
    }
    case 'static_select': {
      const choices = (element.options as Json[]) ?? [];
      if (choices.length === 0 || choices.length > LIMITS.options) problems.push(`${where}: ${choices.length} options`);
      for (const o of choices) if ((textOf(o.text) ?? '').length > LIMITS.optionText) problems.push(`${where}: option text too long`);
      const initial = element.initial_option as Json | undefined;
      if (initial && !choices.some((o) => o.value === initial.value)) problems.push(`${where}: initial_option is not one of the options`);
      break;
    }
    case 'datepicker':
      if (element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(String(element.initial_date)))
        problems.push(`${where}: initial_date ${String(element.initial_date)}`);
      break;
    default:
      problems.push(`${where}: unexpected input element ${String(element.type)}`);
  }
  return problems;
}

/** A modal or Home view: the view's own fields, then every block as in a message. */
export function slackViewProblems(rendered: { type: string }, options: Omit<CheckOptions, 'view'> = {}): string[] {
  const view = rendered as Record<string, unknown>;
  const problems: string[] = [];
  const blocks = Array.isArray(view.blocks) ? (view.blocks as unknown[]) : [];
  if (view.type === 'modal') {
    for (const field of ['title', 'submit', 'close'] as const) {
      const text = textOf(view[field]);
      if (field === 'title' && !text) problems.push('modal: no title');
      if (text !== undefined && (text.length === 0 || text.length > LIMITS.modalTitle))
        problems.push(`modal ${field}: ${text.length} chars > ${LIMITS.modalTitle}`);
    }
    if (blocks.some((b) => (b as Json).type === 'input') && !view.submit) problems.push('modal: inputs without a submit button');
  } else if (view.type !== 'home') problems.push(`view type ${String(view.type)}`);
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > LIMITS.privateMetadata) problems.push('private_metadata too long');
  if (typeof view.callback_id === 'string' && view.callback_id.length > LIMITS.callbackId) problems.push('callback_id too long');
  return [...problems, ...slackMessageProblems({ blocks }, { ...options, view: true })];
}

export type { SlackMessage };
