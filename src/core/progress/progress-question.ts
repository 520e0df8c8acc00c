/**
 * Questions about how a measure is being carried out — who leads it, how far it has got, when
 * it is due, what is overdue or blocked — are not questions about the plan's text: the plan
 * names no deadline and no status, and lead units only where a measure closes with them (2015
 * on). They are answered from the coordinators' record, a lead unit the record lacks from the
 * plan's text when it names one, and otherwise with {@link NOT_REGISTERED}, never with a guess.
 *
 * A question is one of these when it asks in those words; the measure it is about is the one
 * it names by number (第42条进展如何) or, failing that, the one a search finds with confidence
 * (剑网行动进展如何). A question about one kind of measure without naming one (哪些措施逾期了)
 * is answered with the list. Anything else is left to the ordinary answer.
 */
import { askQuestion } from '../answer/ask-question.js';
import { type AnswerContext, areaRef } from '../answer/answer-values.js';
import type { AreaRef } from '../answer/answer-schema.js';
import { areaOf, findMeasure } from '../plan/find-in-plan.js';
import type { Plan, UnitsResponsible } from '../plan/plan-schema.js';
import { normaliseQuestion } from '../search/query/clean-question.js';
import { parsePlanReference } from '../search/query/plan-reference.js';
import { isOverdueOn, measureLines, type MeasureLine } from './progress-overview.js';
import { PROGRESS_STATUSES, type ProgressRecord, type ProgressStatus } from './progress-schema.js';

export type ProgressIntent = 'lead' | 'status' | 'due' | 'overdue' | 'blocked';

export type ProgressQuestion = { kind: 'measure'; intent: ProgressIntent; measure: number } | { kind: 'list'; list: 'overdue' | 'blocked' | ProgressStatus };

export type ProgressAnswer = (
  | {
      kind: 'measure';
      intent: ProgressIntent;
      measure: { number: number; area: AreaRef; firstClause: string };
      record?: ProgressRecord;
      /** The units the plan's own text names for the measure (plans from 2015 on), when it names any. */
      planUnits?: UnitsResponsible;
    }
  | {
      kind: 'list';
      list: 'overdue' | 'blocked' | ProgressStatus;
      measures: MeasureLine[];
      /** Measures with a record at all: none means the coordinators have registered nothing yet. */
      registered: number;
    }
) & {
  /** The record could not be read just now: the answer says so rather than "nothing registered". */
  unavailable?: boolean;
};

const INTENTS: ReadonlyArray<readonly [ProgressIntent, RegExp]> = [
  ['overdue', /逾期|超期|过期|延期|拖期|误期/u],
  ['blocked', /受阻|卡住|卡在|阻碍|阻塞|停滞|推不动/u],
  ['lead', /牵头|(?:哪个|哪些|什么|哪家)(?:部门|单位|机关|司局|机构)|谁(?:来)?(?:负责|主管|主抓|抓)|(?:负责|主管|承办|参与|配合)(?:单位|部门)/u],
  ['due', /截止|期限|什么时候(?:完成|到期|截止|办完)|何时(?:完成|到期)|时间节点|deadline/u],
  [
    'status',
    /进展|进度|推进(?:情况|得?(?:怎么样|如何|到哪))|落实(?:情况|得?(?:怎么样|如何))|完成(?:了吗|了没|没有|情况|得?(?:怎么样|如何))|(?:做|办|干)到哪|到哪一?步|什么状态|状态|怎么样了|status|progress/u,
  ],
];

/** Words around the subject of a question that say nothing about which measure it is. */
const NOT_SUBJECT =
  /第\s*\d+\s*(?:条|项)|目前|现在|当前|眼下|这项|这条|该项|那项|哪些|哪个|哪家|措施|工作|部门|单位|机关|司局|机构|负责|主管|主抓|承办|参与|配合|牵头|什么时候|何时|时间节点|情况|如何|怎么样|怎样|怎么|到哪一?步|到哪|做到|办到|干到|完成了吗|完成|落实|推进|已经|有没有|是否|是不是|由|是|谁|的|了|吗|呢|啊|吧|请问|一下|[\s\p{P}\p{S}]/gu;

