/**
 * Fixed inputs for the renderers: small literal Answers, measures, areas and digests, written
 * out here rather than computed, so a renderer test changes only when rendering does (never when
 * ranking does). The texts are the plan's own.
 */
import type { Answer, AreaCard, AreaRef, MeasureResult, PlanSource } from '../../src/core/answer/answer-schema.js';
import type { PlanOverview } from '../../src/core/answer/plan-overview.js';
import type { DigestContent } from '../../src/core/digest/digest-content.js';

export const SOURCE: PlanSource = { title: '2014年国家知识产权战略实施推进计划', measureCount: 79 };

const AREA_1: AreaRef = { number: 1, numeral: '一', title: '提高知识产权创造质量', firstMeasure: 1, lastMeasure: 7 };
const AREA_3: AreaRef = { number: 3, numeral: '三', title: '提高知识产权保护效果', firstMeasure: 19, lastMeasure: 43 };

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

export const LOOKUP_ANSWER: Answer = { ...NO_MATCH_ANSWER, query: '第43条', kind: 'lookup', confidence: 'high', confidenceScore: 1, results: [measure(43, MEASURE_43_TEXT)], total: 1, notice: undefined };

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
  relatedAreas: [{ number: 7, numeral: '七', title: '提高知识产权战略组织实施水平', snippet: '加强知识产权战略实施部际联席会议机制建设', highlights: [], score: 20 }],
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
    preamble: '为贯彻党的十八大和十八届三中全会精神，落实全国知识产权战略实施工作电视电话会议要求，推动国家知识产权战略深入有效实施，明确2014年战略实施重点任务和措施，制定本计划。',
    areas: OVERVIEW.areas,
  },
};
