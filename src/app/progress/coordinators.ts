/**
 * Who may update the implementation record, as the application asks it. The Slack side
 * implements it (members named in COORDINATORS, and the members of the user groups named there).
 */
import type { Contacts } from '../../core/progress/record-view.js';

export interface Coordinators {
  /** Who to ask for access: the configured members and groups. */
  readonly contacts: Contacts;
  /** For showing 更新进展: answers from what is known now, never waiting on a lookup. */
  canEdit(userId: string): Promise<boolean>;
  /** For a write: may wait on a lookup (within its deadline); unknown counts as no. */
  mayWrite(userId: string): Promise<boolean>;
}

/** Where nobody may edit (the local console, which has no Slack user). */
export const NO_COORDINATORS: Coordinators = {
  contacts: { users: [], groups: [] },
  canEdit: async () => false,
  mayWrite: async () => false,
};