function intentOf(normalised: string): ProgressIntent | undefined {
  return INTENTS.find(([, pattern]) => pattern.test(normalised))?.[0];
}

/** A status the question asks a list of (哪些措施已完成), if any. */
function listedStatus(normalised: string): ProgressStatus | undefined {
  if (!/哪些|多少|几条|列出|清单/u.test(normalised)) return undefined;
  return PROGRESS_STATUSES.find((s) => normalised.includes(s));
}

/** The measure a search finds for the question's subject, when it is sure enough. */
function measureBySubject(ctx: AnswerContext, normalised: string): number | undefined {
  const subject = INTENTS.reduce((rest, [, pattern]) => rest.replace(new RegExp(pattern.source, 'gu'), ''), normalised).replace(NOT_SUBJECT, '');
  if ([...subject].length < 2) return undefined;
  const answer = askQuestion(ctx, subject);
  const [top] = answer.results;
  if (!top) return undefined;
  if (answer.kind === 'lookup' && answer.results.length === 1) return top.number;
  return answer.kind === 'search' && (answer.confidence === 'high' || answer.confidence === 'medium') ? top.number : undefined;
}

export function readProgressQuestion(ctx: AnswerContext, question: string): ProgressQuestion | undefined {
  const normalised = normaliseQuestion(question);
  if (normalised.length === 0) return undefined;
  const status = listedStatus(normalised);
  const intent = intentOf(normalised);
  if (!intent && !status) return undefined;

  const reference = parsePlanReference(normalised);
  const named = reference?.type === 'measures' && reference.numbers.length === 1 ? reference.numbers[0] : undefined;
  const measure = named !== undefined && findMeasure(ctx.plan, named) ? named : undefined;
  if (measure !== undefined) return { kind: 'measure', intent: intent ?? 'status', measure };
  if (reference) return undefined; // several measures, a range or an area: the ordinary answer lists them
  if (status) return { kind: 'list', list: status === '受阻' ? 'blocked' : status };
  if (intent === 'overdue' || intent === 'blocked') {
    const subject = measureBySubject(ctx, normalised);
    return subject !== undefined ? { kind: 'measure', intent, measure: subject } : { kind: 'list', list: intent };
  }
  const subject = intent ? measureBySubject(ctx, normalised) : undefined;
  return subject !== undefined && intent ? { kind: 'measure', intent, measure: subject } : undefined;
}

export function progressAnswer(plan: Plan, question: ProgressQuestion, records: readonly ProgressRecord[], date: string): ProgressAnswer {
  const map = new Map(records.map((r) => [r.measure, r]));
  if (question.kind === 'measure') {
    const measure = findMeasure(plan, question.measure);
    if (!measure) throw new RangeError(`the plan has no measure ${question.measure}`);
    const [line] = measureLines(plan, [question.measure], map);
    const record = map.get(question.measure);
    return {
      kind: 'measure',
      intent: question.intent,
      measure: { number: question.measure, area: areaRef(areaOf(plan, measure)), firstClause: line?.firstClause ?? '' },
      ...(record ? { record } : {}),
      ...(measure.units ? { planUnits: measure.units } : {}),
    };
  }
  const listed = records.filter((r) =>
    question.list === 'overdue' ? isOverdueOn(r, date) : r.status === (question.list === 'blocked' ? '受阻' : question.list),
  );
  return {
    kind: 'list',
    list: question.list,
    measures: measureLines(
      plan,
      listed.map((r) => r.measure),
      map,
    ),
    registered: records.length,
  };
}

/** The measures a progress answer names, in the order it shows them. */
export function progressMeasures(answer: ProgressAnswer): number[] {
  return answer.kind === 'measure' ? [answer.measure.number] : answer.measures.map((m) => m.number);
}
