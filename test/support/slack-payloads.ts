/**
 * The one way tests build what Slack sends: slash commands, events and their envelopes, button
 * clicks, submitted views. Listener tests hand these objects to a listener directly; the end-to-end tests sign and
 * POST them (HTTP) or wrap them in Socket Mode envelopes, so every transport sees the same shapes.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { FAKE_BOT_USER_ID, FAKE_CHANNEL_ID, FAKE_TEAM_ID, FAKE_USER_ID } from './fake-slack-api.js';

export const FAKE_APP_ID = 'A0APP';
/** Where a response_url points when a test did not give one: nothing listens there. */
export const UNCONFIGURED_RESPONSE_URL = 'http://127.0.0.1:9/response-url-not-configured';

let seq = 0;
/** A fresh Slack-shaped message timestamp. */
export function nextTs(): string {
  seq += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(seq).padStart(6, '0')}`;
}

/** A unique Events API event id, shaped like Slack's (`Ev` + 10 upper-case alphanumerics). */
export function fakeEventId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return `Ev${Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('')}`;
}

export function fakeTriggerId(): string {
  return `${randomInt(1e10)}.${randomInt(1e10)}.${randomBytes(16).toString('hex')}`;
}

export interface SlashCommandFields {
  token: string;
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  api_app_id: string;
  response_url: string;
  trigger_id: string;
}

/** A slash command as Slack sends it (every field a string, in Slack's order). */
export function slashCommand(fields: Partial<SlashCommandFields> & Pick<SlashCommandFields, 'command' | 'text'>): SlashCommandFields {
  return {
    token: 'fakeVerificationToken0001',
    team_id: FAKE_TEAM_ID,
    team_domain: 'fake',
    channel_id: FAKE_CHANNEL_ID,
    channel_name: 'fake-channel',
    user_id: FAKE_USER_ID,
    user_name: 'fake.user',
    api_app_id: FAKE_APP_ID,
    response_url: UNCONFIGURED_RESPONSE_URL,
    trigger_id: fakeTriggerId(),
    ...fields,
  };
}

export interface MessageOptions {
  ts?: string;
  channel?: string;
  user?: string;
  threadTs?: string;
  channelType?: 'im' | 'channel' | 'group';
  /** Mentions: use the text as typed, with the bot's mention wherever it already stands. */
  raw?: boolean;
}

/** `@助手 text` in a channel. */
export function mentionEvent(text: string, options: MessageOptions = {}): Record<string, unknown> {
  const ts = options.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: options.user ?? FAKE_USER_ID,
    text: options.raw ? text : `<@${FAKE_BOT_USER_ID}> ${text}`,
    ts,
    channel: options.channel ?? FAKE_CHANNEL_ID,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

/** A person's message: a DM (`channelType: 'im'`, the default) or a channel message. */
export function messageEvent(text: string, options: MessageOptions = {}): Record<string, unknown> {
  const ts = options.ts ?? nextTs();
  const channelType = options.channelType ?? 'im';
  return {
    type: 'message',
    user: options.user ?? FAKE_USER_ID,
    text,
    ts,
    channel: options.channel ?? (channelType === 'im' ? 'D0DIRECT' : FAKE_CHANNEL_ID),
    channel_type: channelType,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

/** The Events API envelope (`event_callback`) around an event. */
export function eventEnvelope(event: Record<string, unknown>, eventId = fakeEventId()): Record<string, unknown> {
  return {
    token: 'fakeVerificationToken0001',
    team_id: FAKE_TEAM_ID,
    api_app_id: FAKE_APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export interface ClickOptions {
  responseUrl?: string;
  ephemeral?: boolean;
  user?: string;
  /** A button in the Home tab or in a modal (no channel, no response_url) instead of in a message. */
  view?: 'home' | 'modal';
}

/** A click on a button (`block_actions`). */
export function blockAction(actionId: string, value: string, options: ClickOptions = {}): Record<string, unknown> {
  const where = options.view
    ? {
        container: { type: 'view', view_id: 'V0VIEW' },
        view: { id: 'V0VIEW', type: options.view, callback_id: '', private_metadata: '', state: { values: {} } },
      }
    : {
        channel: { id: FAKE_CHANNEL_ID, name: 'fake-channel' },
        container: { type: 'message', message_ts: nextTs(), channel_id: FAKE_CHANNEL_ID, is_ephemeral: options.ephemeral ?? true },
        response_url: options.responseUrl ?? UNCONFIGURED_RESPONSE_URL,
      };
  return {
    type: 'block_actions',
    user: { id: options.user ?? FAKE_USER_ID, username: 'fake.user', team_id: FAKE_TEAM_ID },
    api_app_id: FAKE_APP_ID,
    team: { id: FAKE_TEAM_ID, domain: 'fake' },
    ...where,
    trigger_id: fakeTriggerId(),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: nextTs() }],
  };
}

/** What one input of a submitted view holds, as Slack reports it. */
export type ViewInputState =
  | { type: 'plain_text_input'; value: string | null }
  | { type: 'static_select'; selected_option: { text: { type: 'plain_text'; text: string }; value: string } | null }
  | { type: 'datepicker'; selected_date: string | null };

/** A submitted modal (`view_submission`): `values` is `state.values`, block id → action id → state. */
export function viewSubmission(
  callbackId: string,
  privateMetadata: string,
  values: Record<string, Record<string, ViewInputState>>,
  options: { user?: string } = {},
): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM_ID, domain: 'fake' },
    user: { id: options.user ?? FAKE_USER_ID, username: 'fake.user', name: 'fake.user', team_id: FAKE_TEAM_ID },
    api_app_id: FAKE_APP_ID,
    token: 'fakeVerificationToken0001',
    trigger_id: fakeTriggerId(),
    view: {
      id: 'V0MODAL',
      team_id: FAKE_TEAM_ID,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      title: { type: 'plain_text', text: 'modal' },
      blocks: [],
      close: null,
      submit: null,
      state: { values },
      hash: '1764000000.abcdef',
      root_view_id: 'V0MODAL',
      previous_view_id: null,
      app_id: FAKE_APP_ID,
      bot_id: 'B0BOT',
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/**
 * The state a submitted form reports for the view it was opened as: every input block of `view`
 * (as the app rendered it) holds what `fill` gives for its action id, else its initial value, as
 * when a person changes some fields and leaves the rest ('' empties a field).
 */
export function filledState(view: unknown, fill: Record<string, string>): Record<string, Record<string, ViewInputState>> {
  const values: Record<string, Record<string, ViewInputState>> = {};
  const blocks =
    typeof view === 'object' && view !== null && 'blocks' in view && Array.isArray(view.blocks) ? (view.blocks as Array<Record<string, unknown>>) : [];
  for (const block of blocks) {
    if (block.type !== 'input' || typeof block.block_id !== 'string') continue;
    const element = block.element as { type: string; action_id: string; initial_value?: string; initial_date?: string; initial_option?: { value: string } };
    const typed = fill[element.action_id] ?? element.initial_value ?? element.initial_date ?? element.initial_option?.value;
    const given = typed !== undefined && typed !== '';
    const state: ViewInputState =
      element.type === 'static_select'
        ? { type: 'static_select', selected_option: given ? { text: { type: 'plain_text', text: typed }, value: typed } : null }
        : element.type === 'datepicker'
          ? { type: 'datepicker', selected_date: given ? typed : null }
          : { type: 'plain_text_input', value: given ? typed : null };
    values[block.block_id] = { [element.action_id]: state };
  }
  return values;
}
