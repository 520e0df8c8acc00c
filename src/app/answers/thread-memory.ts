/**
 * The conversations the bot has answered in, and what each answer left for the next message
 * (the measures shown, the question searched), so 下一条, 上一条, 全文 and 还有吗 work in any
 * thread the bot answered, and a reply in such a thread needs no @mention. Kept in the state
 * store, so both hold across a restart (and across replicas sharing the store); recent ones are
 * also held in memory, so a follow-up costs no round trip.
 *
 * A thread is keyed by channel and thread; a direct-message conversation also by its channel
 * alone, since a DM written as a new message (not in the thread) still follows the last answer.
 */
import { ThreadContextSchema, type ThreadContext } from '../../core/answer/follow-up.js';

/**
 * What a conversation (a thread, a DM) left for its next message, kept as text the store does not
 * read, so follow-ups work after a restart. The state store implements it.
 */
export interface ThreadStore {
  get(key: string): Promise<string | undefined>;
  put(key: string, state: string, atMs: number): Promise<void>;
}

/** Recent conversations held in memory at most; the oldest are forgotten first. */
const MAX_IN_MEMORY = 10_000;
/** Conversations untouched this long are forgotten (the state's upkeep prunes them; store/retention.ts). */
export const THREAD_MEMORY_MS = 30 * 24 * 60 * 60 * 1000;

export interface Conversation {
  channel: string;
  threadTs: string;
  /** A direct-message conversation (also remembered by its channel). */
  direct: boolean;
}

export interface ThreadMemory {
  /** What the conversation's last answer left, if the bot answered in it. */
  recall(conversation: Conversation): Promise<ThreadContext | undefined>;
  remember(conversation: Conversation, context: ThreadContext): Promise<void>;
}

const threadKey = (channel: string, threadTs: string): string => `${channel}/${threadTs}`;

export function createThreadMemory(store: ThreadStore, now: () => Date): ThreadMemory {
  const recent = new Map<string, ThreadContext>();
  const hold = (key: string, context: ThreadContext): void => {
    recent.delete(key);
    recent.set(key, context);
    if (recent.size > MAX_IN_MEMORY) {
      const oldest = recent.keys().next();
      if (!oldest.done) recent.delete(oldest.value);
    }
  };

  async function read(key: string): Promise<ThreadContext | undefined> {
    const held = recent.get(key);
    if (held) return held;
    const stored = await store.get(key);
    if (stored === undefined) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(stored);
    } catch {
      return undefined;
    }
    const parsed = ThreadContextSchema.safeParse(json);
    if (!parsed.success) return undefined;
    hold(key, parsed.data);
    return parsed.data;
  }

  return {
    async recall({ channel, threadTs, direct }) {
      return (await read(threadKey(channel, threadTs))) ?? (direct ? read(channel) : undefined);
    },
    async remember({ channel, threadTs, direct }, context) {
      const keys = direct ? [threadKey(channel, threadTs), channel] : [threadKey(channel, threadTs)];
      const at = now().getTime();
      for (const key of keys) {
        hold(key, context);
        await store.put(key, JSON.stringify(context), at);
      }
    },
  };
}
