/**
 * Fixed inputs for the renderers: small literal Answers, measures, areas and digests, written
 * out here rather than computed, so a renderer test changes only when rendering does (never when
 * ranking does). The texts are the plan's own.
 */
import type { Answer, AreaCard, AreaRef, MeasureResult, PlanRef, PlanSource } from '../../src/core/answer/answer-schema.js';
import type { PlanOverview } from '../../src/core/answer/plan-overview.js';
import type { DigestContent } from '../../src/core/digest/digest-content.js';
import type { ProgressDashboard, StatusCounts } from '../../src/core/progress/progress-overview.js';
import type { ProgressChange, ProgressRecord } from '../../src/core/progress/progress-schema.js';

export const SOURCE: PlanSource = { id: '2014', title: '2014年国家知识产权战略实施推进计划', measureCount: 79 };
export const PLAN: PlanRef = { id: '2014', title: SOURCE.title, year: '2014' };

export const AREA_1: AreaRef = { number: 1, numeral: '一', title: '提高知识产权创造质量', firstMeasure: 1, lastMeasure: 7 };
export const AREA_3: AreaRef = { number: 3, numeral: '三', title: '提高知识产权保护效果', firstMeasure: 19, lastMeasure: 43 };

export const MEASURE_3_TEXT = '提高商标注册工作效率，加强商标审查质量管理，确保商标审查周期控制在9个月内，异议审理周期控制在12个月内。';
export const MEASURE_43_TEXT = '加快修订《国防专利条例》，强化国防知识产权保护，开展国防知识产权保护试点。';
export const MEASURE_28_TEXT = '开展第十次打击网络侵权盗版“剑网行动”，针对网络侵权盗版行为进行专项治理。';

export function measure(number: number, text: string, area: AreaRef = AREA_3, extra: Partial<MeasureResult> = {}): MeasureResult {
  return { number, area, text, snippet: text, highlights: [], score: 1, ...extra };
}

const EMPTY_INTERPRETATION = { corrections: [], expansions: [] };

/** 商标审查周期要控制在多久？ — the answering clause with its words marked, one related measure. */
export const SEARCH_ANSWER: Answer = {
  query: '商标审查周期要控制在多久？',
  plan: PLAN,
  source: SOURCE,
  kind: 'search',
  confidence: 'high',
  confidenceScore: 1,
  results: [
    measure(3, MEASURE_3_TEXT, AREA_1, { snippet: '确保商标审查周期控制在9个月内', highlights: [[11, 15]], score: 12.5 }),
    measure(43, MEASURE_43_TEXT, AREA_3, { snippet: '开展国防知识产权保护试点', highlights: [], score: 1.2 }),
  ],
  total: 6,
  relatedAreas: [],
  interpretation: EMPTY_INTERPRETATION,
};

export const NO_MATCH_ANSWER: Answer = {
  query: '今天天气怎么样',
  plan: PLAN,
  source: SOURCE,
  kind: 'none',
  confidence: 'none',
  confidenceScore: 0,
  results: [],
  total: 0,
  relatedAreas: [],
  interpretation: EMPTY_INTERPRETATION,
  notice: { code: 'no-match', message: '计划中没有找到与“今天天气怎么样”直接相关的内容。可以换个说法，或用 /measure 编号、/area 领域 浏览全文。' },
};

export const LOOKUP_ANSWER: Answer = {
  ...NO_MATCH_ANSWER,
  query: '第43条',
  kind: 'lookup',
  confidence: 'high',
  confidenceScore: 1,
  results: [measure(43, MEASURE_43_TEXT)],
  total: 1,
  notice: undefined,
};

export const LIST_ANSWER: Answer = {
  ...LOOKUP_ANSWER,
  query: '28, 43',
  results: [measure(28, MEASURE_28_TEXT), measure(43, MEASURE_43_TEXT)],
  total: 2,
};

