/**
 * The action ids of every button the app renders, and the values they carry, validated with zod
 * when a click comes back (a click payload is input like any other). Values stay well under
 * Slack's 2,000-character limit: questions are cut to {@link MAX_CARRIED_QUESTION}.
 */
import { z } from 'zod';
import { MAX_BUTTON_VALUE, truncate } from './slack-limits.js';

export const ACTION = {
  measurePrevious: 'measure_previous',
  measureNext: 'measure_next',
  openMeasure: 'measure_open',
  share: 'share_to_channel',
  moreResults: 'more_results',
  feedback: 'answer_feedback',
  feedbackHelpful: 'answer_feedback_helpful',
  feedbackNotHelpful: 'answer_feedback_not_helpful',
  /** 更新进展: opens the modal (coordinators only). */
  progressEdit: 'progress_edit',
  /** 历史: a measure's progress history. */
  progressHistory: 'progress_history',
  /** 查看 on the dashboard and in its windows: a measure, or an area, in a modal. */
  progressMeasure: 'progress_open_measure',
  progressArea: 'progress_open_area',
  /** 问协调办: passes a question the plan is silent on to the coordination office. */
  escalate: 'escalate_to_office',
  /** 存为标准答复, in the office's thread under a relayed reply (coordinators only). */
  saveStandardAnswer: 'standard_answer_save',
  /** 关闭（不存）: closes an escalation without saving its answer (coordinators only). */
  closeEscalation: 'escalation_close',
  /** 修改 on App Home: a standard answer in a form (coordinators only). */
  editStandardAnswer: 'standard_answer_edit',
} as const;

/** Questions carried in buttons are cut to this length (the rest of the value is small). */
export const MAX_CARRIED_QUESTION = 400;

/** `p`: the plan the measure is from (`2014`); absent: the current plan. */
const PlanIdSchema = z
  .string()
  .regex(/^[0-9]{4}(?:-[0-9]{4})?$/u)
  .optional();

export const MeasureValueSchema = z.object({ n: z.number().int().positive(), p: PlanIdSchema });
export type MeasureValue = z.infer<typeof MeasureValueSchema>;

export const ShareValueSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('question'), q: z.string().min(1) }),
  z.object({ k: z.literal('measure'), n: z.number().int().positive(), p: PlanIdSchema }),
  z.object({ k: z.literal('range'), from: z.number().int().positive(), to: z.number().int().positive(), p: PlanIdSchema }),
  z.object({ k: z.literal('area'), n: z.number().int().positive(), p: PlanIdSchema }),
]);
export type ShareValue = z.infer<typeof ShareValueSchema>;

export const AreaValueSchema = z.object({ a: z.number().int().positive(), p: PlanIdSchema });
export type AreaValue = z.infer<typeof AreaValueSchema>;

export const MoreValueSchema = z.object({ q: z.string().min(1) });
export type MoreValue = z.infer<typeof MoreValueSchema>;

export const FeedbackValueSchema = z.object({
  v: z.enum(['up', 'down']),
  q: z.string(),
  m: z.array(z.number().int().positive()).max(20),
});
export type FeedbackValue = z.infer<typeof FeedbackValueSchema>;

/** 问协调办: the question, the measures the answer showed, and the asker's thread (channel and thread ts). */
export const EscalateValueSchema = z.object({
  q: z.string().min(1),
  m: z.array(z.number().int().positive()).max(20),
  c: z.string().regex(/^[CDG][A-Z0-9]+$/u),
  t: z.string().regex(/^\d+\.\d+$/u),
});
export type EscalateValue = z.infer<typeof EscalateValueSchema>;

/** 存为标准答复: the escalation and the reply (its ts); 关闭: the escalation alone. */
export const SaveStandardValueSchema = z.object({ e: z.number().int().positive(), r: z.string().regex(/^\d+\.\d+$/u) });
export type SaveStandardValue = z.infer<typeof SaveStandardValueSchema>;
export const EscalationValueSchema = z.object({ e: z.number().int().positive() });
export type EscalationValue = z.infer<typeof EscalationValueSchema>;
/** 修改 on App Home: the standard answer. */
export const StandardAnswerValueSchema = z.object({ s: z.number().int().positive() });
export type StandardAnswerValue = z.infer<typeof StandardAnswerValueSchema>;

/**
 * Encodes a value as JSON, with any question cleaned (control and format characters and broken
 * surrogates would each cost a six-character escape) and cut until the encoded whole fits a button.
 */
export function encodeValue(
  value: MeasureValue | AreaValue | ShareValue | MoreValue | FeedbackValue | EscalateValue | SaveStandardValue | EscalationValue | StandardAnswerValue,
): string {
  if (!('q' in value)) return JSON.stringify(value);
  const cleaned = value.q
    .toWellFormed()
    .replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ')
    .trim();
  let question = truncate(cleaned, MAX_CARRIED_QUESTION);
  for (;;) {
    const json = JSON.stringify({ ...value, q: question });
    if (json.length <= MAX_BUTTON_VALUE) return json;
    question = truncate(question, Math.floor(question.length * 0.8));
  }
}

/** Decodes a button value with `schema`; undefined when it is not one of ours. */
export function decodeValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
