/**
 * Who may update the progress record: the members and user groups named in COORDINATORS.
 * Groups are resolved with `usergroups.users.list` (scope `usergroups:read`) and cached. The
 * rules, in the order they apply:
 *
 * 1. Showing never waits. Whether a card offers 更新进展 is answered from what is loaded now; a
 *    group not loaded yet counts as "cannot edit" (and is loaded in the background).
 * 2. A write may wait, within {@link WRITE_WAIT_MS} (inside Slack's three-second
 *    acknowledgement), for a group that is not loaded or whose members are older than
 *    {@link MAX_MEMBERS_AGE_MS}; if that does not settle it, the answer is "unknown", and the
 *    person is asked to try again shortly, never let in on a guess.
 * 3. Members older than {@link MAX_MEMBERS_AGE_MS} count as unknown for writes: access ends
 *    within that age of being taken away, even while Slack cannot be asked.
 * 4. A definitive answer from Slack that the group cannot be listed (`no_such_subteam`: it was
 *    deleted; `missing_scope`, `invalid_auth` …) empties the group at once: fail closed. Logged
 *    once when it happens, and once when the group can be listed again.
 * 5. A group loaded more than {@link REFRESH_MS} ago is reloaded in the background; one that
 *    could not be reached (a timeout, no connection) keeps its members until they are too old
 *    (rule 3), and is tried again after {@link RETRY_MS}.
 */
import type { Coordinators, WriteAccess } from '../../app/progress/coordinators.js';
import type { Contacts } from '../../core/progress/record-view.js';
import type { Logger } from '../../logger.js';
import { slackErrorCode, slackRefused } from '../delivery/slack-errors.js';

/** How old a group's member list may get before it is reloaded (in the background). */
export const REFRESH_MS = 5 * 60 * 1000;
/** How soon a group that could not be reached is tried again. */
export const RETRY_MS = 30 * 1000;
/** Members loaded longer ago than this no longer grant a write: taking access away takes effect within it. */
export const MAX_MEMBERS_AGE_MS = 10 * 60 * 1000;
/** How long a write waits for a group's members before the person is asked to try again. */
export const WRITE_WAIT_MS = 1_500;

export interface SlackCoordinators extends Coordinators {
  /** Loads every group now (at start-up, in the background). */
  refresh(): Promise<void>;
}

export interface CoordinatorsDeps {
  /** The members and user groups named in COORDINATORS. */
  config: Contacts;
  /** The members of a user group (`usergroups.users.list`). */
  listMembers: (group: string) => Promise<string[]>;
  logger: Logger;
  now: () => Date;
  /** How long a write waits for a lookup (tests shorten it). */
  writeWaitMs?: number;
}

interface GroupEntry {
  members: ReadonlySet<string>;
  /** When the members were last listed (0: never). */
  loadedAt: number;
  /** When loading last failed without an answer from Slack, if it did after the last success. */
  failedAt?: number;
  /** Slack said the group cannot be listed (deleted, or the app may not see it): it grants nothing. */
  revoked?: string;
}

/** Slack answered, and the answer is about the group, not about being busy. */
const definitive = (error: unknown): boolean => slackRefused(error) && slackErrorCode(error) !== 'ratelimited';

export function createCoordinators({ config, listMembers, logger, now, writeWaitMs = WRITE_WAIT_MS }: CoordinatorsDeps): SlackCoordinators {
  const groups = new Map<string, GroupEntry>();
  const loading = new Map<string, Promise<void>>();

  function load(group: string): Promise<void> {
    const running = loading.get(group);
    if (running) return running;
    const attempt = (async () => {
      const previous = groups.get(group);
      try {
        const members = await listMembers(group);
        groups.set(group, { members: new Set(members), loadedAt: now().getTime() });
        if (previous?.revoked) logger.info({ kind: 'coordinators', group, members: members.length }, 'coordinator group can be listed again');
        logger.debug({ kind: 'coordinators', group, members: members.length }, 'coordinator group loaded');
      } catch (error) {
        if (definitive(error)) {
          const code = slackErrorCode(error);
          groups.set(group, { members: new Set(), loadedAt: now().getTime(), revoked: code });
          if (previous?.revoked !== code) {
            logger.warn(
              { kind: 'coordinators', group, error: code, removed: previous?.members.size ?? 0 },
              'a coordinator group cannot be listed; its members may no longer update progress',
            );
          }
          return;
        }
        groups.set(group, {
          members: previous?.members ?? new Set(),
          loadedAt: previous?.loadedAt ?? 0,
          failedAt: now().getTime(),
          ...(previous?.revoked ? { revoked: previous.revoked } : {}),
        });
        logger.error(
          { err: error, kind: 'coordinators', group, kept: previous?.members.size ?? 0 },
          'could not reach Slack to list a coordinator group; keeping its last members for now',
        );
      }
    })().finally(() => loading.delete(group));
    loading.set(group, attempt);
    return attempt;
  }

  /** Starts a load in the background when the group is due for one (rule 5). */
  function refreshIfDue(group: string): void {
    const entry = groups.get(group);
    const at = now().getTime();
    const due = !entry || (entry.failedAt !== undefined ? at - entry.failedAt >= RETRY_MS : at - entry.loadedAt >= REFRESH_MS);
    if (due) void load(group);
  }

  const fresh = (entry: GroupEntry | undefined): entry is GroupEntry =>
    entry !== undefined && entry.loadedAt > 0 && now().getTime() - entry.loadedAt <= MAX_MEMBERS_AGE_MS;

  /** Whether the members as known now settle a write: yes, no, or not known well enough. */
  function writeAccess(userId: string): WriteAccess {
    let unknown = false;
    for (const group of config.groups) {
      const entry = groups.get(group);
      if (fresh(entry)) {
        if (entry.members.has(userId)) return 'granted';
      } else {
        unknown = true;
      }
    }
    return unknown ? 'unknown' : 'refused';
  }

  return {
    contacts: config,
    async canEdit(userId) {
      if (config.users.includes(userId)) return true;
      for (const group of config.groups) {
        refreshIfDue(group);
        const entry = groups.get(group);
        if (entry && !entry.revoked && entry.members.has(userId)) return true;
      }
      return false;
    },
    async mayWrite(userId) {
      if (config.users.includes(userId)) return 'granted';
      for (const group of config.groups) refreshIfDue(group);
      const known = writeAccess(userId);
      if (known !== 'unknown') return known;
      // Rule 2: wait for the groups that are not known well enough, within the budget.
      const waiting = config.groups.filter((g) => !fresh(groups.get(g))).map((g) => (fresh(groups.get(g)) ? Promise.resolve() : load(g)));
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, writeWaitMs)));
      await Promise.race([Promise.all(waiting), budget]);
      clearTimeout(timer);
      return writeAccess(userId);
    },
    async refresh() {
      await Promise.all(config.groups.map(load));
    },
  };
}