export const AREA_CARD: AreaCard = {
  number: 7,
  numeral: '七',
  title: '提高知识产权战略组织实施水平',
  goals: '加强国家知识产权战略实施工作部际联席会议的统筹协调，完善战略实施工作机制。',
  measures: [
    { number: 72, firstClause: '制定《深入实施国家知识产权战略行动计划（2014—2020年）》' },
    { number: 73, firstClause: '推进知识产权战略实施绩效评估' },
  ],
};

export const AREA_ANSWER: Answer = { ...LOOKUP_ANSWER, query: '第七部分', kind: 'area', results: [], total: 0, area: AREA_CARD };

export const OVERVIEW: PlanOverview = {
  title: SOURCE.title,
  year: 2014,
  measureCount: 79,
  areas: [
    { number: 1, numeral: '一', title: '提高知识产权创造质量', firstMeasure: 1, lastMeasure: 7, measureCount: 7 },
    { number: 2, numeral: '二', title: '提升知识产权运用效益', firstMeasure: 8, lastMeasure: 18, measureCount: 11 },
  ],
};

export const DIGEST: DigestContent = {
  date: '2026-11-30',
  start: '2026-11-25',
  planTitle: SOURCE.title,
  issue: { number: 4, total: 27, cycle: 1 },
  areas: [{ number: 3, numeral: '三', title: '提高知识产权保护效果', measures: [{ number: 28, text: MEASURE_28_TEXT }] }],
  activity: {
    from: '2026-11-27',
    to: '2026-11-29',
    questions: 5,
    topMeasures: [{ number: 28, count: 3 }],
    unanswered: ['<!channel> 区块链'],
    feedback: { helpful: 1, notHelpful: 1 },
  },
};

/** 专利审查周期 — the plan sets the trademark cycle only: said first, the nearest measure offered as related. */
export const NOT_COVERED_ANSWER: Answer = {
  ...SEARCH_ANSWER,
  query: '专利审查周期',
  kind: 'not-covered',
  confidence: 'none',
  results: [measure(3, MEASURE_3_TEXT, AREA_1, { snippet: '确保商标审查周期控制在9个月内', highlights: [], score: 8 })],
  total: 1,
  notice: { code: 'not-covered', message: '计划原文没有规定专利审查周期；计划只规定了商标审查周期。下面是最接近的内容（第 3 条），仅供参考。' },
};

/** 部际联席会议 — answered by an area's 目标任务 paragraph. */
export const GOALS_ANSWER: Answer = {
  ...SEARCH_ANSWER,
  query: '部际联席会议',
  results: [],
  total: 0,
  relatedAreas: [
    { number: 7, numeral: '七', title: '提高知识产权战略组织实施水平', snippet: '加强知识产权战略实施部际联席会议机制建设', highlights: [], score: 20 },
  ],
};

export const OVERVIEW_ANSWER: Answer = {
  ...NO_MATCH_ANSWER,
  query: '为什么要制定这个计划',
  kind: 'overview',
  confidence: 'high',
  confidenceScore: 1,
  notice: undefined,
  overview: {
    facet: 'purpose',
    title: SOURCE.title,
    year: 2014,
    measureCount: 79,
    preamble:
      '为贯彻党的十八大和十八届三中全会精神，落实全国知识产权战略实施工作电视电话会议要求，推动国家知识产权战略深入有效实施，明确2014年战略实施重点任务和措施，制定本计划。',
    areas: OVERVIEW.areas,
  },
};

/** Measure 42's record as coordinators keep it: a note with text that must stay escaped. */
export const RECORD_42: ProgressRecord = {
  measure: 42,
  status: '推进中',
  lead: ['海关总署'],
  participants: ['公安部', '国家知识产权局'],
  due: '2026-11-20',
  version: 3,
  updatedAt: Date.parse('2026-11-24T02:05:00Z'),
  updatedDate: '2026-11-24',
  updatedTime: '10:05',
  updatedBy: 'U0COORD',
  latestNote: {
    at: Date.parse('2026-11-24T02:05:00Z'),
    date: '2026-11-24',
    time: '10:05',
    author: 'U0COORD',
    text: '本周完成海关系统联调 <!channel> *不是粗体*',
  },
  overdue: true,
};

