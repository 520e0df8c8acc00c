/**
 * "Wait until something matching has been recorded", for the fakes: `wait()` resolves with the
 * first matching item already recorded or notified later, and rejects after `timeoutMs` (or on
 * `rejectAll()`). Tests wait on conditions this way, never on fixed sleeps.
 */
export type Predicate<T> = (item: T) => boolean;

interface Pending<T> {
  predicate: Predicate<T>;
  resolve(item: T): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class Waiters<T> {
  readonly #pending = new Set<Pending<T>>();

  wait(recorded: readonly T[], predicate: Predicate<T>, timeoutMs: number, describeTimeout: () => string): Promise<T> {
    const promise = new Promise<T>((resolve, reject) => {
      const existing = recorded.find(predicate);
      if (existing !== undefined) return resolve(existing);
      const pending: Pending<T> = {
        predicate,
        resolve: (item) => {
          this.#settle(pending);
          resolve(item);
        },
        reject: (error) => {
          this.#settle(pending);
          reject(error);
        },
        timer: setTimeout(() => pending.reject(new Error(describeTimeout())), timeoutMs),
      };
      this.#pending.add(pending);
    });
    // A wait a test abandoned (it already failed) must not surface as an unhandled rejection.
    promise.catch(() => undefined);
    return promise;
  }

  notify(item: T): void {
    for (const pending of [...this.#pending]) if (pending.predicate(item)) pending.resolve(item);
  }

  rejectAll(error: Error): void {
    for (const pending of [...this.#pending]) pending.reject(error);
  }

  #settle(pending: Pending<T>): void {
    clearTimeout(pending.timer);
    this.#pending.delete(pending);
  }
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitUntil<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 5000,
  pollMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
