/**
 * The App Home tab's content for one viewer: the coordination office's dashboard of the
 * implementation record, and the help desk's waiting list (open escalations, oldest first, and
 * standard answers due for review); a coordinator also gets the standard answers to edit or retire.
 * Nothing here waits on a lookup of who the coordinators are, and a part whose records cannot be
 * read just now is left out rather than failing the page.
 */
import type { HelpDeskBoard } from '../../core/help-desk/help-desk-board.js';
import type { StandardAnswerRecord } from '../../core/help-desk/help-desk-records.js';
import type { ProgressDashboard } from '../../core/progress/progress-overview.js';
import type { HelpDesk } from '../help-desk/help-desk.js';
import type { OfficeClock } from '../process/office-clock.js';
import type { Coordinators } from '../progress/coordinators.js';
import type { ProgressDesk } from '../progress/progress-desk.js';

/** Standard answers a coordinator sees on Home at most (the rest through /plan 标准答复). */
export const HOME_STANDARD_ANSWERS = 10;

export interface HomeHelpDesk {
  board: HelpDeskBoard;
  /** For a coordinator: active standard answers, most recently saved first, to edit or retire. */
  answers?: StandardAnswerRecord[];
  today: string;
}

export interface HomePage {
  dashboard: ProgressDashboard;
  /** Absent when the help desk's records cannot be read just now. */
  helpDesk?: HomeHelpDesk;
}

export interface HomePages {
  open(viewer: string): Promise<HomePage>;
}

export function createHomePages({
  desk,
  helpDesk,
  coordinators,
  clock,
}: {
  desk: ProgressDesk;
  helpDesk: HelpDesk;
  coordinators: Coordinators;
  clock: OfficeClock;
}): HomePages {
  async function answersFor(viewer: string): Promise<StandardAnswerRecord[] | undefined> {
    if (!(await coordinators.canEdit(viewer))) return undefined;
    const listed = await helpDesk.standardAnswers.list();
    if (listed.type !== 'list') return undefined;
    return listed.answers
      .filter((a) => !a.retired)
      .sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id)
      .slice(0, HOME_STANDARD_ANSWERS);
  }

  return {
    async open(viewer) {
      const [dashboard, board, answers] = await Promise.all([desk.dashboard(), helpDesk.board(), answersFor(viewer)]);
      if (!board) return { dashboard };
      return { dashboard, helpDesk: { board, ...(answers ? { answers } : {}), today: clock.today() } };
    },
  };
}