/** Measure 28 registered from the command line: no status yet, an administrator's name as author. */
export const RECORD_28: ProgressRecord = {
  measure: 28,
  lead: ['国家版权局'],
  participants: [],
  version: 1,
  updatedAt: Date.parse('2026-11-23T01:00:00Z'),
  updatedDate: '2026-11-23',
  updatedTime: '09:00',
  updatedBy: '王<协调办>',
  overdue: false,
};

const change = (
  version: number,
  time: string,
  field: ProgressChange['field'],
  before: string | null,
  after: string | null,
  author = 'U0COORD',
): ProgressChange => ({
  measure: 42,
  version,
  at: Date.parse(`2026-11-24T00:00:00Z`) + version,
  date: version === 1 ? '2026-11-20' : '2026-11-24',
  time,
  author,
  field,
  before,
  after,
});

/** Measure 42's history, oldest first: three updates. */
export const HISTORY_42: ProgressChange[] = [
  change(1, '09:00', 'lead', null, '海关总署', 'cli'),
  change(1, '09:00', 'status', null, '未启动', 'cli'),
  change(2, '10:00', 'status', '未启动', '推进中'),
  change(2, '10:00', 'due', null, '2026-11-20'),
  change(3, '10:05', 'participants', null, '公安部、国家知识产权局'),
  change(3, '10:05', 'note', null, '本周完成海关系统联调 <!channel> *不是粗体*'),
];

const counts = (registered: Partial<StatusCounts>, total: number): StatusCounts => {
  const c: StatusCounts = { 未启动: 0, 推进中: 0, 已完成: 0, 受阻: 0, 未登记: 0, overdue: 0, ...registered };
  c.未登记 = total - (c.未启动 + c.推进中 + c.已完成 + c.受阻);
  return c;
};

export const DASHBOARD: ProgressDashboard = {
  today: '2026-11-25',
  registered: 2,
  measureCount: 79,
  totals: counts({ 推进中: 1, overdue: 1 }, 79),
  areas: [
    { area: AREA_1, counts: counts({}, 7) },
    { area: AREA_3, counts: counts({ 推进中: 1, overdue: 1 }, 25) },
  ],
  recent: [
    { number: 42, firstClause: '加大对海关知识产权大要案的查处力度', record: RECORD_42 },
    { number: 28, firstClause: '开展第十次打击网络侵权盗版“剑网行动”', record: RECORD_28 },
  ],
  overdue: [{ number: 42, firstClause: '加大对海关知识产权大要案的查处力度', record: RECORD_42 }],
  blocked: [],
};

export const AREA_3_COUNTS: StatusCounts = counts({ 推进中: 1, overdue: 1 }, 25);

/** The digest of 2026-11-25 with yesterday's update to measure 42, which is overdue. */
export const DIGEST_WITH_PROGRESS: DigestContent = {
  ...DIGEST,
  date: '2026-11-25',
  activity: undefined,
  updates: {
    from: '2026-11-24',
    to: '2026-11-24',
    measures: [
      {
        number: 42,
        firstClause: '加大对海关知识产权大要案的查处力度',
        changes: [
          { field: 'status', before: '未启动', after: '推进中' },
          { field: 'note', before: null, after: '本周完成海关系统联调 <!channel>' },
        ],
      },
    ],
    more: 0,
  },
  attention: { measures: [{ number: 42, firstClause: '加大对海关知识产权大要案的查处力度', status: '推进中', due: '2026-11-20', overdue: true }], more: 0 },
};

const AREA_7: AreaRef = { number: 7, numeral: '七', title: '提高知识产权战略组织实施水平', firstMeasure: 72, lastMeasure: 79 };

export const MEASURE_42_TEXT =
  '加大对海关知识产权大要案的查处力度，加强执法统一性建设，升级完善“知识产权海关保护执法系统”，支持成立国内自主知识产权企业保护区域联盟，开展出口知名品牌企业知识产权海关保护情况调查。';
