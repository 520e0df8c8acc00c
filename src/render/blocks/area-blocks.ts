/**
 * An area (`/area 3`): title, its 目标任务 paragraph, and its measures as number + first clause;
 * and the overview of all areas (`/area` with no argument).
 */
import type { AreaCard } from '../../core/answer/answer-schema.js';
import type { PlanOverview } from '../../core/answer/plan-overview.js';
import type { StatusCounts } from '../../core/progress/progress-overview.js';
import { ACTION, encodeValue } from './action-values.js';
import { actions, button, context, header, section, sections } from './block-kit.js';
import { escapeMrkdwn, bold, fallbackText } from './mrkdwn.js';
import { RECORD_UNAVAILABLE } from '../../core/progress/record-view.js';
import { countsLine } from './progress-blocks.js';
import type { SlackMessage } from './slack-message.js';

export interface AreaCardOptions {
  shareable: boolean;
  planTitle: string;
  /** The plan the area is from, carried by its buttons. */
  planId?: string;
  /** How the area's measures stand in the coordinators' record. */
  counts?: StatusCounts;
  /** The record could not be read just now. */
  recordUnavailable?: boolean;
}

export function renderAreaCard(card: AreaCard, options: AreaCardOptions): SlackMessage {
  const first = card.measures[0]?.number ?? 0;
  const last = card.measures.at(-1)?.number ?? 0;
  const lines = card.measures.map((m) => `${bold(String(m.number))}　${escapeMrkdwn(m.firstClause)}`).join('\n');
  return {
    text: fallbackText(`${card.numeral}、${card.title}${card.goals === undefined ? '' : `：${card.goals}`}`),
    blocks: [
      header(`${card.numeral}、${card.title}`),
      ...(card.goals === undefined ? [] : [section(`${bold('目标任务')}\n${escapeMrkdwn(card.goals)}`)]),
      ...sections(`${bold('工作措施')}（共 ${card.measures.length} 条，第 ${first}–${last} 条）\n${lines}`),
      ...(options.counts ? [section(`${bold('推进情况')}（协调办登记）\n${countsLine(options.counts)}`)] : []),
      ...(options.recordUnavailable ? [context(`${bold('推进情况')}：${RECORD_UNAVAILABLE}`)] : []),
      context(escapeMrkdwn(`用 /measure 编号 查看某条措施全文 · 《${options.planTitle}》`)),
      ...(options.shareable
        ? [
            actions(
              `area_${card.number}`,
              button('发到频道', ACTION.share, encodeValue({ k: 'area', n: card.number, ...(options.planId ? { p: options.planId } : {}) }), 'primary'),
            ),
          ]
        : []),
    ],
  };
}

export function overviewLines(overview: Pick<PlanOverview, 'areas'>): string {
  return overview.areas.map((a) => `${bold(`${a.numeral}、${a.title}`)}　第 ${a.firstMeasure}–${a.lastMeasure} 条（${a.measureCount} 条）`).join('\n');
}

export function renderAreaOverview(overview: PlanOverview): SlackMessage {
  return {
    text: fallbackText(`《${overview.title}》共 ${overview.areas.length} 个领域、${overview.measureCount} 条措施`),
    blocks: [
      header(`《${overview.title}》`),
      section(`共 ${overview.areas.length} 个领域、${overview.measureCount} 条措施：\n${overviewLines(overview)}`),
      context('用 /area 编号 查看某个领域的目标任务和措施，例如 /area 3'),
    ],
  };
}
