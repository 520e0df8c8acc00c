/**
 * What every surface (CLI, console, Slack) receives: one Answer per question or lookup. The shape
 * is the JSON the CLI prints with `--json`, so it is validated here and documented in README.
 */
import { z } from 'zod';
import { PlanOverviewSchema } from './plan-overview.js';

/** `[start, end)` UTF-16 offsets into the snippet that matched the question. */
export const HighlightSchema = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

/** The area a measure belongs to, as much of it as a measure's heading shows. */
export const AreaRefSchema = z.object({
  number: z.number().int().positive(),
  numeral: z.string(),
  title: z.string(),
  firstMeasure: z.number().int().positive(),
  lastMeasure: z.number().int().positive(),
});
export type AreaRef = z.infer<typeof AreaRefSchema>;

/** Which document an answer comes from: what its source line cites, and how far 下一条 can go. */
export const PlanSourceSchema = z.object({
  /** The plan's id (`2014`, `2021-2022`): buttons carry it, so a click stays in the plan it was shown from. */
  id: z.string(),
  title: z.string(),
  measureCount: z.number().int().positive(),
});
export type PlanSource = z.infer<typeof PlanSourceSchema>;

/** Which plan an answer or a measure comes from, so a reader never confuses years. */
export const PlanRefSchema = z.object({
  /** `2014`, `2021-2022`. */
  id: z.string(),
  title: z.string(),
  /** The year(s) as a reader says them: `2014`, `2021—2022`. */
  year: z.string(),
});
export type PlanRef = z.infer<typeof PlanRefSchema>;

export const MeasureResultSchema = z.object({
  number: z.number().int().positive(),
  area: AreaRefSchema,
  /** The measure's full text (whitespace-normalised). */
  text: z.string(),
  /** The clause that best answers the question (the full text for a lookup). */
  snippet: z.string(),
  highlights: z.array(HighlightSchema),
  /** Ranking score; comparable within one answer only. Lookups score 1. */
  score: z.number(),
  /** The plan the measure is from, when it is not the answer's own (an answer across years). */
  plan: PlanRefSchema.optional(),
});
export type MeasureResult = z.infer<typeof MeasureResultSchema>;

export const AreaMeasureLineSchema = z.object({
  number: z.number().int().positive(),
  /** The measure's first clause, as a one-line summary. */
  firstClause: z.string(),
});

export const AreaCardSchema = z.object({
  number: z.number().int().positive(),
  numeral: z.string(),
  title: z.string(),
  /** The area's 目标任务 paragraph; plans after 2014 have none. */
  goals: z.string().optional(),
  measures: z.array(AreaMeasureLineSchema),
});
export type AreaCard = z.infer<typeof AreaCardSchema>;

/** An area whose 目标任务 paragraph matched a search. */
export const AreaMatchSchema = z.object({
  number: z.number().int().positive(),
  numeral: z.string(),
  title: z.string(),
  snippet: z.string(),
  highlights: z.array(HighlightSchema),
  score: z.number(),
});
export type AreaMatch = z.infer<typeof AreaMatchSchema>;

export const NoticeCodeSchema = z.enum([
  'empty',
  'too-long',
  'out-of-range',
  'bad-range',
  'no-match',
  'low-confidence',
  'range-truncated',
  'not-covered',
  'no-context',
  'no-more',
  /** A year's plan the library does not hold. */
  'no-such-plan',
  /** The current plan has nothing that answers; another year's plan does. */
  'other-plan',
]);

