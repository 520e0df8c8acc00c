/**
 * Who may update the progress record: the members and user groups named in COORDINATORS.
 * Groups are resolved with `usergroups.users.list` (scope `usergroups:read`) and cached:
 *
 * 1. A group never loaded is loaded before answering (a start-up warms every group).
 * 2. A group loaded more than {@link REFRESH_MS} ago answers from what was loaded, and is
 *    reloaded in the background, so a check never waits on Slack once the cache is warm.
 * 3. A group that cannot be loaded keeps its last members; one never loaded counts as empty
 *    (nobody is let in on a guess) and is tried again after {@link RETRY_MS}. Failures are logged.
 */
import type { Coordinators } from '../../app/progress/coordinators.js';
import type { Contacts } from '../../core/progress/record-view.js';
import type { Logger } from '../../logger.js';

/** How old a group's member list may get before it is reloaded. */
export const REFRESH_MS = 5 * 60 * 1000;
/** How soon a group that could not be loaded is tried again. */
export const RETRY_MS = 30 * 1000;

export interface SlackCoordinators extends Coordinators {
  /** Loads every group now (at start-up). */
  refresh(): Promise<void>;
}

export interface CoordinatorsDeps {
  /** The members and user groups named in COORDINATORS. */
  config: Contacts;
  /** The members of a user group (`usergroups.users.list`). */
  listMembers: (group: string) => Promise<string[]>;
  logger: Logger;
  now: () => Date;
}

interface GroupEntry {
  members: ReadonlySet<string>;
  loadedAt: number;
  /** When loading last failed, if it did after the last success. */
  failedAt?: number;
}

export function createCoordinators({ config, listMembers, logger, now }: CoordinatorsDeps): SlackCoordinators {
  const groups = new Map<string, GroupEntry>();
  const loading = new Map<string, Promise<void>>();

  function load(group: string): Promise<void> {
    const running = loading.get(group);
    if (running) return running;
    const attempt = (async () => {
      try {
        const members = await listMembers(group);
        groups.set(group, { members: new Set(members), loadedAt: now().getTime() });
        logger.debug({ kind: 'coordinators', group, members: members.length }, 'coordinator group loaded');
      } catch (error) {
        const previous = groups.get(group);
        groups.set(group, { members: previous?.members ?? new Set(), loadedAt: previous?.loadedAt ?? 0, failedAt: now().getTime() });
        logger.error({ err: error, kind: 'coordinators', group, kept: previous?.members.size ?? 0 }, 'could not load a coordinator group; keeping its last members');
      }
    })().finally(() => loading.delete(group));
    loading.set(group, attempt);
    return attempt;
  }

  /** The group's members, loading or reloading them as the rules above say. */
  async function membersOf(group: string): Promise<ReadonlySet<string>> {
    const at = now().getTime();
    const entry = groups.get(group);
    if (!entry) {
      await load(group);
    } else if (entry.failedAt !== undefined ? at - entry.failedAt >= RETRY_MS : at - entry.loadedAt >= REFRESH_MS) {
      if (entry.loadedAt === 0) await load(group);
      else void load(group);
    }
    return groups.get(group)?.members ?? new Set();
  }

  async function includes(userId: string): Promise<boolean> {
    if (config.users.includes(userId)) return true;
    for (const group of config.groups) if ((await membersOf(group)).has(userId)) return true;
    return false;
  }

  return {
    contacts: config,
    canEdit: includes,
    mayWrite: includes,
    async refresh() {
      await Promise.all(config.groups.map(load));
    },
  };
}
