/**
 * Configuration comes from the environment only (plus an optional `.env` for local use), read
 * through {@link readConfig} so tests pass a plain object. Every variable is validated here; a
 * missing or malformed one is a {@link ConfigError} that names it and says how to fix it.
 *
 * Slack mode follows from the tokens: `SLACK_BOT_TOKEN` and `SLACK_APP_TOKEN` → Socket Mode (no
 * public URL needed); `SLACK_BOT_TOKEN` and `SLACK_SIGNING_SECRET` → HTTP mode on `PORT`;
 * no `SLACK_BOT_TOKEN` → no Slack (the local console).
 *
 * The state goes to SQLite under `DATA_DIR` unless PostgreSQL is named, by `DATABASE_URL` or by
 * its parts in the variables libpq and node-postgres read (`PGHOST`, `PGPORT`, `PGUSER`,
 * `PGPASSWORD`, `PGDATABASE`). The parts let a deployment pass a password as it is: the URL is
 * built here with each part percent-encoded, so `@ / : #` in a password cannot break it.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CalendarParseError, parseDigestCalendar, type CalendarOverrides } from './core/digest/digest-calendar.js';
import { digestCronProblem } from './core/digest/digest-schedule.js';
import type { DigestDays } from './core/digest/posting-days.js';
import { isIsoDate, isValidTimeZone, localDate } from './core/time/local-date.js';
import { DEFAULT_REVIEW_MONTHS } from './core/help-desk/standard-answer-input.js';

export class ConfigError extends Error {
  readonly code = 'CONFIG_ERROR';

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '0.0.0.0';
export const DEFAULT_DATA_DIR = './data';
/** For the parts PGHOST may leave out: PostgreSQL's port, and the user the official postgres image creates. */
const DEFAULT_PG_PORT = 5432;
const DEFAULT_PG_USER = 'postgres';

/** How to fix each variable, appended to its error. */
const HOW_TO_FIX: Readonly<Record<string, string>> = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token, xoxb-… (Slack app settings → OAuth & Permissions)',
  SLACK_APP_TOKEN: 'an App-Level Token, xapp-…, with the connections:write scope (Slack app settings → Basic Information → App-Level Tokens)',
  SLACK_SIGNING_SECRET: 'the Signing Secret (Slack app settings → Basic Information → App Credentials)',
  PORT: 'a TCP port number between 1 and 65535, for example 3000',
  HOST: 'the address to listen on, for example 0.0.0.0 or 127.0.0.1',
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')}`,
  SLACK_API_URL: 'the Slack Web API base URL, for example https://slack.com/api/ (only for proxies and tests)',
  DATA_DIR: 'a directory the app may write its state to, for example ./data',
  PLANS_DIR: 'the folder holding the plan files (*.txt, one plan each), for example /etc/ipplan/plans (leave it unset for the plan this project ships)',
  CURRENT_PLAN: 'the year of the plan answers use when nobody names one, as the plan writes it, for example 2015 or 2021-2022 (leave it unset for the newest)',
  DATABASE_URL: 'a PostgreSQL connection URL, postgres://user:password@host:5432/database (leave it unset for the embedded SQLite store under DATA_DIR)',
  PGHOST: "the PostgreSQL server's host name or address, for example db (a Unix socket directory needs DATABASE_URL)",
  PGPORT: "the PostgreSQL server's port, for example 5432",
  DIGEST_TZ: 'an IANA time zone name, for example Asia/Shanghai',
  DIGEST_CHANNEL: 'the ID of the coordination channel, for example C0123456789 (channel details → About, at the bottom)',
  DIGEST_CRON:
    'a cron expression that runs at least once a year, with five fields (minute hour day month weekday) or six with the second first as one number (second minute hour day month weekday), for example "0 9 * * *" for 09:00',
  DIGEST_DAYS: "workdays (China's working days, adjusted working days included) or daily",
  DIGEST_SIZE: 'how many measures each digest walks through, a whole number from 1 to 20',
  DIGEST_START: 'the first day of the walk through the plan, as YYYY-MM-DD (optional)',
  DIGEST_CALENDAR:
    'a file of the State Council\'s holidays and make-up working days, one "YYYY-MM-DD 休" or "YYYY-MM-DD 班" a line, # for comments (optional; see .env.example)',
  EMBEDDINGS_URL:
    "the base URL of an OpenAI-compatible embeddings API, for example http://localhost:11434/v1 (Ollama) or http://localhost:8080/v1 (text-embeddings-inference); a URL ending in /embeddings is used as it is. Leave it unset to search by the plan's words only",
  EMBEDDINGS_MODEL: 'the name of the embedding model the server at EMBEDDINGS_URL serves, for example bge-m3',
  EMBEDDINGS_API_KEY: 'the key the embeddings server expects, sent as Authorization: Bearer (optional; local servers need none)',
  ADMISSION_MAX_WAITING: 'how many answers may wait for their turn before new work is refused, a whole number from 1 to 100000 (default 200)',
  ADMISSION_MAX_WAIT_MS: 'how long, in milliseconds, the oldest waiting answer may wait before new work is refused, from 1 to 600000 (default 750)',
  ADMISSION_MAX_LOOP_LAG_MS: 'how late, in milliseconds, the event loop may run before new work is refused, from 1 to 600000 (default 100)',
  ESCALATION_CHANNEL:
    'the ID of the coordination channel where questions the plan does not answer are passed on (问协调办), for example C0123456789; unset, DIGEST_CHANNEL is used, and without either 问协调办 is not offered',
  ANSWER_CHANNELS:
    'the IDs of help channels where every question is answered without an @mention, separated by commas, for example C0123456789,G0123456789 (optional; coordinators can also turn it on with /plan 设置 频道自动回答 开)',
  STANDARD_ANSWERS_EXPIRED: 'notice (a standard answer past its review date is shown with a notice) or hide (it is not shown)',
  STANDARD_ANSWER_REVIEW_MONTHS: 'how many months a standard answer stands before it is due for review, a whole number from 1 to 60 (default 6)',
  COORDINATORS:
    "the Slack IDs of the people who may update progress records, separated by commas: member IDs (U…, W…; profile → ⋮ → Copy member ID) and/or user-group IDs (S…; the group's page → ⋮ → Copy group ID)",
};

