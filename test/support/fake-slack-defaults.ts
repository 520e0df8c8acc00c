/**
 * Default answers of the fake Slack Web API, one function per method. Every method not listed here answers
 * `{ ok: true }`. The fake does not validate arguments (no `channel_not_found`, `no_text`, ...): script
 * those with `api.respondWith()` / `api.respondOnce()`.
 */
import { randomBytes } from 'node:crypto';
import {
  FAKE_APP_ID,
  FAKE_BOT_ID,
  FAKE_BOT_NAME,
  FAKE_BOT_USER_ID,
  FAKE_CHANNEL_NAME,
  FAKE_TEAM_ID,
  FAKE_TEAM_NAME,
} from './fake-slack-ids.js';
import { type MessageStore, type SlackClock, type StoredMessage, compareTs } from './fake-slack-store.js';
import { isRecord } from './fake-slack-waiters.js';

export type SlackArgs = Record<string, unknown>;
export type SlackBody = Record<string, unknown>;

export interface DefaultContext {
  store: MessageStore;
  clock: SlackClock;
  /** The attached Socket Mode server's URL, if any. */
  socketUrl(): string | undefined;
}

type DefaultHandler = (args: SlackArgs, context: DefaultContext) => SlackBody;

/** Slack's documented default page sizes. */
const HISTORY_DEFAULT_LIMIT = 100;
const REPLIES_DEFAULT_LIMIT = 1_000;
const VIEW_ID_BYTES = 5;
/** Message fields that chat.postMessage / chat.update copy from the arguments when given. */
const RICH_FIELDS = ['blocks', 'attachments', 'metadata'] as const;
const FAKE_WORKSPACE_URL = 'https://fake.slack.com/';
/** A sensible default time zone for fake users (the project's users are in China). */
const FAKE_USER_TZ = { tz: 'Asia/Shanghai', tz_label: 'China Standard Time', tz_offset: 8 * 60 * 60 };

const OK = { ok: true } as const;

const handlers: Record<string, DefaultHandler> = {
  'auth.test': () => ({
    ok: true,
    url: FAKE_WORKSPACE_URL,
    team: FAKE_TEAM_NAME,
    user: FAKE_BOT_NAME,
    team_id: FAKE_TEAM_ID,
    user_id: FAKE_BOT_USER_ID,
    bot_id: FAKE_BOT_ID,
    is_enterprise_install: false,
  }),

  'apps.connections.open': (_args, { socketUrl }) => {
    const url = socketUrl();
    return url === undefined ? { ok: false, error: 'not_configured' } : { ok: true, url };
  },

  'chat.postMessage': (args, { store, clock }) => {
    const channel = stringArg(args, 'channel') ?? '';
    const message: StoredMessage = {
      type: 'message',
      ts: clock.nextTs(),
      text: stringArg(args, 'text') ?? '',
      user: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      app_id: FAKE_APP_ID,
      team: FAKE_TEAM_ID,
    };
    const threadTs = stringArg(args, 'thread_ts');
    if (threadTs !== undefined) message.thread_ts = threadTs;
    if (isFlagSet(args.reply_broadcast)) message.reply_broadcast = true;
    copyRichFields(args, message);
    store.add(channel, message);
    return { ok: true, channel, ts: message.ts, message: { ...message } };
  },

  'chat.postEphemeral': (_args, { clock }) => ({ ok: true, message_ts: clock.nextTs() }),

  'chat.update': (args, { store }) => {
    const channel = stringArg(args, 'channel') ?? '';
    const ts = stringArg(args, 'ts') ?? '';
    const stored = store.find(channel, ts);
    const text = stringArg(args, 'text');
    if (stored !== undefined) {
      if (text !== undefined) stored.text = text;
      copyRichFields(args, stored);
    }
    const message = stored ?? { type: 'message', ts, text: text ?? '' };
    return { ok: true, channel, ts, text: message.text, message: { ...message } };
  },

  'chat.delete': (args, { store }) => {
    const channel = stringArg(args, 'channel') ?? '';
    const ts = stringArg(args, 'ts') ?? '';
    store.remove(channel, ts);
    return { ok: true, channel, ts };
  },

  'chat.getPermalink': (args) => {
    const channel = stringArg(args, 'channel') ?? '';
    const ts = stringArg(args, 'message_ts') ?? '';
    return { ok: true, channel, permalink: `${FAKE_WORKSPACE_URL}archives/${channel}/p${ts.replace('.', '')}` };
  },

  /** Newest first; top-level messages and broadcasts only (as Slack documents); has_more is always false. */
  'conversations.history': (args, { store }) => {
    const channel = stringArg(args, 'channel') ?? '';
    const inRange = filterRange(store.topLevel(channel), args).reverse();
    const limit = limitArg(args, HISTORY_DEFAULT_LIMIT);
    return { ok: true, messages: present(inRange.slice(0, limit), args), has_more: false };
  },

  /** The parent then its replies, oldest first; has_more is always false. */
  'conversations.replies': (args, { store }) => {
    const channel = stringArg(args, 'channel') ?? '';
    const inRange = filterRange(store.thread(channel, stringArg(args, 'ts') ?? ''), args);
    const limit = limitArg(args, REPLIES_DEFAULT_LIMIT);
    return { ok: true, messages: present(inRange.slice(0, limit), args), has_more: false };
  },

  'conversations.info': (args) => {
    const id = stringArg(args, 'channel') ?? '';
    const isIm = id.startsWith('D');
    return {
      ok: true,
      channel: {
        id,
        name: isIm ? undefined : FAKE_CHANNEL_NAME,
        is_channel: id.startsWith('C'),
        is_group: id.startsWith('G'),
        is_im: isIm,
        is_mpim: false,
        is_private: !id.startsWith('C'),
        is_archived: false,
        is_member: true,
        context_team_id: FAKE_TEAM_ID,
      },
    };
  },

  'users.info': (args) => {
    const id = stringArg(args, 'user') ?? '';
    const isBot = id === FAKE_BOT_USER_ID;
    const name = isBot ? FAKE_BOT_NAME : `user-${id.toLowerCase()}`;
    const realName = isBot ? FAKE_BOT_NAME : `Fake User ${id}`;
    return {
      ok: true,
      user: {
        id,
        team_id: FAKE_TEAM_ID,
        name,
        real_name: realName,
        deleted: false,
        is_bot: isBot,
        ...FAKE_USER_TZ,
        profile: { real_name: realName, display_name: name },
      },
    };
  },

  'views.publish': viewResponse,
  'views.open': viewResponse,
  'views.update': viewResponse,
  'views.push': viewResponse,
};

