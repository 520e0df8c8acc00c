/**
 * Small fakes for calling a listener directly, in the manner of the Bolt starter template's tests:
 * `ack`, `respond` and a Web API client that record, in order, what a listener did (`calls`), the
 * payloads built by `slack-payloads.ts`, and the real application over an in-memory store, with
 * the edge's own queue and claims. The fuzz suites use the same fakes.
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { createApplication, type Application } from '../../src/app/application.js';
import type { QuestionEmbeddings } from '../../src/app/answers/answerer.js';
import type { HelpDeskSettings } from '../../src/app/help-desk/help-desk.js';
import { officeClock } from '../../src/app/process/office-clock.js';
import { createThreadMemory, type ThreadMemory } from '../../src/app/answers/thread-memory.js';
import type { Config } from '../../src/config.js';
import type { AnswerLibrary } from '../../src/core/answer/open-answer-library.js';
import { createCoordinators } from '../../src/slack/coordinators/slack-coordinators.js';
import { createAcknowledgedWork, type AcknowledgedWork } from '../../src/slack/intake/acknowledged-work.js';
import { messageClaims, type MessageClaims } from '../../src/slack/intake/admit-deliveries.js';
import type { ListenerServices } from '../../src/slack/listeners/index.js';
import { resilientStore, type ResilientStore } from '../../src/store/resilient-store.js';
import { memorySqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { StateStore } from '../../src/store/state-store.js';
import { testAnswerLibrary } from './answer-context.js';
import { captureLogger, type CapturedLogger } from './capture-logger.js';
import { FAKE_BOT_USER_ID } from './fake-slack-api.js';
import {
  blockAction,
  mentionEvent,
  messageEvent,
  slashCommand,
  viewSubmission,
  type ClickOptions,
  type MessageOptions,
  type ViewInputState,
} from './slack-payloads.js';

/** A coordinator named directly, a user group of coordinators and one of its members. */
export const COORDINATOR_ID = 'U0COORD';
export const COORDINATOR_GROUP_ID = 'S0COORDS';
export const GROUP_MEMBER_ID = 'U0MEMBER';

export const TEST_CONFIG: Pick<Config, 'timeZone' | 'digest' | 'coordinators'> = {
  timeZone: 'Asia/Shanghai',
  digest: { cron: '0 9 * * *', timeZone: 'Asia/Shanghai', days: 'workdays', size: 3 },
  coordinators: { users: [COORDINATOR_ID], groups: [COORDINATOR_GROUP_ID] },
};

/** What a listener did, in order. */
export type Call =
  | { kind: 'ack'; response?: unknown }
  | { kind: 'respond'; message: Record<string, unknown> }
  | { kind: 'post'; args: Record<string, unknown> }
  | { kind: 'status'; status: string }
  | { kind: 'api'; method: string; args: Record<string, unknown> };

/** The fake `usergroups.users.list`: members per group; a group that throws fails to load. */
export type GroupMembers = Record<string, string[] | Error>;

/** How the fake `chat.postMessage` answers one call. */
export type PostScript = 'ok' | 'not_ok' | { throw: string };

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
export type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;
export type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

export interface ListenerFakes {
  /** The application the listeners call. */
  app: Application;
  /** The edge's queue of acknowledged work, and its claims of messages. */
  work: AcknowledgedWork;
  firstDelivery: MessageClaims;
  /** All of it, as the listener registry takes it. */
  services: ListenerServices;
  /** The conversations kept in the store, read and written as the application does. */
  threads: ThreadMemory;
  store: ResilientStore;
  log: CapturedLogger;
  /** Everything the listeners did, in order; `takeCalls()` empties it. */
  calls: Call[];
  takeCalls(): Call[];
  /** Error-level log lines since the last call. */
  takeErrors(): string[];
  /** A Web API client recording into `calls`; `chat.postMessage` answers per `script`. */
  client(script?: (postIndex: number) => PostScript): WebClient;
  /** A slash command, typed in `channel` (the fake channel by default; `D0DIRECT` is the DM with the app). */
  command(command: string, text: string, options?: { channel?: string }): CommandArgs;
  mention(text: string, options?: MessageOptions & { client?: WebClient }): MentionArgs;
  message(text: string, options?: MessageOptions & { client?: WebClient }): MessageArgs;
  click(actionId: string, value: string, options?: ClickOptions): ActionArgs;
  /** A submitted modal; its acknowledgement is recorded as an `ack` call with the response. */
  submit(callbackId: string, privateMetadata: string, values: Record<string, Record<string, ViewInputState>>, options?: { user?: string }): ViewArgs;
  /** How often each group was listed (`usergroups.users.list`). */
  groupLookups(): Record<string, number>;
  /** Waits until the listeners' acknowledged work is done and their writes are stored. */
  idle(): Promise<void>;
}

const ERROR_LEVEL = 50;
const CONTEXT = { botUserId: FAKE_BOT_USER_ID, isEnterpriseInstall: false };