/**
 * DIGEST_START's range. Each digest counts the posting days between the start and its date one by
 * one, so a start centuries away (9999-12-31, a mistyped 0226-09-01) would cost every digest
 * millions of steps. No plan this assistant walks through starts before 2000, and a walk is
 * pinned at most a year ahead; a start in the past stays valid however long the app runs.
 */
const EARLIEST_DIGEST_START = '2000-01-01';

/** The same day a year later (29 February → 28 February). */
function aYearAfter(date: string): string {
  const next = `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
  return isIsoDate(next) ? next : next.replace(/-02-29$/u, '-02-28');
}

export const DEFAULT_DIGEST_CRON = '0 9 * * *';
export const DEFAULT_DIGEST_SIZE = 3;
const MAX_DIGEST_SIZE = 20;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Whether `value` is a URL with a host and one of `protocols` (postgres:, https: …). */
function isUrlOf(value: string, protocols: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}
const isPostgresUrl = (value: string): boolean => isUrlOf(value, ['postgres:', 'postgresql:']);
const isHttpUrl = (value: string): boolean => isUrlOf(value, ['http:', 'https:']);

/** Whether `value` is a URL with a user name or password in it (`https://user:password@host/…`). */
function hasCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]*@/iu.test(value);
  }
}

/** `value` as it may be shown back: a URL's user name and password masked. */
function shownValue(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/iu, '$1***@');
}

/** A host name (RFC 1123): dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/iu;
/** HOST's syntax; whether this machine has the address is known only when the port is bound. */
const isListenAddress = (value: string): boolean => isIP(value) !== 0 || HOST_NAME.test(value);

/** A Slack member ID (U…, W…) or user-group ID (S…). */
const COORDINATOR_ID = /^[UWS][A-Z0-9]{2,}$/u;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** An optional whole number from 1 to `max`. */
const limit = (max: number) =>
  optionalText
    .refine((v) => v === undefined || (/^\d{1,6}$/u.test(v) && Number(v) >= 1 && Number(v) <= max), `is not a whole number from 1 to ${max}`)
    .transform((v) => (v === undefined ? undefined : Number(v)));

/** A secret taken as it is, spaces included; empty counts as unset. */
const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