export const MEASURE_15_TEXT =
  '加快实施专利导航试点工程，在3个专利导航实验区开展专利导航分析项目，探索建立专利分析与产业运行决策深度融合的工作机制；在2—3个产业关键技术领域培育专利储备运营项目。';

/** 保护那一大块里倒数第二条 — a measure asked for by its place in an area. */
export const PLACE_ANSWER: Answer = {
  ...LOOKUP_ANSWER,
  query: '保护那一大块里倒数第二条',
  results: [measure(42, MEASURE_42_TEXT)],
  places: [{ type: 'counted', measure: 42, from: 'end', place: 2, area: AREA_3 }],
};

/** 第一条和最后一条 — two places in the plan, shown as a list. */
export const PLACES_LIST_ANSWER: Answer = {
  ...LOOKUP_ANSWER,
  query: '第一条和最后一条',
  results: [
    measure(1, '落实《关于进一步提升专利申请质量的若干意见》，优化区域专利评价工作导向。', AREA_1),
    measure(79, '完成地方知识产权战略实施阶段性总结评价工作，形成地方知识产权战略实施发展报告。', AREA_7),
  ],
  total: 2,
  places: [
    { type: 'counted', measure: 1, from: 'start', place: 1 },
    { type: 'counted', measure: 79, from: 'end', place: 1 },
  ],
};

/** 第30条的下一条 — the measure next to another. */
export const NEIGHBOUR_ANSWER: Answer = {
  ...LOOKUP_ANSWER,
  query: '第30条的下一条',
  results: [measure(31, '积极拓展知识产权公证业务领域，加快构建完善的知识产权预防性保护机制。')],
  places: [{ type: 'neighbour', measure: 31, of: 30, side: 'next' }],
};

const SIZES = [
  { number: 1, numeral: '一', title: '提高知识产权创造质量', firstMeasure: 1, lastMeasure: 7, measureCount: 7 },
  { number: 2, numeral: '二', title: '提升知识产权运用效益', firstMeasure: 8, lastMeasure: 18, measureCount: 11 },
  { number: 3, numeral: '三', title: '提高知识产权保护效果', firstMeasure: 19, lastMeasure: 43, measureCount: 25 },
  { number: 4, numeral: '四', title: '提升知识产权管理和公共服务水平', firstMeasure: 44, lastMeasure: 54, measureCount: 11 },
];

const SIZES_OVERVIEW = { title: SOURCE.title, year: 2014, measureCount: 79, preamble: '', areas: SIZES };

/** 哪一部分的措施最多 — the area named, every area's size beside it. */
export const MOST_MEASURES_ANSWER: Answer = {
  ...OVERVIEW_ANSWER,
  query: '哪一部分的措施最多',
  overview: { ...SIZES_OVERVIEW, facet: 'most-measures', named: [3], rank: 1 },
};

/** 措施第二多的是哪个部分 — two areas tie, and the answer says so. */
export const TIED_ANSWER: Answer = {
  ...OVERVIEW_ANSWER,
  query: '措施第二多的是哪个部分',
  overview: { ...SIZES_OVERVIEW, facet: 'most-measures', named: [2, 4], rank: 2 },
};

/** 那几个试点城市分别是哪些 — measure 15 gives only the number: said first, the measure cited. */
export const COUNTED_NOT_NAMED_ANSWER: Answer = {
  ...NOT_COVERED_ANSWER,
  query: '那几个试点城市分别是哪些',
  results: [
    measure(
      15,
      MEASURE_15_TEXT,
      { number: 2, numeral: '二', title: '提升知识产权运用效益', firstMeasure: 8, lastMeasure: 18 },
      { snippet: '在3个专利导航实验区开展专利导航分析项目，', highlights: [[1, 3]] },
    ),
  ],
  notice: {
    code: 'not-covered',
    message: '计划原文只写了数量，没有列出具体是哪些：第 15 条写的是“在3个专利导航实验区开展专利导航分析项目”，没有写明名称或名单。',
  },
};
