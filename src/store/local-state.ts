/**
 * The state as the local console uses it: the implementation record and the digest's record read
 * from the store the configuration names, while the console's own questions are neither recorded
 * for the digest nor its conversation kept beyond the session.
 */
import type { ApplicationState } from '../app/application.js';
import type { StateStore } from './state-store.js';

export function localConsoleState(store: StateStore): ApplicationState {
  const threads = new Map<string, string>();
  return {
    progress: store.progress,
    digest: store.digest,
    helpDesk: store.helpDesk,
    backup: store.backup,
    activity: {
      recordQuestion: async () => undefined,
      recordFeedback: async () => undefined,
      activityOn: (date) => store.activity.activityOn(date),
    },
    threads: {
      get: async (key) => threads.get(key),
      put: async (key, state) => void threads.set(key, state),
    },
  };
}