/** A host name, an IPv4 address or an IPv6 address (two colons at least, bracketed or not); not a socket directory, not host:port. */
const isPgHost = (v: string): boolean => /^[^\s/@#?:[\]]+$/u.test(v) || /^\[?[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*\]?$/u.test(v);
const isPort = (v: string): boolean => /^\d{1,5}$/u.test(v) && Number(v) >= 1 && Number(v) <= 65535;

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^xoxb-[A-Za-z0-9-]+$/u.test(v), 'must start with xoxb-'),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || /^xapp-[A-Za-z0-9-]+$/u.test(v), 'must start with xapp-'),
  SLACK_SIGNING_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9]{8,}$/u.test(v), 'must be the 32-character hexadecimal secret'),
  PORT: optionalText.refine((v) => v === undefined || isPort(v), 'is not a port number').transform((v) => (v === undefined ? DEFAULT_PORT : Number(v))),
  HOST: optionalText.refine((v) => v === undefined || isListenAddress(v), 'is not an IP address or a host name').transform((v) => v ?? DEFAULT_HOST),
  LOG_LEVEL: optionalText
    .refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), 'is not a log level')
    .transform((v) => (v ?? 'info') as LogLevel),
  SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/u.test(v), 'must be an http(s) URL'),
  DATA_DIR: optionalText.transform((v) => v ?? DEFAULT_DATA_DIR),
  PLANS_DIR: optionalText,
  CURRENT_PLAN: optionalText.refine(
    (v) => v === undefined || /^(?:19|20)\d{2}(?:-(?:19|20)\d{2})?$/u.test(v),
    'is not a year (2015) or a span of years (2021-2022)',
  ),
  DATABASE_URL: optionalText.refine((v) => v === undefined || isPostgresUrl(v), 'is not a postgres:// URL'),
  PGHOST: optionalText.refine((v) => v === undefined || isPgHost(v), 'is not a host name or address'),
  PGPORT: optionalText.refine((v) => v === undefined || isPort(v), 'is not a port number'),
  PGUSER: optionalText,
  PGPASSWORD: optionalSecret,
  PGDATABASE: optionalText,
  DIGEST_TZ: optionalText.refine((v) => v === undefined || isValidTimeZone(v), 'is not a time zone this system knows').transform((v) => v ?? DEFAULT_TIME_ZONE),
  DIGEST_CHANNEL: optionalText.refine((v) => v === undefined || /^[CG][A-Z0-9]{6,}$/u.test(v), 'is not a channel ID'),
  DIGEST_CRON: optionalText.transform((v) => v ?? DEFAULT_DIGEST_CRON),
  DIGEST_DAYS: optionalText
    .refine((v) => v === undefined || v === 'workdays' || v === 'daily', 'is neither workdays nor daily')
    .transform((v) => (v ?? 'workdays') as DigestDays),
  DIGEST_SIZE: optionalText
    .refine((v) => v === undefined || (/^\d{1,2}$/u.test(v) && Number(v) >= 1 && Number(v) <= MAX_DIGEST_SIZE), 'is not a number from 1 to 20')
    .transform((v) => (v === undefined ? DEFAULT_DIGEST_SIZE : Number(v))),
  DIGEST_START: optionalText.refine((v) => v === undefined || isIsoDate(v), 'is not a date'),
  DIGEST_CALENDAR: optionalText,
  ADMISSION_MAX_WAITING: limit(100_000),
  ADMISSION_MAX_WAIT_MS: limit(600_000),
  ADMISSION_MAX_LOOP_LAG_MS: limit(600_000),
  COORDINATORS: optionalText
    .transform((v) => (v === undefined ? [] : [...new Set(v.split(/[\s,，;；]+/u).filter((id) => id.length > 0))]))
    .refine((ids) => ids.every((id) => COORDINATOR_ID.test(id)), 'has an entry that is not a member ID (U…, W…) or user-group ID (S…)'),
  ESCALATION_CHANNEL: optionalText.refine((v) => v === undefined || /^[CG][A-Z0-9]{6,}$/u.test(v), 'is not a channel ID'),
  ANSWER_CHANNELS: optionalText
    .transform((v) => (v === undefined ? [] : [...new Set(v.split(/[\s,，;；]+/u).filter((id) => id.length > 0))]))
    .refine((ids) => ids.every((id) => /^[CG][A-Z0-9]{6,}$/u.test(id)), 'has an entry that is not a channel ID (C…, G…)'),
  STANDARD_ANSWERS_EXPIRED: optionalText
    .refine((v) => v === undefined || v === 'notice' || v === 'hide', 'is neither notice nor hide')
    .transform((v): 'notice' | 'hide' => (v === 'hide' ? 'hide' : 'notice')),
  STANDARD_ANSWER_REVIEW_MONTHS: limit(60).transform((v) => v ?? DEFAULT_REVIEW_MONTHS),
  EMBEDDINGS_URL: optionalText.refine((v) => v === undefined || isHttpUrl(v), 'is not an http:// or https:// URL'),
  EMBEDDINGS_MODEL: optionalText,
  EMBEDDINGS_API_KEY: optionalText,
});

