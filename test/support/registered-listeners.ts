/**
 * What the app asks of Slack, read from the code itself so the manifest test compares the
 * manifest with the code rather than with lists written by hand:
 *
 * 1. Registrations: the listeners registered on a recording stand-in for Bolt's `App` (commands,
 *    events, actions, the Assistant).
 * 2. Event subscriptions: the events those registrations need Slack to send.
 * 3. Web API methods: every call site in `src/` (`client.chat.postMessage(…)`,
 *    `client.apiCall('assistant.threads.setSuggestedPrompts', …)`), Bolt's helpers the listeners
 *    call (`say`, `setStatus`, `setTitle`, `setSuggestedPrompts`), and what Bolt's Assistant calls
 *    on its own.
 * 4. Bot scopes: what Slack's reference requires for each of those events, methods and commands.
 *    The two tables below are Slack's documentation, one line each; a method or event missing
 *    from them fails the manifest test, naming it, instead of passing unchecked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { PROJECT_ROOT } from '../../src/core/paths.js';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { ANSWERED_CHANNEL_TYPES } from '../../src/slack/payloads/message-event.js';
import { listenerFakes } from './listener-fakes.js';

export interface Registered {
  commands: string[];
  /** Event types passed to `app.event`, plus `message` for `app.message`. */
  events: string[];
  actions: string[];
  /** Whether an Assistant (assistant_thread_started, …) is registered. */
  assistant: boolean;
}

export function registeredListeners(): Registered {
  const found: Registered = { commands: [], events: [], actions: [], assistant: false };
  const app = {
    use: () => undefined,
    assistant: () => void (found.assistant = true),
    command: (name: string) => void found.commands.push(name),
    event: (name: string) => void found.events.push(name),
    message: () => void found.events.push('message'),
    action: (id: string) => void found.actions.push(id),
    view: () => undefined,
    options: () => undefined,
    shortcut: () => undefined,
  };
  registerListeners(app as unknown as App, listenerFakes().services);
  return found;
}

/** Slack's name for the message events of a conversation type (`channel_type`). */
function messageEvent(channelType: string): string {
  return channelType === 'im' || channelType === 'mpim' ? `message.${channelType}` : `message.${channelType}s`;
}

/**
 * What Bolt's `Assistant` needs delivered: threads starting and changing context, and the user's
 * messages in them (assistant threads live in the app's DM).
 */
const ASSISTANT_EVENTS = ['assistant_thread_started', 'assistant_thread_context_changed', 'message.im'];

/** The bot events the registered listeners need Slack to send. */
export function requiredBotEvents(registered: Registered = registeredListeners()): string[] {
  const events = registered.events.flatMap((e) => (e === 'message' ? ANSWERED_CHANNEL_TYPES.map(messageEvent) : [e]));
  return [...new Set([...events, ...(registered.assistant ? ASSISTANT_EVENTS : [])])].sort();
}

/** Bolt's listener helpers and the Web API method each calls (Bolt's `Assistant.js`, `context/`). */
const BOLT_HELPERS: Readonly<Record<string, string>> = {
  say: 'chat.postMessage',
  setStatus: 'assistant.threads.setStatus',
  setTitle: 'assistant.threads.setTitle',
  setSuggestedPrompts: 'assistant.threads.setSuggestedPrompts',
};

/**
 * What Bolt's Assistant calls by itself: its default thread-context store reads the thread
 * (`conversations.replies`) and keeps the context in the first reply's metadata (`chat.update`).
 */
const ASSISTANT_METHODS = ['conversations.replies', 'chat.update'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every Web API method the app calls, found at its call sites in `src/`. */
export function calledWebApiMethods(registered: Registered = registeredListeners()): string[] {
  const methods = new Set<string>(registered.assistant ? ASSISTANT_METHODS : []);
  for (const file of sourceFiles(join(PROJECT_ROOT, 'src'))) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bclient\.([a-z]+(?:\.[a-z]+)*\.[a-zA-Z]+)\(/gu)) methods.add(m[1] ?? '');
    for (const m of code.matchAll(/\bapiCall\(\s*'([\w.]+)'/gu)) methods.add(m[1] ?? '');
    for (const [helper, method] of Object.entries(BOLT_HELPERS)) if (new RegExp(`\\b${helper}\\(`, 'u').test(code)) methods.add(method);
  }
  return [...methods].sort();
}

/**
 * Bot scopes by Web API method, from each method's page in Slack's reference ("Required scopes").
 * `conversations.history` reads the digest channel, public or private (DIGEST_CHANNEL is C… or
 * G…); `conversations.replies` reads the thread an answer went to (a channel's, a private channel's or the
 * app's DM), to find an answer whose post was answered late before posting it again.
 */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  // "Bot tokens: No scope required" (chat.getPermalink's reference page).
  'chat.getPermalink': [],
  'views.publish': [],
  'views.open': [],
  'views.update': [],
  'views.push': [],
  'assistant.threads.setStatus': ['assistant:write'],
  'assistant.threads.setTitle': ['assistant:write'],
  'assistant.threads.setSuggestedPrompts': ['assistant:write'],
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history'],
  'usergroups.list': ['usergroups:read'],
  'usergroups.users.list': ['usergroups:read'],
  'users.info': ['users:read'],
};

/** Bot scopes by event, from each event's page in Slack's reference ("Required scopes"). */
export const EVENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  assistant_thread_started: ['assistant:write'],
  assistant_thread_context_changed: ['assistant:write'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.im': ['im:history'],
  'message.mpim': ['mpim:history'],
};

export interface RequiredScopes {
  scopes: string[];
  /** Methods and events the tables above do not know yet. */
  unknown: string[];
}

/** The bot scopes the code needs: its events, the methods it calls, and `commands` for slash commands. */
export function requiredBotScopes(registered: Registered = registeredListeners()): RequiredScopes {
  const scopes = new Set<string>(registered.commands.length > 0 ? ['commands'] : []);
  const unknown: string[] = [];
  const add = (table: Readonly<Record<string, readonly string[]>>, name: string) => {
    const needed = Object.hasOwn(table, name) ? table[name] : undefined;
    if (needed === undefined) unknown.push(name);
    else for (const s of needed) scopes.add(s);
  };
  for (const event of requiredBotEvents(registered)) add(EVENT_SCOPES, event);
  for (const method of calledWebApiMethods(registered)) add(METHOD_SCOPES, method);
  return { scopes: [...scopes].sort(), unknown };
}
