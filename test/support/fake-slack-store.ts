/**
 * In-memory channel histories for the fake Slack Web API, plus a Slack-style message timestamp clock.
 *
 * Timestamps look like Slack's (`"<unix seconds>.<6-digit micro counter>"`), follow the wall clock and are
 * strictly increasing, so `oldest`/`latest` computed from `Date.now()` behave as against real Slack.
 */

const MICROS_PER_SECOND = 1_000_000;
const MICROS_PER_MILLI = 1_000;
const TS_FRACTION_DIGITS = 6;

/** A message as the fake stores and returns it (Slack's message object, the fields the fake knows). */
export interface StoredMessage {
  type: 'message';
  ts: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  thread_ts?: string;
  reply_broadcast?: boolean;
  blocks?: unknown;
  attachments?: unknown;
  metadata?: unknown;
}

/** What a test may seed into a history with `api.addMessage()`; defaults to a bot message posted now. */
export type SeedMessage = Partial<Omit<StoredMessage, 'type'>>;

export class SlackClock {
  #lastMicros = 0;

  /** A fresh timestamp, never equal to or lower than a previous one. */
  nextTs(): string {
    this.#lastMicros = Math.max(Date.now() * MICROS_PER_MILLI, this.#lastMicros + 1);
    return formatTs(this.#lastMicros);
  }
}

export function formatTs(micros: number): string {
  const seconds = Math.floor(micros / MICROS_PER_SECOND);
  const fraction = String(micros % MICROS_PER_SECOND).padStart(TS_FRACTION_DIGITS, '0');
  return `${seconds}.${fraction}`;
}

/** Compares Slack timestamps exactly (string → float would lose microseconds). */
export function compareTs(a: string, b: string): number {
  const [aSeconds = 0n, aFraction = 0n] = splitTs(a);
  const [bSeconds = 0n, bFraction = 0n] = splitTs(b);
  if (aSeconds !== bSeconds) return aSeconds < bSeconds ? -1 : 1;
  if (aFraction !== bFraction) return aFraction < bFraction ? -1 : 1;
  return 0;
}

function splitTs(ts: string): bigint[] {
  const [seconds = '0', fraction = ''] = ts.split('.');
  const digits = (fraction + '0'.repeat(TS_FRACTION_DIGITS)).slice(0, TS_FRACTION_DIGITS);
  return [toBigInt(seconds), toBigInt(digits)];
}

function toBigInt(digits: string): bigint {
  return /^\d+$/.test(digits) ? BigInt(digits) : 0n;
}

export class MessageStore {
  readonly #byChannel = new Map<string, StoredMessage[]>();

  /** Every message of a channel, thread replies included, oldest first. */
  all(channel: string): StoredMessage[] {
    return [...(this.#byChannel.get(channel) ?? [])];
  }

  add(channel: string, message: StoredMessage): StoredMessage {
    const messages = this.#byChannel.get(channel) ?? [];
    messages.push(message);
    messages.sort((a, b) => compareTs(a.ts, b.ts));
    this.#byChannel.set(channel, messages);
    return message;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.#byChannel.get(channel)?.find((message) => message.ts === ts);
  }

  remove(channel: string, ts: string): boolean {
    const messages = this.#byChannel.get(channel);
    const index = messages?.findIndex((message) => message.ts === ts) ?? -1;
    if (messages === undefined || index < 0) return false;
    messages.splice(index, 1);
    return true;
  }

  /**
   * What `conversations.history` lists, as Slack documents it: top-level messages and thread
   * broadcasts, not ordinary thread replies.
   */
  topLevel(channel: string): StoredMessage[] {
    return this.all(channel).filter(
      (message) => message.thread_ts === undefined || message.thread_ts === message.ts || message.reply_broadcast === true,
    );
  }

  /** What `conversations.replies` lists: the parent, then its replies, oldest first. */
  thread(channel: string, threadTs: string): StoredMessage[] {
    return this.all(channel).filter((message) => message.ts === threadTs || message.thread_ts === threadTs);
  }

  clear(): void {
    this.#byChannel.clear();
  }
}