/** The digest's calendar and size; `channel` is set only when the digest is turned on. */
export interface DigestConfig {
  channel?: string;
  cron: string;
  timeZone: string;
  days: DigestDays;
  size: number;
  /** Pins the walk's first day; otherwise it is the first digest's date (today before any). */
  start?: string;
  /** Holidays and make-up working days over the `chinese-days` package's (DIGEST_CALENDAR). */
  calendar?: CalendarOverrides;
  /** The file they were read from, for the log. */
  calendarFile?: string;
}

export type LogLevel = (typeof LOG_LEVELS)[number];

export type SlackConfig =
  | { mode: 'socket'; botToken: string; appToken: string; port: number; host: string; apiUrl?: string }
  | { mode: 'http'; botToken: string; signingSecret: string; port: number; host: string; apiUrl?: string };

/** Who may update progress records: member IDs and user-group IDs (resolved to members at run time). */
export interface CoordinatorsConfig {
  users: string[];
  groups: string[];
}

/**
 * An OpenAI-compatible embeddings API for the optional semantic search (EMBEDDINGS_URL turns it
 * on): the URL as configured, the model, and the key when the server wants one.
 */
export interface EmbeddingsConfig {
  url: string;
  model: string;
  apiKey?: string;
}

/**
 * When the service counts as falling behind and refuses new work (for Slack to retry, or with a
 * busy notice): unset values keep the service's defaults.
 */
export interface AdmissionConfig {
  maxWaiting?: number;
  maxWaitMs?: number;
  maxLoopLagMs?: number;
}

/**
 * The coordination office's help desk: where 问协调办 posts (ESCALATION_CHANNEL, else
 * DIGEST_CHANNEL; unset, it is not offered), the help channels (ANSWER_CHANNELS), and how long a
 * standard answer stands before review and what happens after (STANDARD_ANSWER_REVIEW_MONTHS,
 * STANDARD_ANSWERS_EXPIRED).
 */
export interface HelpDeskConfig {
  channel?: string;
  answerChannels: string[];
  reviewMonths: number;
  expired: 'notice' | 'hide';
}

export interface Config {
  /** Absent when no Slack tokens are configured. */
  slack?: SlackConfig;
  admission: AdmissionConfig;
  coordinators: CoordinatorsConfig;
  logLevel: LogLevel;
  dataDir: string;
  /** The plans: PLANS_DIR, and the one answers use by default (CURRENT_PLAN); absent: the project's own, the newest. */
  plans: { dir?: string; current?: string };
  /** PostgreSQL for the state (several replicas); absent: SQLite under `dataDir`. */
  databaseUrl?: string;
  /** The calendar days are counted in (activity, digest). */
  timeZone: string;
  digest: DigestConfig;
  /** Absent unless EMBEDDINGS_URL is set: then questions are also ranked semantically. */
  embeddings?: EmbeddingsConfig;
  /** The help desk (always set by readConfig; absent means off). */
  helpDesk?: HelpDeskConfig;
}

function fail(variable: string, problem: string): never {
  throw new ConfigError(variable, `${variable} ${problem}: set it to ${HOW_TO_FIX[variable] ?? 'a valid value'}.`);
}

/** The DIGEST_CALENDAR file, read and checked line by line: a bad line is one error naming the file and the line. */
function readDigestCalendar(file: string): CalendarOverrides {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    fail('DIGEST_CALENDAR', `names a file that cannot be read (${resolve(file)}: ${reason})`);
  }
  try {
    return parseDigestCalendar(text);
  } catch (error) {
    if (error instanceof CalendarParseError) fail('DIGEST_CALENDAR', `file ${resolve(file)} ${error.message}`);
    throw error;
  }
}

