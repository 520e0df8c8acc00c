/**
 * The coordinators' record as one viewer sees it where a measure or an area is shown: the record,
 * whether this viewer may edit it, and whom to ask for access. Renderers draw these values; the
 * application computes them.
 */
import type { StatusCounts } from './progress-overview.js';
import type { ProgressRecord } from './progress-schema.js';

/** A measure's record on its card, and whether the viewer may edit it. */
export interface CardProgress {
  record?: ProgressRecord;
  canEdit: boolean;
}

/** Who may grant access to the record: configured member and group IDs. */
export interface Contacts {
  users: readonly string[];
  groups: readonly string[];
}

/** What an answer shows of the record: a single measure's card, or an area's status counts. */
export interface AnswerProgress {
  card?: CardProgress;
  areaCounts?: StatusCounts;
}
