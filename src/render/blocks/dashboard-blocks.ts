/**
 * The App Home tab as the coordination office's dashboard: the help desk's waiting list
 * (questions passed on to the office, standard answers due for review), how many measures stand
 * where in each area, what was updated lately, what is overdue or blocked — every area and measure
 * with 查看, which opens it in a window — and, below, how to use the app.
 */
import { RECORD_UNAVAILABLE } from '../../core/progress/record-view.js';
import type { PlanOverview } from '../../core/answer/plan-overview.js';
import type { MeasureLine, ProgressDashboard } from '../../core/progress/progress-overview.js';
import { ACTION, encodeValue } from './action-values.js';
import { button, context, divider, header, section, sectionWithButton } from './block-kit.js';
import { usageBlocks } from './help-blocks.js';
import type { HelpDeskBoard } from '../../core/help-desk/help-desk-board.js';
import type { StandardAnswerRecord } from '../../core/help-desk/help-desk-records.js';
import { helpDeskHomeBlocks } from './standard-answer-blocks.js';
import { bold, escapeMrkdwn } from './mrkdwn.js';
import { countsLine, measureLineBlock } from './progress-blocks.js';
import { MAX_VIEW_BLOCKS } from './slack-limits.js';
import type { Block, HomeView } from './slack-message.js';

/** Measures listed under 逾期 and under 受阻 on the dashboard, at most each. */
export const DASHBOARD_LIST = 10;

function list(title: string, lines: readonly MeasureLine[], empty: string): Block[] {
  if (lines.length === 0) return [section(`${bold(title)}\n${empty}`)];
  const shown = lines.slice(0, DASHBOARD_LIST);
  return [
    section(`${bold(title)}（${lines.length} 条）`),
    ...shown.map((line) => measureLineBlock(line, ACTION.progressMeasure)),
    ...(lines.length > shown.length ? [context(`另有 ${lines.length - shown.length} 条，可在各领域中查看。`)] : []),
  ];
}

/** The help desk's part of Home: its waiting list, and for a coordinator the standard answers. */
export interface HomeHelpDeskView {
  board: HelpDeskBoard;
  answers?: readonly StandardAnswerRecord[];
  today: string;
}

export function renderDashboard(dashboard: ProgressDashboard, overview: PlanOverview, helpDesk?: HomeHelpDeskView): HomeView {
  const desk = helpDesk ? [...helpDeskHomeBlocks(helpDesk.board, helpDesk.answers, helpDesk.today), divider()] : [];
  if (dashboard.unavailable) {
    // What is readable: the plan's areas and how to use the app; the counts would all read 未登记.
    const blocks: Block[] = [
      header(`《${overview.title}》推进看板`),
      section(escapeMrkdwn(`截至 ${dashboard.today}：${RECORD_UNAVAILABLE}计划原文照常可查。`)),
      divider(),
      ...desk,
      section(bold('各领域')),
      ...dashboard.areas.map(({ area }) => section(`${bold(`${area.numeral}、${area.title}`)}　第 ${area.firstMeasure}–${area.lastMeasure} 条`)),
      divider(),
      ...usageBlocks(),
    ];
    return { type: 'home', blocks: blocks.slice(0, MAX_VIEW_BLOCKS) };
  }
  const blocks: Block[] = [
    header(`《${overview.title}》推进看板`),
    context(
      escapeMrkdwn(`截至 ${dashboard.today} · 协调办已登记 ${dashboard.registered} / ${dashboard.measureCount} 条措施 · ${countsLine(dashboard.totals)}`),
    ),
    divider(),
    ...desk,
    section(bold('各领域推进情况')),
    ...dashboard.areas.map(({ area, counts }) =>
      sectionWithButton(
        `${bold(`${area.numeral}、${area.title}`)}　第 ${area.firstMeasure}–${area.lastMeasure} 条\n${countsLine(counts)}`,
        button('查看', ACTION.progressArea, encodeValue({ a: area.number })),
      ),
    ),
    divider(),
    ...list('逾期', dashboard.overdue, '没有登记为逾期的措施。'),
    ...list('受阻', dashboard.blocked, '没有登记为受阻的措施。'),
    ...list('最近更新', dashboard.recent, '协调办还没有登记任何措施的推进情况。'),
    divider(),
    ...usageBlocks(),
    context(`计划原文来自《${escapeMrkdwn(overview.title)}》；牵头单位、进度和期限由协调办登记，未登记的不作推测。`),
  ];
  return { type: 'home', blocks: blocks.slice(0, MAX_VIEW_BLOCKS) };
}