/**
 * URL settings other than DATABASE_URL must not hold a user name or password: fetch refuses such
 * a URL by quoting it whole, and the settings are logged. DATABASE_URL is the one that may (the
 * PostgreSQL client takes its password from it, and it is never logged).
 */
function refuseCredentials(variable: string, value: string | undefined, where: string): void {
  if (value === undefined || !hasCredentials(value)) return;
  throw new ConfigError(
    variable,
    `${variable} holds a user name or password (got "${shownValue(value).slice(0, 60)}"): remove them from the URL${where}; set it to ${HOW_TO_FIX[variable]}.`,
  );
}

/** DIGEST_START within its range: from {@link EARLIEST_DIGEST_START} to a year after `today`. */
function checkDigestStart(start: string, today: string): void {
  const latest = aYearAfter(today);
  const problem = start < EARLIEST_DIGEST_START ? `is before ${EARLIEST_DIGEST_START}` : start > latest ? 'is more than a year from today' : undefined;
  if (!problem) return;
  throw new ConfigError(
    'DIGEST_START',
    `DIGEST_START ${problem} (got "${start}"): set it to the first day of the walk through the plan, as YYYY-MM-DD, from ${EARLIEST_DIGEST_START} to ${latest} (a year from today), or leave it unset.`,
  );
}

type PostgresParts = Pick<z.infer<typeof EnvSchema>, 'PGHOST' | 'PGPORT' | 'PGUSER' | 'PGPASSWORD' | 'PGDATABASE'>;

/**
 * The PostgreSQL URL: DATABASE_URL as given, else one built from PGHOST and the other parts (each
 * percent-encoded; node-postgres decodes them), else none. The database defaults to the user's
 * name, as in libpq.
 */
function databaseUrl(url: string | undefined, parts: PostgresParts): { databaseUrl?: string } {
  if (url !== undefined) return { databaseUrl: url };
  if (parts.PGHOST === undefined) return {};
  const host = parts.PGHOST.includes(':') && !parts.PGHOST.startsWith('[') ? `[${parts.PGHOST}]` : parts.PGHOST;
  const user = parts.PGUSER ?? DEFAULT_PG_USER;
  const password = parts.PGPASSWORD === undefined ? '' : `:${encodeURIComponent(parts.PGPASSWORD)}`;
  const database = parts.PGDATABASE ?? user;
  return { databaseUrl: `postgres://${encodeURIComponent(user)}${password}@${host}:${parts.PGPORT ?? DEFAULT_PG_PORT}/${encodeURIComponent(database)}` };
}

/** The Web API base URL with the trailing slash the Slack client expects. */
function apiUrl(value: string | undefined): { apiUrl?: string } {
  return value === undefined ? {} : { apiUrl: value.endsWith('/') ? value : `${value}/` };
}

/**
 * The semantic search's settings: EMBEDDINGS_URL turns it on and then needs EMBEDDINGS_MODEL.
 * Without it the others are refused rather than ignored: whoever set them meant the search on.
 */
function embeddings(url: string | undefined, model: string | undefined, apiKey: string | undefined): { embeddings?: EmbeddingsConfig } {
  if (url === undefined) {
    const stray = model !== undefined ? 'EMBEDDINGS_MODEL' : apiKey !== undefined ? 'EMBEDDINGS_API_KEY' : undefined;
    if (stray)
      throw new ConfigError(
        stray,
        `${stray} is set but EMBEDDINGS_URL is not, so the semantic search would stay off: set EMBEDDINGS_URL to the base URL of the embeddings server, or remove ${stray}.`,
      );
    return {};
  }
  if (model === undefined) fail('EMBEDDINGS_MODEL', 'is not set but EMBEDDINGS_URL is');
  return { embeddings: { url, model, ...(apiKey ? { apiKey } : {}) } };
}

/**
 * The configuration in `env`, or a {@link ConfigError}. `now` is the instant the schedule and
 * DIGEST_START are judged from (the process's start).
 */
