/**
 * Work the app has acknowledged and still owes an answer for. A graceful stop waits for it, so a
 * request Slack was told "got it" is answered before the process exits.
 */

export interface InFlight {
  /** Runs `work`, counting it as in flight until it settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** How much is in flight now. */
  size(): number;
  /** Resolves when nothing is in flight, or after `timeoutMs` with what was still running. */
  drain(timeoutMs: number): Promise<{ drained: boolean; remaining: number }>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    run(work) {
      const promise = work();
      running.add(promise);
      const forget = () => running.delete(promise);
      promise.then(forget, forget);
      return promise;
    },
    size: () => running.size,
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (running.size > 0 && Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now())));
        await Promise.race([Promise.allSettled([...running]), timeout]);
        clearTimeout(timer);
      }
      return { drained: running.size === 0, remaining: running.size };
    },
  };
}
