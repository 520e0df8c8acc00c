/**
 * Shared "wait until something matching has been recorded" machinery for the fake Slack helpers.
 *
 * Contract: `wait()` first looks at the items already recorded (oldest first) and resolves with the first
 * match; otherwise it resolves with the first matching item passed to `notify()` later. It rejects after
 * `timeoutMs` with the message built by `describeTimeout`, or when `rejectAll()` is called (on close).
 * Every pending timer is cleared on resolve/reject, so nothing keeps the process alive.
 *
 * Returned promises carry a no-op rejection handler, so a wait a test abandoned (e.g. because it already
 * failed) does not surface later as an unhandled rejection; awaiting the promise still rejects normally.
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

  wait(
    recorded: readonly T[],
    predicate: Predicate<T>,
    timeoutMs: number,
    describeTimeout: () => string,
  ): Promise<T> {
    const promise = new Promise<T>((resolve, reject) => {
      let existing: T | undefined;
      try {
        existing = recorded.find(predicate);
      } catch (error) {
        reject(asError(error));
        return;
      }
      if (existing !== undefined) {
        resolve(existing);
        return;
      }
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
    promise.catch(() => undefined);
    return promise;
  }

  /** Offers a newly recorded item to every pending wait; each wait whose predicate matches resolves. */
  notify(item: T): void {
    for (const pending of [...this.#pending]) {
      let matches: boolean;
      try {
        matches = pending.predicate(item);
      } catch (error) {
        pending.reject(asError(error));
        continue;
      }
      if (matches) pending.resolve(item);
    }
  }

  /** Rejects every pending wait (used by `close()`). */
  rejectAll(error: Error): void {
    for (const pending of [...this.#pending]) pending.reject(error);
  }

  #settle(pending: Pending<T>): void {
    clearTimeout(pending.timer);
    this.#pending.delete(pending);
  }
}

export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/** Narrows `unknown` to a plain JSON-like object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