export function readConfig(env: Readonly<Record<string, string | undefined>> = process.env, now: Date = new Date()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    // Secrets are never echoed back, not even in an error (a database URL may hold a password).
    const shown = /TOKEN|SECRET|DATABASE_URL|API_KEY|PASSWORD/u.test(variable) ? '' : ` (got "${shownValue(String(env[variable] ?? '')).slice(0, 40)}")`;
    fail(variable, `${issue?.message ?? 'is not valid'}${shown}`);
  }
  const e = parsed.data;
  refuseCredentials('EMBEDDINGS_URL', e.EMBEDDINGS_URL, ' (a key goes in EMBEDDINGS_API_KEY)');
  refuseCredentials('SLACK_API_URL', e.SLACK_API_URL, '');
  const cronProblem = digestCronProblem(e.DIGEST_CRON, e.DIGEST_TZ, now);
  if (cronProblem) fail('DIGEST_CRON', `${cronProblem} (got "${e.DIGEST_CRON.slice(0, 40)}")`);
  if (e.DIGEST_START) checkDigestStart(e.DIGEST_START, localDate(now, e.DIGEST_TZ));
  const digest: DigestConfig = {
    ...(e.DIGEST_CHANNEL ? { channel: e.DIGEST_CHANNEL } : {}),
    cron: e.DIGEST_CRON,
    timeZone: e.DIGEST_TZ,
    days: e.DIGEST_DAYS,
    size: e.DIGEST_SIZE,
    ...(e.DIGEST_START ? { start: e.DIGEST_START } : {}),
    ...(e.DIGEST_CALENDAR ? { calendar: readDigestCalendar(e.DIGEST_CALENDAR), calendarFile: resolve(e.DIGEST_CALENDAR) } : {}),
  };
  const coordinators: CoordinatorsConfig = {
    users: e.COORDINATORS.filter((id) => !id.startsWith('S')),
    groups: e.COORDINATORS.filter((id) => id.startsWith('S')),
  };
  const admission: AdmissionConfig = {
    ...(e.ADMISSION_MAX_WAITING !== undefined ? { maxWaiting: e.ADMISSION_MAX_WAITING } : {}),
    ...(e.ADMISSION_MAX_WAIT_MS !== undefined ? { maxWaitMs: e.ADMISSION_MAX_WAIT_MS } : {}),
    ...(e.ADMISSION_MAX_LOOP_LAG_MS !== undefined ? { maxLoopLagMs: e.ADMISSION_MAX_LOOP_LAG_MS } : {}),
  };
  const base = {
    admission,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    plans: { ...(e.PLANS_DIR ? { dir: e.PLANS_DIR } : {}), ...(e.CURRENT_PLAN ? { current: e.CURRENT_PLAN } : {}) },
    ...databaseUrl(e.DATABASE_URL, e),
    timeZone: e.DIGEST_TZ,
    digest,
    coordinators,
    ...embeddings(e.EMBEDDINGS_URL, e.EMBEDDINGS_MODEL, e.EMBEDDINGS_API_KEY),
    helpDesk: {
      ...((e.ESCALATION_CHANNEL ?? e.DIGEST_CHANNEL) ? { channel: e.ESCALATION_CHANNEL ?? e.DIGEST_CHANNEL } : {}),
      answerChannels: e.ANSWER_CHANNELS,
      reviewMonths: e.STANDARD_ANSWER_REVIEW_MONTHS,
      expired: e.STANDARD_ANSWERS_EXPIRED,
    },
  };
  if (e.SLACK_BOT_TOKEN === undefined) {
    if (e.SLACK_APP_TOKEN !== undefined || e.SLACK_SIGNING_SECRET !== undefined) fail('SLACK_BOT_TOKEN', 'is not set but other Slack variables are');
    return base;
  }
  if (e.SLACK_APP_TOKEN !== undefined) {
    return {
      ...base,
      slack: { mode: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, port: e.PORT, host: e.HOST, ...apiUrl(e.SLACK_API_URL) },
    };
  }
  if (e.SLACK_SIGNING_SECRET === undefined) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      `SLACK_SIGNING_SECRET is not set: HTTP mode (no SLACK_APP_TOKEN) needs ${HOW_TO_FIX.SLACK_SIGNING_SECRET}. For Socket Mode set SLACK_APP_TOKEN instead.`,
    );
  }
  return {
    ...base,
    slack: { mode: 'http', botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, port: e.PORT, host: e.HOST, ...apiUrl(e.SLACK_API_URL) },
  };
}
