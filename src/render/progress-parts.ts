/**
 * The wording of an answer about progress, shared by Slack and the terminal: the title of a list
 * (逾期的措施 …), what is said when nothing or none is registered, and the first line about one
 * measure (its lead, due date or status, or that the record has none yet).
 */
import type { ProgressAnswer } from '../core/progress/progress-question.js';
import { NOT_REGISTERED, UNIT_SEPARATOR } from '../core/progress/progress-schema.js';
import { RECORD_UNAVAILABLE } from '../core/progress/record-view.js';
import { measureLabel } from './answer-parts.js';

const LIST_TITLES: Readonly<Record<string, string>> = { overdue: '逾期的措施', blocked: '受阻的措施' };

/** Where every answer about progress comes from. */
export const PROGRESS_SOURCE = '来源：协调办登记的推进情况（计划原文不含牵头单位、进度和期限）';
const PROGRESS_NOT_IN_PLAN = '计划原文不含牵头单位、进度和期限；协调办登记后可在这里查询。';
/** A lead unit answered from the measure's own closing parenthetical. */
const PLAN_UNITS_SOURCE = '来源：计划原文（措施末尾写明的负责单位）；进度和期限由协调办登记。';

type ListAnswer = Extract<ProgressAnswer, { kind: 'list' }>;
type MeasureAnswer = Extract<ProgressAnswer, { kind: 'measure' }>;

export function progressListTitle(answer: ListAnswer): string {
  return LIST_TITLES[answer.list] ?? `状态为“${answer.list}”的措施`;
}

/** What an answer says when the record could not be read just now, or undefined when it could. */
export function unavailableSentence(answer: ProgressAnswer): string | undefined {
  if (!answer.unavailable) return undefined;
  return answer.kind === 'list'
    ? `${progressListTitle(answer)}：${RECORD_UNAVAILABLE}`
    : `${measureLabel(answer.measure.number)}的推进情况：${RECORD_UNAVAILABLE}`;
}

/** The sentence for a list with nothing to show, or undefined when it has measures. */
export function emptyListSentence(answer: ListAnswer): string | undefined {
  const title = progressListTitle(answer);
  if (answer.registered === 0) return `${title}：${NOT_REGISTERED}。`;
  if (answer.measures.length === 0) return `协调办登记的 ${answer.registered} 条措施中，目前没有${title.replace(/的措施$/u, '')}的。`;
  return undefined;
}

/** Where an answer about one measure comes from: the record, the plan's own units, or neither. */
export function progressSource({ record, intent, planUnits }: MeasureAnswer): string {
  if (record) return PROGRESS_SOURCE;
  return intent === 'lead' && planUnits ? PLAN_UNITS_SOURCE : PROGRESS_NOT_IN_PLAN;
}

/** The first line of an answer about one measure. */
export function progressHeadline({ measure, record, intent, planUnits }: MeasureAnswer): string {
  const label = measureLabel(measure.number);
  if (intent === 'lead' && !(record && record.lead.length > 0) && planUnits) {
    return `${label}的牵头单位：${planUnits.lead}（计划原文：${planUnits.text.slice(1, -1)}）。`;
  }
  if (!record) return `${label}的${intent === 'lead' ? '牵头单位' : intent === 'due' ? '截止日期' : '推进情况'}：${NOT_REGISTERED}。`;
  switch (intent) {
    case 'lead':
      return record.lead.length > 0 ? `${label}的牵头单位：${record.lead.join(UNIT_SEPARATOR)}。` : `${label}的牵头单位：${NOT_REGISTERED}。`;
    case 'due':
    case 'overdue':
      return record.due ? `${label}的截止日期：${record.due}${record.overdue ? '，已逾期' : ''}。` : `${label}的截止日期：${NOT_REGISTERED}。`;
    case 'blocked':
    case 'status':
      return record.status
        ? `${label}目前${record.status === '受阻' ? '受阻' : `状态为“${record.status}”`}（${record.updatedDate} 更新）。`
        : `${label}的状态：${NOT_REGISTERED}。`;
  }
}
