/**
 * The plan as data. Every parsed document passes through these schemas, so the rest of the
 * program can rely on the invariants written here (consecutive numbering, measures inside areas,
 * sub-sections inside their area).
 *
 * One schema serves the whole family of annual plans. What only some layouts have is optional:
 * an area's 目标任务 paragraph (2014), sub-sections `（一）…` (multi-year plans), the units
 * responsible closing a measure (2015 on), the issuing notice before the title.
 */
import { z } from 'zod';

export const ClauseSchema = z.string().min(1);

/**
 * The units responsible for a measure, from the parenthetical that closes it:
 * `（商务部、版权局按职责分别负责）`, `（知识产权局牵头，工商总局、版权局参与）`. The first unit
 * named leads by convention; the others take part.
 */
export const UnitsResponsibleSchema = z.object({
  lead: z.string().min(1),
  participants: z.array(z.string().min(1)),
  /** The parenthetical exactly as written, brackets included; it stays part of the measure's `text`. */
  text: z.string().min(1),
  /** 1-based line in the file where the parenthetical starts (a later line when the measure runs on). */
  line: z.number().int().positive().optional(),
});
export type UnitsResponsible = z.infer<typeof UnitsResponsibleSchema>;

export const MeasureSchema = z.object({
  /** 1-based number as printed in the plan (`42．…`). */
  number: z.number().int().positive(),
  /** Number of the area (一…七 → 1…7) the measure belongs to. */
  area: z.number().int().positive(),
  /** Number of the sub-section (`（一）…` → 1) within the area, when the area has sub-sections. */
  section: z.number().int().positive().optional(),
  /**
   * The measure's text exactly as written, without its `N．` prefix. A closing units
   * parenthetical stays in it (and in `displayText` and `clauses`): it is part of what the plan
   * says, and a question naming a ministry should find it. `units` reads it apart.
   */
  text: z.string().min(1),
  /** The same text with whitespace runs removed or folded, for display and search. */
  displayText: z.string().min(1),
  /** `displayText` split into clauses at `，；。` outside brackets; joined they give `displayText`. */
  clauses: z.array(ClauseSchema).min(1),
  /** The units responsible, when the measure closes with them. */
  units: UnitsResponsibleSchema.optional(),
  /** 1-based line in the seed file where the measure starts. */
  line: z.number().int().positive(),
});
export type Measure = z.infer<typeof MeasureSchema>;

/** A sub-section `（一）完善…` inside an area; measures run on through sub-sections uninterrupted. */
export const PlanSectionSchema = z.object({
  /** 1-based within its area: `（一）` → 1. */
  number: z.number().int().positive(),
  /** The Chinese numeral of the heading: 一, 二, … */
  numeral: z.string().min(1),
  title: z.string().min(1),
  /** Numbers of this sub-section's measures, in order. */
  measureNumbers: z.array(z.number().int().positive()).min(1),
  line: z.number().int().positive(),
});

export const AreaSchema = z.object({
  number: z.number().int().positive(),
  /** The Chinese numeral of the heading: 一, 二, … */
  numeral: z.string().min(1),
  title: z.string().min(1),
  /** The 目标任务 paragraph, whitespace-normalised; absent in layouts without one. */
  goals: z.string().min(1).optional(),
  /** `goals` split into clauses; present exactly when `goals` is. */
  goalsClauses: z.array(ClauseSchema).min(1).optional(),
  /** The area's sub-sections, when it has any; together they hold all its measures. */
  sections: z.array(PlanSectionSchema).min(1).optional(),
  /** Numbers of this area's measures, in order. */
  measureNumbers: z.array(z.number().int().positive()).min(1),
  line: z.number().int().positive(),
});
export type Area = z.infer<typeof AreaSchema>;

/** A plan's id is its year as written in the title, normalised: `2014`, `2021-2022`. */
const PLAN_ID = /^[0-9]{4}(?:-[0-9]{4})?$/u;

const YearSchema = z.number().int().min(1949).max(2100);

export const PlanSchema = z
  .object({
    /** `2014` for a one-year plan, `2021-2022` for a plan over several years. */
    id: z.string().regex(PLAN_ID),
    title: z.string().min(1),
    /** The first and last year the plan covers; the same year twice for a one-year plan. */
    years: z.tuple([YearSchema, YearSchema]),
    /** The first year: kept for everything written when there was one plan of one year. */
    year: YearSchema,
    /** The issuing notice that came before the title, whitespace-normalised, if the file has one. */
    notice: z.string().min(1).optional(),
    preamble: z.string(),
    areas: z.array(AreaSchema).min(1),
    measures: z.array(MeasureSchema).min(1),
  })
  .superRefine((plan, ctx) => {
    const [first, last] = plan.years;
    if (plan.year !== first) ctx.addIssue({ code: 'custom', message: `year ${plan.year} is not the first of years ${first}–${last}` });
    if (last < first) ctx.addIssue({ code: 'custom', message: `years ${first}–${last} run backwards` });
    const id = first === last ? String(first) : `${first}-${last}`;
    if (plan.id !== id) ctx.addIssue({ code: 'custom', message: `id ${plan.id} does not match years ${first}–${last}` });
    plan.areas.forEach((area, i) => {
      if (area.number !== i + 1) ctx.addIssue({ code: 'custom', message: `area ${i + 1} is numbered ${area.number}` });
      if ((area.goals === undefined) !== (area.goalsClauses === undefined)) {
        ctx.addIssue({ code: 'custom', message: `area ${area.number} has goals without their clauses or clauses without goals` });
      }
      area.sections?.forEach((section, j) => {
        if (section.number !== j + 1) ctx.addIssue({ code: 'custom', message: `area ${area.number}: sub-section ${j + 1} is numbered ${section.number}` });
      });
      const inSections = area.sections?.flatMap((s) => s.measureNumbers);
      if (inSections && inSections.join() !== area.measureNumbers.join()) {
        ctx.addIssue({ code: 'custom', message: `area ${area.number}: its sub-sections do not hold exactly its measures` });
      }
    });
    plan.measures.forEach((measure, i) => {
      if (measure.number !== i + 1) {
        ctx.addIssue({ code: 'custom', message: `measure ${i + 1} is numbered ${measure.number}` });
      }
      const area = plan.areas.find((a) => a.number === measure.area);
      if (!area) {
        ctx.addIssue({ code: 'custom', message: `measure ${measure.number} names unknown area ${measure.area}` });
      } else if (measure.section !== undefined && !area.sections?.some((s) => s.number === measure.section)) {
        ctx.addIssue({ code: 'custom', message: `measure ${measure.number} names unknown sub-section ${measure.section} of area ${measure.area}` });
      }
    });
  });
export type Plan = z.infer<typeof PlanSchema>;
