/**
 * Work this process repeats while it runs (pruning the state, checking its files): `run` every
 * `intervalMs` until the returned function is called. The timer never keeps the process alive.
 * Injected wherever it is used, so tests fire the work by hand instead of waiting for time.
 */
export type RepeatEvery = (intervalMs: number, run: () => void) => () => void;

export const repeatEvery: RepeatEvery = (intervalMs, run) => {
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};