export function listenerFakes(
  now: () => Date = () => new Date(),
  options: { groups?: GroupMembers; semantic?: QuestionEmbeddings; engine?: StateStore; helpDesk?: HelpDeskSettings; library?: AnswerLibrary } = {},
): ListenerFakes {
  const log = captureLogger();
  const store = resilientStore(options.engine ?? memorySqliteStore(), log.logger);
  const groups: GroupMembers = options.groups ?? { [COORDINATOR_GROUP_ID]: [GROUP_MEMBER_ID] };
  const lookups: Record<string, number> = {};
  const listMembers = async (group: string): Promise<string[]> => {
    lookups[group] = (lookups[group] ?? 0) + 1;
    const members = groups[group];
    if (members instanceof Error) throw members;
    return members ?? [];
  };
  const coordinators = createCoordinators({ config: TEST_CONFIG.coordinators, listMembers, logger: log.logger, now });
  const app = createApplication({
    library: options.library ?? testAnswerLibrary(),
    state: store,
    coordinators,
    digest: TEST_CONFIG.digest,
    clock: officeClock(TEST_CONFIG.timeZone, now),
    logger: log.logger,
    ...(options.semantic ? { semantic: options.semantic } : {}),
    ...(options.helpDesk ? { helpDesk: options.helpDesk } : {}),
  });
  const work = createAcknowledgedWork(log.logger);
  const firstDelivery = messageClaims(store.events, () => now().getTime());
  const calls: Call[] = [];
  let errorsSeen = 0;

  const ack = async (response?: unknown) => void calls.push({ kind: 'ack', ...(response !== undefined ? { response } : {}) });
  const respond = async (message: unknown) => {
    calls.push({ kind: 'respond', message: typeof message === 'string' ? { text: message } : { ...(message as Record<string, unknown>) } });
    return {};
  };

  function client(script: (postIndex: number) => PostScript = () => 'ok'): WebClient {
    let posts = 0;
    const fake = {
      chat: {
        postMessage: async (args: Record<string, unknown>) => {
          calls.push({ kind: 'post', args });
          const outcome = script(posts++);
          if (outcome === 'ok') return { ok: true, ts: `1764000000.${String(posts).padStart(6, '0')}`, channel: args.channel };
          if (outcome === 'not_ok') return { ok: false, error: 'fatal_error' };
          throw Object.assign(new Error(`An API error occurred: ${outcome.throw}`), {
            code: 'slack_webapi_platform_error',
            data: { ok: false, error: outcome.throw },
          });
        },
      },
      views: {
        publish: async (args: Record<string, unknown>) => {
          calls.push({ kind: 'api', method: 'views.publish', args });
          return { ok: true };
        },
        open: async (args: Record<string, unknown>) => {
          calls.push({ kind: 'api', method: 'views.open', args });
          return { ok: true, view: { id: 'V0OPENED' } };
        },
        push: async (args: Record<string, unknown>) => {
          calls.push({ kind: 'api', method: 'views.push', args });
          return { ok: true, view: { id: 'V0PUSHED' } };
        },
      },
      apiCall: async (method: string, args: Record<string, unknown>) => {
        calls.push({ kind: 'api', method, args });
        return { ok: true };
      },
    };
    // Only what the listeners call: anything else fails the test instead of passing silently.
    return fake as unknown as WebClient;
  }

  const setStatus = async (status: string) => {
    calls.push({ kind: 'status', status });
    return { ok: true };
  };

  return {
    app,
    work,
    firstDelivery,
    services: { application: app, work, firstDelivery, logger: log.logger },
    threads: createThreadMemory(store.threads, now),
    store,
    log,
    calls,
    takeCalls: () => calls.splice(0),
    takeErrors() {
      const errors = log.lines().filter((l) => Number(l.level) >= ERROR_LEVEL);
      const fresh = errors.slice(errorsSeen);
      errorsSeen = errors.length;
      return fresh.map((l) => `${String(l.msg)}${typeof l.err === 'object' && l.err && 'message' in l.err ? `: ${String(l.err.message)}` : ''}`);
    },
    client,
    command(command, text, options = {}) {
      const payload = slashCommand({ command, text, ...(options.channel ? { channel_id: options.channel } : {}) });
      return {
        payload,
        command: payload,
        body: payload,
        ack,
        respond,
        say: async () => ({}),
        client: client(),
        context: CONTEXT,
        logger: log.logger,
        next: async () => {},
      } as unknown as CommandArgs;
    },
    mention(text, options = {}) {
      const event = mentionEvent(text, options);
      return {
        event,
        payload: event,
        body: { event },
        client: options.client ?? client(),
        context: CONTEXT,
        say: async () => ({}),
        next: async () => {},
      } as unknown as MentionArgs;
    },
    message(text, options = {}) {
      const event = messageEvent(text, options);
      const direct = (options.channelType ?? 'im') === 'im';
      return {
        message: event,
        event,
        payload: event,
        body: { event },
        client: options.client ?? client(),
        context: CONTEXT,
        say: async () => ({}),
        next: async () => {},
        ...(direct ? { setStatus } : {}),
      } as unknown as MessageArgs;
    },
    click(actionId, value, options = {}) {
      const body = blockAction(actionId, value, options);
      return {
        body,
        payload: body,
        action: body,
        ack,
        respond,
        say: async () => ({}),
        client: client(),
        context: CONTEXT,
        next: async () => {},
      } as unknown as ActionArgs;
    },
    submit(callbackId, privateMetadata, values, submitOptions = {}) {
      const body = viewSubmission(callbackId, privateMetadata, values, submitOptions);
      return { body, payload: body.view, view: body.view, ack, respond, client: client(), context: CONTEXT, next: async () => {} } as unknown as ViewArgs;
    },
    groupLookups: () => ({ ...lookups }),
    async idle() {
      await work.drain(5000);
      await store.flush();
    },
  };
}
