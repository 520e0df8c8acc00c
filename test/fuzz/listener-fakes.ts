/**
 * Just enough of Bolt around the listeners to call them directly: real dependencies (answer
 * context, in-memory state store, activity log, digest preview, a real pino logger) and fakes for
 * what Slack provides (ack, respond, the Web API client), each recording what it was given.
 * Error-level log lines are collected per case, so a property can say which input logged one.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { createLogger } from '../../src/logger.js';
import { previewDigest } from '../../src/slack/digest/post-digest.js';
import { createKnownThreads } from '../../src/slack/conversation/known-threads.js';
import { createInFlight } from '../../src/slack/in-flight.js';
import type { SlackDeps } from '../../src/slack/slack-deps.js';
import { createActivityLog } from '../../src/store/activity-log.js';
import { createDigestStore } from '../../src/store/digest-store.js';
import { createProcessedEvents } from '../../src/store/processed-events.js';
import { openMemoryStateStore, type StateStore } from '../../src/store/state-store.js';
import { testAnswerContext } from '../support/answer-context.js';

/** pino's numeric level for `error`. */
const ERROR_LEVEL = 50;

/** Questions are recorded "yesterday", so `/plan digest` today quotes every unanswered one. */
const YESTERDAY = new Date('2026-11-24T04:00:00Z');
const TODAY = '2026-11-25';

export interface FuzzSlack {
  deps: SlackDeps;
  store: StateStore;
  /** Error-level (≥ 50) log lines since the last call, as `msg: err.message`. */
  takeErrors(): string[];
}

export function fuzzSlackDeps(): FuzzSlack {
  const errors: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: {
      write(chunk: string) {
        for (const line of chunk.split('\n')) {
          if (!line) continue;
          const parsed = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
          if ((parsed.level ?? 0) >= ERROR_LEVEL) errors.push(`${parsed.msg ?? ''}${parsed.err?.message ? `: ${parsed.err.message}` : ''}`);
        }
      },
    },
  });
  const ctx = testAnswerContext();
  const store = openMemoryStateStore();
  const activity = createActivityLog({ db: store.db, logger, timeZone: 'Asia/Shanghai', now: () => YESTERDAY });
  const digestStore = createDigestStore(store.db);
  const deps: SlackDeps = {
    ctx,
    logger,
    activity,
    processed: createProcessedEvents(store.db, logger),
    threads: createKnownThreads(),
    inFlight: createInFlight(),
    todaysDigest: () => previewDigest({ ctx, store: digestStore, activity, config: { days: 'workdays', size: 3 } }, TODAY, TODAY),
  };
  return { deps, store, takeErrors: () => errors.splice(0) };
}

/** The order things happened in one listener call. */
export type Call = { kind: 'ack' } | { kind: 'respond'; message: Record<string, unknown> } | { kind: 'post'; args: Record<string, unknown> } | { kind: 'status'; status: string };

/** How the fake `chat.postMessage` answers one call. */
export type PostScript = 'ok' | 'not_ok' | { throw: string };

/** A fake Web API client: `chat.postMessage` records and answers per `script` (ok by default). */
export function fakeClient(calls: Call[], script: (callIndex: number) => PostScript = () => 'ok'): WebClient {
  let posts = 0;
  const client = {
    chat: {
      postMessage: async (args: Record<string, unknown>) => {
        calls.push({ kind: 'post', args });
        const outcome = script(posts++);
        if (outcome === 'ok') return { ok: true, ts: `1.${posts}`, channel: args.channel };
        if (outcome === 'not_ok') return { ok: false, error: 'fatal_error' };
        throw Object.assign(new Error(`An API error occurred: ${outcome.throw}`), { code: 'slack_webapi_platform_error', data: { ok: false, error: outcome.throw } });
      },
    },
    assistant: { threads: { setStatus: async () => ({ ok: true }) } },
    apiCall: async () => ({ ok: true }),
  };
  return client as unknown as WebClient;
}

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Arguments for a slash command listener: `ack` and `respond` record into `calls`. */
export function commandArgs(command: '/measure' | '/area' | '/plan', text: string, calls: Call[]): CommandArgs {
  const payload = {
    token: 'verification-token',
    command,
    text,
    response_url: 'https://hooks.slack.invalid/commands/1',
    trigger_id: '1.2.3',
    user_id: 'U0ASKER',
    user_name: 'asker',
    team_id: 'T0TEAM',
    team_domain: 'team',
    channel_id: 'C0CHAN',
    channel_name: 'general',
    api_app_id: 'A0APP',
  };
  return {
    payload,
    command: payload,
    body: payload,
    ack: async () => {
      calls.push({ kind: 'ack' });
    },
    respond: async (message: unknown) => {
      calls.push({ kind: 'respond', message: (typeof message === 'string' ? { text: message } : message) as Record<string, unknown> });
      return {};
    },
    say: async () => ({}),
    client: fakeClient(calls),
    context: { botUserId: 'U0BOT', isEnterpriseInstall: false },
    logger: undefined,
    next: async () => {},
  } as unknown as CommandArgs;
}

export type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
export type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** Arguments for the app_mention listener: `<@U0BOT> text` in channel C0CHAN, maybe inside a thread. */
export function mentionArgs(text: string, ts: string, client: WebClient, threadTs?: string): MentionArgs {
  const event = { type: 'app_mention', user: 'U0ASKER', text, ts, channel: 'C0CHAN', event_ts: ts, ...(threadTs ? { thread_ts: threadTs } : {}) };
  return { event, payload: event, body: { event }, client, context: { botUserId: 'U0BOT', isEnterpriseInstall: false }, say: async () => ({}), next: async () => {} } as unknown as MentionArgs;
}

/** Arguments for the message listener: a DM (`im`), or a reply in a channel thread. `setStatus` records into `calls`. */
export function messageArgs(text: string, ts: string, client: WebClient, calls: Call[], where: { im: true } | { im: false; threadTs: string }): MessageArgs {
  const message = where.im
    ? { type: 'message', channel_type: 'im', channel: 'D0DM', user: 'U0ASKER', text, ts, event_ts: ts }
    : { type: 'message', channel_type: 'channel', channel: 'C0CHAN', user: 'U0ASKER', text, ts, event_ts: ts, thread_ts: where.threadTs };
  return {
    message,
    event: message,
    payload: message,
    body: { event: message },
    client,
    context: { botUserId: 'U0BOT', isEnterpriseInstall: false },
    say: async () => ({}),
    next: async () => {},
    ...(where.im
      ? {
          setStatus: async (status: string) => {
            calls.push({ kind: 'status', status });
            return { ok: true };
          },
        }
      : {}),
  } as unknown as MessageArgs;
}
