/**
 * Bolt's `logger` option wants debug/info/warn/error plus setLevel/getLevel/setName, which pino
 * lacks; this adapter gives Bolt a child of the app's pino logger, so Bolt's own lines come out
 * as the same JSON, with the same redaction.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';

const TO_PINO: Readonly<Record<LogLevel, string>> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

function fromPino(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

type LogFn = (...msg: unknown[]) => void;

export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  const emit =
    (level: 'debug' | 'info' | 'warn' | 'error'): LogFn =>
    (...msg) => {
      if (!child.isLevelEnabled(level)) return; // Bolt logs debug lines on every request
      const error = msg.find((m): m is Error => m instanceof Error);
      const text = msg
        .filter((m) => !(m instanceof Error))
        .map((m) => (typeof m === 'string' ? m : JSON.stringify(m)))
        .join(' ');
      if (error) child[level]({ err: error }, text || error.message);
      else child[level](text);
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    setLevel(level: LogLevel) {
      child.level = TO_PINO[level];
    },
    getLevel(): LogLevel {
      return fromPino(child.level);
    },
    setName(name: string) {
      child = logger.child({ component: name });
    },
  };
}
