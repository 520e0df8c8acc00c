/**
 * The plan as data. Every parsed document passes through these schemas, so the rest of the
 * program can rely on the invariants written here (consecutive numbering, measures inside areas).
 */
import { z } from 'zod';

export const ClauseSchema = z.string().min(1);

export const MeasureSchema = z.object({
  /** 1-based number as printed in the plan (`42．…`). */
  number: z.number().int().positive(),
  /** Number of the area (一…七 → 1…7) the measure belongs to. */
  area: z.number().int().positive(),
  /** The measure's text exactly as written in the seed, without its `N．` prefix. */
  text: z.string().min(1),
  /** The same text with whitespace runs removed or folded, for display and search. */
  displayText: z.string().min(1),
  /** `displayText` split into clauses at `，；。` outside brackets; joined they give `displayText`. */
  clauses: z.array(ClauseSchema).min(1),
  /** 1-based line in the seed file where the measure starts. */
  line: z.number().int().positive(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const AreaSchema = z.object({
  number: z.number().int().positive(),
  /** The Chinese numeral of the heading: 一, 二, … */
  numeral: z.string().min(1),
  title: z.string().min(1),
  /** The 目标任务 paragraph, whitespace-normalised. */
  goals: z.string().min(1),
  goalsClauses: z.array(ClauseSchema).min(1),
  /** Numbers of this area's measures, in order. */
  measureNumbers: z.array(z.number().int().positive()).min(1),
  line: z.number().int().positive(),
});
export type Area = z.infer<typeof AreaSchema>;

export const PlanSchema = z
  .object({
    title: z.string().min(1),
    year: z.number().int().min(1949).max(2100),
    preamble: z.string(),
    areas: z.array(AreaSchema).min(1),
    measures: z.array(MeasureSchema).min(1),
  })
  .superRefine((plan, ctx) => {
    plan.areas.forEach((area, i) => {
      if (area.number !== i + 1) ctx.addIssue({ code: 'custom', message: `area ${i + 1} is numbered ${area.number}` });
    });
    plan.measures.forEach((measure, i) => {
      if (measure.number !== i + 1) {
        ctx.addIssue({ code: 'custom', message: `measure ${i + 1} is numbered ${measure.number}` });
      }
      if (!plan.areas.some((a) => a.number === measure.area)) {
        ctx.addIssue({ code: 'custom', message: `measure ${measure.number} names unknown area ${measure.area}` });
      }
    });
  });
export type Plan = z.infer<typeof PlanSchema>;
