/**
 * pino, with secrets kept out of every line. Slack tokens have a recognisable shape (xoxb-…,
 * xapp-…) and are masked wherever they appear, in messages, fields or errors (the Web API client
 * puts request details in its errors); configured secrets such as the signing secret and the
 * embeddings API key are masked by value. Known secret-bearing fields are redacted by path as well.
 *
 * URLs are cut down wherever they appear: the user name and password become `***`
 * (`https://***@host/…`) and the query string `?***`. Errors quote the URLs they failed on —
 * fetch refuses a URL with credentials by quoting it whole, a database driver may quote its
 * connection string — and a Socket Mode URL carries its ticket in the query.
 */
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

const SLACK_TOKEN = /\bx(?:ox[abeprs]|app)-[A-Za-z0-9-]+/gu;
const MASK = '[redacted]';
/** `scheme://user:password@`: everything between `//` and the last `@` before the path. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]*(?:@[^\s/?#@"'<>]*)*@/giu;
/** The query of a URL (up to a fragment, a space or a closing quote or bracket). */
const URL_QUERY = /\b([a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)\?[^\s#"'<>)\]]*/giu;
const URL_MASK = '***';
const MAX_DEPTH = 8;

const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  'apiKey',
  '*.apiKey',
  'config.EMBEDDINGS_API_KEY',
];

/** `text` with every URL's user name, password and query string masked. */
export function redactUrls(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1${URL_MASK}@`).replace(URL_QUERY, `$1?${URL_MASK}`);
}

export function scrubText(text: string, secrets: readonly string[] = []): string {
  let out = redactUrls(text.replace(SLACK_TOKEN, MASK));
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(MASK);
  return out;
}

/** A copy of `value` with every string scrubbed; errors become plain objects (message, code, stack). */
export function scrubValue(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) {
    const plain: Record<string, unknown> = { type: value.name, message: value.message, stack: value.stack };
    for (const [k, v] of Object.entries(value)) plain[k] = v;
    return scrubValue(plain, secrets, depth + 1);
  }
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, secrets, depth + 1);
  return out;
}

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Values to mask wherever they appear (the signing secret, tokens of unusual shape). */
  secrets?: readonly string[];
  /** Where lines go; standard output by default (the CLI sends them to standard error). */
  destination?: DestinationStream;
}

/**
 * Standard output, written synchronously: each line is in the kernel's hands before the call
 * returns, so a crash or a `kill -9` loses nothing that was logged. (A buffered stream lost the
 * last lines, `ready` among them, in 16 of 40 killed starts.) One line per request costs one
 * write system call, a few microseconds.
 */
export function stdoutLog(): pino.DestinationStream & { flushSync(): void } {
  return pino.destination({ dest: 1, sync: true });
}

export function createLogger({ level = 'info', secrets = [], destination }: LoggerOptions = {}): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'ipplan-assistant' },
    redact: { paths: REDACTED_PATHS, censor: MASK },
    serializers: { err: (err: unknown) => scrubValue(err, secrets) },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args;
        // pino would wrap a bare error as { err }; do it first so the error is scrubbed too.
        const head = first instanceof Error ? { err: scrubValue(first, secrets) } : scrubValue(first, secrets);
        if (first instanceof Error && rest.length === 0) rest.push(first.message);
        method.apply(this, [head, ...rest.map((a) => scrubValue(a, secrets))] as Parameters<typeof method>);
      },
    },
  };
  return pino(options, destination ?? pino.destination(1));
}