export function defaultResponse(method: string, args: SlackArgs, context: DefaultContext): SlackBody {
  const handler = handlers[method];
  return handler === undefined ? { ...OK } : handler(args, context);
}

function viewResponse(args: SlackArgs): SlackBody {
  const view = isRecord(args.view) ? args.view : {};
  const id = `V${randomBytes(VIEW_ID_BYTES).toString('hex').toUpperCase()}`;
  return { ok: true, view: { ...view, id, team_id: FAKE_TEAM_ID, app_id: FAKE_APP_ID } };
}

function copyRichFields(args: SlackArgs, message: StoredMessage): void {
  for (const field of RICH_FIELDS) {
    if (args[field] !== undefined) message[field] = args[field];
  }
}

/** Applies `oldest` / `latest` (exclusive unless `inclusive`) as Slack documents them. */
function filterRange(messages: StoredMessage[], args: SlackArgs): StoredMessage[] {
  const oldest = stringArg(args, 'oldest');
  const latest = stringArg(args, 'latest');
  const inclusive = isFlagSet(args.inclusive);
  return messages.filter((message) => {
    if (oldest !== undefined) {
      const order = compareTs(message.ts, oldest);
      if (order < 0 || (order === 0 && !inclusive)) return false;
    }
    if (latest !== undefined) {
      const order = compareTs(message.ts, latest);
      if (order > 0 || (order === 0 && !inclusive)) return false;
    }
    return true;
  });
}

/** Copies messages for a response, keeping `metadata` only when `include_all_metadata` is set. */
function present(messages: StoredMessage[], args: SlackArgs): StoredMessage[] {
  const withMetadata = isFlagSet(args.include_all_metadata);
  return messages.map((message) => {
    const copy = { ...message };
    if (!withMetadata) delete copy.metadata;
    return copy;
  });
}

function limitArg(args: SlackArgs, fallback: number): number {
  const limit = Number(stringArg(args, 'limit'));
  return Number.isInteger(limit) && limit > 0 ? limit : fallback;
}

/** Form-encoded values arrive as strings; JSON bodies may carry numbers. */
export function stringArg(args: SlackArgs, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Slack flags arrive as `true`, `"true"` or `"1"` (form-encoded) or `1` (JSON). */
export function isFlagSet(value: unknown): boolean {
  return value === true || value === 1 || value === 'true' || value === '1';
}
