/**
 * Threads the bot has answered in, so a follow-up question in the same thread is answered without
 * another @mention. Bounded: the oldest threads are forgotten first.
 */

const MAX_THREADS = 10_000;

export interface KnownThreads {
  remember(channel: string, threadTs: string): void;
  has(channel: string, threadTs: string): boolean;
}

export function createKnownThreads(max = MAX_THREADS): KnownThreads {
  const threads = new Set<string>();
  const key = (channel: string, threadTs: string) => `${channel}/${threadTs}`;
  return {
    remember(channel, threadTs) {
      const k = key(channel, threadTs);
      threads.delete(k);
      threads.add(k);
      if (threads.size > max) threads.delete(threads.values().next().value as string);
    },
    has: (channel, threadTs) => threads.has(key(channel, threadTs)),
  };
}
