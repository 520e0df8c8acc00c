/** The 更新进展 and 标准答复 windows as Slack submits them (`view_submission`), parsed with zod. */
import { z } from 'zod';
import {
  IN_USE,
  RETIRED,
  STANDARD_ANSWER_INPUTS,
  StandardAnswerFormMetadataSchema,
  type StandardAnswerFormMetadata,
} from '../../render/blocks/standard-answer-modal.js';
import type { ProgressInput } from '../../core/progress/progress-input.js';
import { PROGRESS_INPUTS, ProgressFormMetadataSchema, type ProgressFormMetadata } from '../../render/blocks/progress-modal.js';

/** One input's state in a submitted view: text, a selected option or a date (null when left empty). */
const ViewValueSchema = z.object({
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_date: z.string().nullish(),
});

/** A submitted view (`view_submission`). */
const ViewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string() }),
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), ViewValueSchema)) }),
  }),
});

export interface ProgressSubmission {
  userId: string;
  form: ProgressFormMetadata;
  /** Every field of the form, as typed ('' when left empty). */
  input: Required<ProgressInput>;
}

/** The 更新进展 form as submitted; undefined when the payload is not one (or not ours). */
export function readProgressSubmission(body: unknown): ProgressSubmission | undefined {
  const parsed = ViewSubmissionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  let metadata: unknown;
  try {
    metadata = JSON.parse(parsed.data.view.private_metadata);
  } catch {
    return undefined;
  }
  const form = ProgressFormMetadataSchema.safeParse(metadata);
  if (!form.success) return undefined;
  // Inputs are found by action id: their block ids carry the version the form was opened on.
  const byAction = new Map(Object.values(parsed.data.view.state.values).flatMap((block) => Object.entries(block)));
  const text = (actionId: string): string => {
    const state = byAction.get(actionId);
    return state?.selected_option?.value ?? state?.selected_date ?? state?.value ?? '';
  };
  return {
    userId: parsed.data.user.id,
    form: form.data,
    input: {
      status: text(PROGRESS_INPUTS.status),
      lead: text(PROGRESS_INPUTS.lead),
      participants: text(PROGRESS_INPUTS.participants),
      due: text(PROGRESS_INPUTS.due),
      note: text(PROGRESS_INPUTS.note),
    },
  };
}

export interface StandardAnswerSubmission {
  userId: string;
  form: StandardAnswerFormMetadata;
  text: string;
  /** The measure numbers typed (any separators); undefined when something else was typed. */
  measures: number[] | undefined;
  retired: boolean;
}

/** The 标准答复 window as submitted; undefined when the payload is not one. */
export function readStandardAnswerSubmission(body: unknown): StandardAnswerSubmission | undefined {
  const parsed = ViewSubmissionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  let metadata: unknown;
  try {
    metadata = JSON.parse(parsed.data.view.private_metadata);
  } catch {
    return undefined;
  }
  const form = StandardAnswerFormMetadataSchema.safeParse(metadata);
  if (!form.success) return undefined;
  const byAction = new Map(Object.values(parsed.data.view.state.values).flatMap((block) => Object.entries(block)));
  const state = byAction.get(STANDARD_ANSWER_INPUTS.state)?.selected_option?.value;
  if (state !== IN_USE && state !== RETIRED) return undefined;
  const typed = byAction.get(STANDARD_ANSWER_INPUTS.measures)?.value ?? '';
  const measures = /^[\d\s、,，;；第条和]*$/u.test(typed) ? [...typed.matchAll(/\d{1,6}/gu)].map((m) => Number(m[0])) : undefined;
  return { userId: parsed.data.user.id, form: form.data, text: byAction.get(STANDARD_ANSWER_INPUTS.text)?.value ?? '', measures, retired: state === RETIRED };
}
