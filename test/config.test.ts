import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.js';

const BOT = 'xoxb-1111-2222-abcdef';
const APP = 'xapp-1-A0APP-3333-abcdef';
const SECRET = '0123456789abcdef0123456789abcdef';

function configError(env: Record<string, string>, now?: Date): ConfigError {
  try {
    readConfig(env, now);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('reading the configuration from the environment', () => {
  it('takes the admission limits from ADMISSION_*, and refuses a limit that is not a positive whole number', () => {
    expect(readConfig({ ADMISSION_MAX_WAITING: '500', ADMISSION_MAX_WAIT_MS: '2000', ADMISSION_MAX_LOOP_LAG_MS: '250' }).admission).toEqual({
      maxWaiting: 500,
      maxWaitMs: 2000,
      maxLoopLagMs: 250,
    });
    expect(() => readConfig({ ADMISSION_MAX_LOOP_LAG_MS: '0' })).toThrow(
      /^ADMISSION_MAX_LOOP_LAG_MS is not a whole number from 1 to 600000 \(got "0"\): set it to how late/u,
    );
  });

  it('runs without Slack when no token is set', () => {
    expect(readConfig({})).toEqual({
      admission: {},
      logLevel: 'info',
      dataDir: './data',
      plans: {},
      timeZone: 'Asia/Shanghai',
      digest: { cron: '0 9 * * *', timeZone: 'Asia/Shanghai', days: 'workdays', size: 3 },
      coordinators: { users: [], groups: [] },
      helpDesk: { answerChannels: [], reviewMonths: 6, expired: 'notice' },
    });
  });

  it('sends escalations to ESCALATION_CHANNEL, else DIGEST_CHANNEL, and reads the help channels and standard answers’ review', () => {
    expect(readConfig({ DIGEST_CHANNEL: 'C0DIGEST1' }).helpDesk).toEqual({ channel: 'C0DIGEST1', answerChannels: [], reviewMonths: 6, expired: 'notice' });
    expect(
      readConfig({
        DIGEST_CHANNEL: 'C0DIGEST1',
        ESCALATION_CHANNEL: 'G0OFFICE1',
        ANSWER_CHANNELS: 'C0HELP001, C0HELP002，C0HELP001',
        STANDARD_ANSWER_REVIEW_MONTHS: '12',
        STANDARD_ANSWERS_EXPIRED: 'hide',
      }).helpDesk,
    ).toEqual({
      channel: 'G0OFFICE1',
      answerChannels: ['C0HELP001', 'C0HELP002'],
      reviewMonths: 12,
      expired: 'hide',
    });
    expect(configError({ ESCALATION_CHANNEL: '#office' }).message).toMatch(
      /^ESCALATION_CHANNEL is not a channel ID \(got "#office"\): set it to the ID of the coordination channel/u,
    );
    expect(configError({ ANSWER_CHANNELS: 'C0HELP001,help' }).variable).toBe('ANSWER_CHANNELS');
    expect(configError({ STANDARD_ANSWERS_EXPIRED: 'delete' }).message).toMatch(
      /^STANDARD_ANSWERS_EXPIRED is neither notice nor hide \(got "delete"\): set it to notice/u,
    );
    expect(configError({ STANDARD_ANSWER_REVIEW_MONTHS: '0' }).message).toMatch(/^STANDARD_ANSWER_REVIEW_MONTHS is not a whole number from 1 to 60/u);
  });

  it('reads COORDINATORS as member and user-group IDs, and names a bad entry and the fix', () => {
    expect(readConfig({ COORDINATORS: 'U0123ABC, S0456DEF，W0789 U0123ABC' }).coordinators).toEqual({ users: ['U0123ABC', 'W0789'], groups: ['S0456DEF'] });
    const error = configError({ COORDINATORS: 'U0123ABC,@zhang' });
    expect(error.variable).toBe('COORDINATORS');
    expect(error.message).toMatch(
      /^COORDINATORS has an entry that is not a member ID \(U…, W…\) or user-group ID \(S…\) \(got "U0123ABC,@zhang"\): set it to the Slack IDs of the people who may update progress records/u,
    );
  });

  it('chooses Socket Mode when an app-level token is set', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).slack).toEqual({
      mode: 'socket',
      botToken: BOT,
      appToken: APP,
      port: 3000,
      host: '0.0.0.0',
    });
  });

  it('chooses HTTP mode with the signing secret otherwise, on PORT (default 3000)', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }).slack).toEqual({
      mode: 'http',
      botToken: BOT,
      signingSecret: SECRET,
      port: 3000,
      host: '0.0.0.0',
    });
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080', HOST: '127.0.0.1' }).slack).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
    });
  });

  it.each(['0.0.0.0', '127.0.0.1', '::', '::1', 'localhost', 'assistant.internal', 'ip-10-0-0-7'])('takes HOST %s, an IP address or a host name', (host) => {
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, HOST: host }).slack).toMatchObject({ host });
  });

  it.each(['0.0.0.0:3000', 'http://0.0.0.0', '[::1]', '*', 'my host', '-bad.example', 'a..b'])('refuses HOST %s, naming it and the fix', (host) => {
    const error = configError({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, HOST: host });
    expect(error.variable).toBe('HOST');
    expect(error.message).toBe(
      `HOST is not an IP address or a host name (got "${host}"): set it to the address to listen on, for example 0.0.0.0 or 127.0.0.1.`,
    );
  });

  it('hands SLACK_API_URL to the client with its trailing slash', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack).toMatchObject({
      apiUrl: 'http://127.0.0.1:9999/api/',
    });
  });

  it('reads the digest settings', () => {
    expect(readConfig({ DIGEST_CHANNEL: 'C0123ABCD', DIGEST_CRON: '30 0 9 * * 1-5', DIGEST_TZ: 'UTC', DIGEST_DAYS: 'daily', DIGEST_SIZE: '5' }).digest).toEqual(
      {
        channel: 'C0123ABCD',
        cron: '30 0 9 * * 1-5',
        timeZone: 'UTC',
        days: 'daily',
        size: 5,
      },
    );
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', PORT: '' }).slack).toBeUndefined();
  });

  it.each([
    [
      { SLACK_BOT_TOKEN: 'xoxp-user-token' },
      'SLACK_BOT_TOKEN',
      'SLACK_BOT_TOKEN must start with xoxb-: set it to the Bot User OAuth Token, xoxb-… (Slack app settings → OAuth & Permissions).',
    ],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-wrong' },
      'SLACK_APP_TOKEN',
      'SLACK_APP_TOKEN must start with xapp-: set it to an App-Level Token, xapp-…, with the connections:write scope (Slack app settings → Basic Information → App-Level Tokens).',
    ],
    [
      { SLACK_BOT_TOKEN: BOT },
      'SLACK_SIGNING_SECRET',
      'SLACK_SIGNING_SECRET is not set: HTTP mode (no SLACK_APP_TOKEN) needs the Signing Secret (Slack app settings → Basic Information → App Credentials). For Socket Mode set SLACK_APP_TOKEN instead.',
    ],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '99999' },
      'PORT',
      'PORT is not a port number (got "99999"): set it to a TCP port number between 1 and 65535, for example 3000.',
    ],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'LOG_LEVEL is not a log level (got "loud"): set it to one of fatal, error, warn, info, debug, trace, silent.'],
    [
      { DIGEST_TZ: 'Mars/Olympus' },
      'DIGEST_TZ',
      'DIGEST_TZ is not a time zone this system knows (got "Mars/Olympus"): set it to an IANA time zone name, for example Asia/Shanghai.',
    ],
    [
      { DIGEST_CHANNEL: '#general' },
      'DIGEST_CHANNEL',
      'DIGEST_CHANNEL is not a channel ID (got "#general"): set it to the ID of the coordination channel, for example C0123456789 (channel details → About, at the bottom).',
    ],
    [
      { DIGEST_CRON: '0 25 * * *' },
      'DIGEST_CRON',
      'DIGEST_CRON is not a cron expression (got "0 25 * * *"): set it to a cron expression that runs at least once a year, with five fields (minute hour day month weekday) or six with the second first as one number (second minute hour day month weekday), for example "0 9 * * *" for 09:00.',
    ],
    [
      { DIGEST_CRON: '0 9 31 2 *' },
      'DIGEST_CRON',
      'DIGEST_CRON never runs: no date matches it (got "0 9 31 2 *"): set it to a cron expression that runs at least once a year, with five fields (minute hour day month weekday) or six with the second first as one number (second minute hour day month weekday), for example "0 9 * * *" for 09:00.',
    ],
    [
      { DIGEST_CRON: '* * * * * * *' },
      'DIGEST_CRON',
      'DIGEST_CRON has 7 fields, not five or six (got "* * * * * * *"): set it to a cron expression that runs at least once a year, with five fields (minute hour day month weekday) or six with the second first as one number (second minute hour day month weekday), for example "0 9 * * *" for 09:00.',
    ],
    [
      { DIGEST_CRON: '* 0 9 * * *' },
      'DIGEST_CRON',
      'DIGEST_CRON has a seconds field (the first of six) that is not one number from 0 to 59, so it would run many times a minute (got "* 0 9 * * *"): set it to a cron expression that runs at least once a year, with five fields (minute hour day month weekday) or six with the second first as one number (second minute hour day month weekday), for example "0 9 * * *" for 09:00.',
    ],
    [
      { DIGEST_DAYS: 'weekends' },
      'DIGEST_DAYS',
      'DIGEST_DAYS is neither workdays nor daily (got "weekends"): set it to workdays (China\'s working days, adjusted working days included) or daily.',
    ],
    [
      { DIGEST_SIZE: '0' },
      'DIGEST_SIZE',
      'DIGEST_SIZE is not a number from 1 to 20 (got "0"): set it to how many measures each digest walks through, a whole number from 1 to 20.',
    ],
    [
      { SLACK_APP_TOKEN: APP },
      'SLACK_BOT_TOKEN',
      'SLACK_BOT_TOKEN is not set but other Slack variables are: set it to the Bot User OAuth Token, xoxb-… (Slack app settings → OAuth & Permissions).',
    ],
  ])('%j names %s and the fix', (env, variable, message) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
  });

  it('selects PostgreSQL with DATABASE_URL, and names a malformed one without echoing it (it may hold a password)', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://app:pw@db:5432/ipplan' }).databaseUrl).toBe('postgres://app:pw@db:5432/ipplan');
    expect(readConfig({}).databaseUrl).toBeUndefined();
    const error = configError({ DATABASE_URL: 'mysql://app:hunter22@db/ipplan' });
    expect(error.message).toMatch(/^DATABASE_URL is not a postgres:\/\/ URL: set it to a PostgreSQL connection URL/u);
    expect(error.message).not.toContain('hunter22');
  });

  describe('URLs with a user name or password', () => {
    it.each([
      [
        'EMBEDDINGS_URL',
        { EMBEDDINGS_URL: 'https://alice:pa55word@api.example.com/v1', EMBEDDINGS_MODEL: 'bge-m3' },
        'EMBEDDINGS_URL holds a user name or password (got "https://***@api.example.com/v1"): remove them from the URL (a key goes in EMBEDDINGS_API_KEY); set it to the base URL',
      ],
      [
        'SLACK_API_URL',
        { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'http://proxy:pa55word@127.0.0.1:9999/api/' },
        'SLACK_API_URL holds a user name or password (got "http://***@127.0.0.1:9999/api/"): remove them from the URL; set it to the Slack Web API base URL',
      ],
      [
        'SLACK_API_URL',
        { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'http://proxy@127.0.0.1:9999/api/' },
        'SLACK_API_URL holds a user name or password (got "http://***@127.0.0.1:9999/api/")',
      ],
    ])('are refused in %s, without echoing them', (variable, env, message) => {
      const error = configError(env);
      expect(error.variable).toBe(variable);
      expect(error.message.startsWith(message)).toBe(true);
      expect(error.message).not.toMatch(/pa55word|proxy@|alice/u);
      expect(error.message.split('\n')).toHaveLength(1);
    });

    it('are not echoed when the URL is wrong for another reason', () => {
      expect(configError({ EMBEDDINGS_URL: 'ftp://alice:pa55word@models.example.com/v1', EMBEDDINGS_MODEL: 'bge-m3' }).message).not.toContain('pa55word');
    });

    it("are DATABASE_URL's business: its password is read as given", () => {
      expect(readConfig({ DATABASE_URL: 'postgresql://app:pa55word@db:5432/ipplan' }).databaseUrl).toBe('postgresql://app:pa55word@db:5432/ipplan');
    });
  });

  it('selects PostgreSQL from PGHOST and its parts, and a password with @ / : # reaches node-postgres intact', () => {
    const password = 'p@ss/w:rd#1 ?%';
    const url = readConfig({ PGHOST: 'db', PGUSER: 'ipplan', PGPASSWORD: password, PGDATABASE: 'ipplan' }).databaseUrl ?? '';
    const client = new pg.Client({ connectionString: url });
    expect({ host: client.host, port: client.port, user: client.user, password: client.password, database: client.database }).toEqual({
      host: 'db',
      port: 5432,
      user: 'ipplan',
      password,
      database: 'ipplan',
    });
    expect(readConfig({ PGHOST: '::1', PGPORT: '6543' }).databaseUrl).toBe('postgres://postgres@[::1]:6543/postgres');
  });

  it('prefers DATABASE_URL to the PG parts, and ignores the parts without PGHOST', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://app:pw@other:5432/app', PGHOST: 'db', PGPASSWORD: 'x' }).databaseUrl).toBe(
      'postgres://app:pw@other:5432/app',
    );
    expect(readConfig({ PGUSER: 'ipplan', PGPASSWORD: 'x', PGDATABASE: 'ipplan' }).databaseUrl).toBeUndefined();
    expect(readConfig({ PGHOST: '' }).databaseUrl).toBeUndefined();
  });

  it('names a PGHOST that is a socket directory or host:port, and a bad PGPORT, with the fix', () => {
    expect(configError({ PGHOST: '/var/run/postgresql' }).message).toMatch(
      /^PGHOST is not a host name or address \(got "\/var\/run\/postgresql"\): set it to .*Unix socket directory needs DATABASE_URL/u,
    );
    expect(configError({ PGHOST: 'db:5432' }).variable).toBe('PGHOST');
    expect(configError({ PGHOST: 'db', PGPORT: '70000' }).message).toMatch(/^PGPORT is not a port number/u);
  });

  describe('the optional semantic search', () => {
    it('is off unless EMBEDDINGS_URL is set', () => {
      expect(readConfig({}).embeddings).toBeUndefined();
    });

    it.each([
      [
        { EMBEDDINGS_MODEL: 'bge-m3' },
        'EMBEDDINGS_MODEL',
        'EMBEDDINGS_MODEL is set but EMBEDDINGS_URL is not, so the semantic search would stay off: set EMBEDDINGS_URL to the base URL of the embeddings server, or remove EMBEDDINGS_MODEL.',
      ],
      [
        { EMBEDDINGS_API_KEY: 'sk-0123456789' },
        'EMBEDDINGS_API_KEY',
        'EMBEDDINGS_API_KEY is set but EMBEDDINGS_URL is not, so the semantic search would stay off: set EMBEDDINGS_URL to the base URL of the embeddings server, or remove EMBEDDINGS_API_KEY.',
      ],
      [{ EMBEDDINGS_MODEL: 'bge-m3', EMBEDDINGS_API_KEY: 'sk-0123456789' }, 'EMBEDDINGS_MODEL', 'EMBEDDINGS_MODEL is set but EMBEDDINGS_URL is not'],
    ])('refuses %j without EMBEDDINGS_URL rather than ignore it, naming %s', (env, variable, message) => {
      const error = configError(env);
      expect(error.variable).toBe(variable);
      expect(error.message.startsWith(message)).toBe(true);
      expect(error.message).not.toContain('sk-0123456789');
    });

    it('reads the endpoint, the model and the key', () => {
      expect(readConfig({ EMBEDDINGS_URL: 'http://localhost:11434/v1', EMBEDDINGS_MODEL: 'bge-m3' }).embeddings).toEqual({
        url: 'http://localhost:11434/v1',
        model: 'bge-m3',
      });
      expect(
        readConfig({
          EMBEDDINGS_URL: 'https://api.example.com/v1/embeddings',
          EMBEDDINGS_MODEL: 'text-embedding-3-small',
          EMBEDDINGS_API_KEY: ' sk-0123456789 ',
        }).embeddings,
      ).toEqual({
        url: 'https://api.example.com/v1/embeddings',
        model: 'text-embedding-3-small',
        apiKey: 'sk-0123456789',
      });
    });

    it.each([
      [
        { EMBEDDINGS_URL: 'localhost:11434/v1', EMBEDDINGS_MODEL: 'bge-m3' },
        'EMBEDDINGS_URL',
        /^EMBEDDINGS_URL is not an http:\/\/ or https:\/\/ URL \(got "localhost:11434\/v1"\): set it to the base URL of an OpenAI-compatible embeddings API, for example http:\/\/localhost:11434\/v1 \(Ollama\)/u,
      ],
      [
        { EMBEDDINGS_URL: 'ftp://models.example.com/v1', EMBEDDINGS_MODEL: 'bge-m3' },
        'EMBEDDINGS_URL',
        /^EMBEDDINGS_URL is not an http:\/\/ or https:\/\/ URL/u,
      ],
      [
        { EMBEDDINGS_URL: 'http://localhost:11434/v1' },
        'EMBEDDINGS_MODEL',
        /^EMBEDDINGS_MODEL is not set but EMBEDDINGS_URL is: set it to the name of the embedding model the server at EMBEDDINGS_URL serves, for example bge-m3\.$/u,
      ],
    ])('%j names %s and the fix', (env, variable, message) => {
      const error = configError(env);
      expect(error.variable).toBe(variable);
      expect(error.message).toMatch(message);
    });
  });

  it('never echoes a secret in an error', () => {
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'short!' }).message).not.toContain('short!');
  });

  describe('DIGEST_START', () => {
    // 10:00 on 2 December 2026 in Shanghai.
    const now = new Date('2026-12-02T02:00:00Z');
    const range = 'set it to the first day of the walk through the plan, as YYYY-MM-DD, from 2000-01-01 to 2027-12-02 (a year from today), or leave it unset.';

    it.each(['2000-01-01', '2014-01-01', '2026-12-02', '2027-12-02'])('takes %s, within the range', (start) => {
      expect(readConfig({ DIGEST_START: start }, now).digest.start).toBe(start);
    });

    it.each([
      ['9999-12-31', `DIGEST_START is more than a year from today (got "9999-12-31"): ${range}`],
      ['2027-12-03', `DIGEST_START is more than a year from today (got "2027-12-03"): ${range}`],
      ['0226-09-01', `DIGEST_START is before 2000-01-01 (got "0226-09-01"): ${range}`],
    ])('refuses %s, saying the range', (start, message) => {
      const error = configError({ DIGEST_START: start }, now);
      expect(error.variable).toBe('DIGEST_START');
      expect(error.message).toBe(message);
    });

    it('refuses a date that does not exist', () => {
      expect(configError({ DIGEST_START: '2026-02-30' }).message).toMatch(/^DIGEST_START is not a date \(got "2026-02-30"\): set it to/u);
    });
  });

  describe('DIGEST_CALENDAR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipplan-calendar-'));
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    it('reads the extra holidays and make-up working days into the digest settings', () => {
      const path = file('good.txt', '# made up for the test\n2027-01-04 休\n2027-01-09 班\n');
      const { digest } = readConfig({ DIGEST_CALENDAR: path });
      expect([...(digest.calendar?.days ?? [])]).toEqual([
        ['2027-01-04', 'rest'],
        ['2027-01-09', 'work'],
      ]);
      expect(digest.calendarFile).toBe(path);
    });

    it('refuses a malformed line with one error naming the file and the line', () => {
      const path = file('bad.txt', '2027-01-04 休\n# fine\n2027-13-01 班\n');
      const error = configError({ DIGEST_CALENDAR: path });
      expect(error.variable).toBe('DIGEST_CALENDAR');
      expect(error.message.split('\n')).toHaveLength(1);
      expect(error.message).toMatch(
        new RegExp(
          `^DIGEST_CALENDAR file ${path.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} line 3: “2027-13-01 班”: 2027-13-01 is not a date \\(YYYY-MM-DD\\): set it to a file of`,
          'u',
        ),
      );
    });

    it('refuses a file that cannot be read', () => {
      expect(configError({ DIGEST_CALENDAR: join(dir, 'missing.txt') }).message).toContain(
        `DIGEST_CALENDAR names a file that cannot be read (${join(dir, 'missing.txt')}: ENOENT)`,
      );
    });
  });
});