export const NoticeSchema = z.object({
  code: NoticeCodeSchema,
  /** One sentence in Chinese, fit to show to the person who asked. */
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const ConfidenceSchema = z.enum(['high', 'medium', 'low', 'none']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/**
 * What an overview answer was asked about the plan as a whole: its summary, size, areas, purpose,
 * year, which areas have the most or the fewest measures, or which have as many as another.
 */
export const OverviewFacetSchema = z.enum(['summary', 'measure-count', 'areas', 'purpose', 'year', 'most-measures', 'fewest-measures', 'equal-measures']);
export type OverviewFacet = z.infer<typeof OverviewFacetSchema>;

/** The plan as a whole (its size and areas), with what was asked and its opening paragraph. */
export const PlanOverviewAnswerSchema = PlanOverviewSchema.extend({
  facet: OverviewFacetSchema,
  /** The opening paragraph: why and on what basis the plan was made. */
  preamble: z.string(),
  /** For `most-measures`, `fewest-measures` and `equal-measures`: the areas that answer, several when they tie. */
  named: z.array(z.number().int().positive()).optional(),
  /** For `most-measures` and `fewest-measures`: 1 for the most, 2 for the second most (第二多), … counting sizes, not areas. */
  rank: z.number().int().positive().optional(),
});
export type PlanOverviewAnswer = z.infer<typeof PlanOverviewAnswerSchema>;

/**
 * Where a measure asked for by its place stands: counted in the plan or in an area, from its start
 * or its end (倒数第三条, 保护部分的第一条), or next to another measure (第30条的下一条).
 */
export const MeasurePlaceSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('counted'),
    measure: z.number().int().positive(),
    from: z.enum(['start', 'end']),
    /** 1-based: the first, the second, … counted from `from`. */
    place: z.number().int().positive(),
    /** The area counted in; absent when counted in the whole plan. */
    area: AreaRefSchema.optional(),
  }),
  z.object({
    type: z.literal('neighbour'),
    measure: z.number().int().positive(),
    /** The measure it is next to. */
    of: z.number().int().positive(),
    side: z.enum(['next', 'previous']),
  }),
]);
export type MeasurePlace = z.infer<typeof MeasurePlaceSchema>;

export const AnswerKindSchema = z.enum([
  /** Measures asked for by number. */
  'lookup',
  /** Measures that answer a question. */
  'search',
  /** An area asked for, with its goals and measures. */
  'area',
  /** The plan as a whole: its size, areas, purpose, year. */
  'overview',
  /** The plan does not say what was asked; `results` are the nearest measures, offered as related. */
  'not-covered',
  /** A question asked across the years: the measure of each plan that answers it, newest plan first (each result names its plan). */
  'years',
  /** Nothing to show; `notice` says why. */
  'none',
]);
export type AnswerKind = z.infer<typeof AnswerKindSchema>;

export const AnswerSchema = z.object({
  query: z.string(),
  /** The plan the answer is from. */
  plan: PlanRefSchema,
  source: PlanSourceSchema,
  kind: AnswerKindSchema,
  /**
   * How sure the answer is that the plan says what was asked: `high` when the top measure states
   * every word that carries the question, `medium` when it states them in other words, `low` when
   * it is only the nearest text (shown with 请核对), `none` when the plan does not say it.
   */
  confidence: ConfidenceSchema,
  /** 0–1: the share of the question the top result covers (1 for lookups). */
  confidenceScore: z.number().min(0).max(1),
  results: z.array(MeasureResultSchema),
  /** How many results matched in all, before the limit. */
  total: z.number().int().nonnegative(),
  /** For kind "area": the area asked for. */
  area: AreaCardSchema.optional(),
  /** For kind "overview": the plan as a whole. */
  overview: PlanOverviewAnswerSchema.optional(),
  /** For a lookup by place (倒数第三条, 第30条的下一条): where each measure shown stands, in order. */
  places: z.array(MeasurePlaceSchema).optional(),
  /** 目标任务 paragraphs that matched a search, best first. */
  relatedAreas: z.array(AreaMatchSchema),
  /** How the question was read: corrected typos, plan wording used for everyday or English words. */
  interpretation: z.object({
    corrections: z.array(z.object({ typed: z.string(), word: z.string() })),
    expansions: z.array(z.object({ word: z.string(), planTerms: z.array(z.string()) })),
  }),
  notice: NoticeSchema.optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
