/**
 * What the listeners read from Slack's payloads, parsed with zod rather than cast: a payload is
 * input like any other, and one that lacks what a listener needs is ignored, not trusted. Bolt's
 * own types describe what Slack should send; these describe what this app relies on.
 */
import type { RespondFn } from '@slack/bolt';
import { z } from 'zod';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import type { ProgressInput } from '../../core/progress/progress-input.js';
import { PROGRESS_INPUTS, ProgressFormMetadataSchema, type ProgressFormMetadata } from '../../render/blocks/progress-modal.js';

/** A click on a button or a feedback button (`block_actions`). */
const BlockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ value: z.string().optional() })).min(1),
  container: z.object({ type: z.string().optional(), is_ephemeral: z.boolean().optional() }).optional(),
  trigger_id: z.string().optional(),
  /** Present when the button is in a view (the Home tab, a modal). */
  view: z.object({ type: z.string() }).optional(),
});

export interface Click {
  userId: string;
  /** The clicked element's value, if it had one. */
  value?: string;
  /** Whether the clicked message was shown only to the clicker. */
  ephemeral: boolean;
  /** For opening a modal in answer to the click. */
  triggerId?: string;
  /** Where the button was: a message, the Home tab, or a modal (a new window is pushed over it). */
  surface: 'message' | 'home' | 'modal';
}

export function readClick(body: unknown): Click | undefined {
  const parsed = BlockActionSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { data } = parsed;
  const value = data.actions[0]?.value;
  const surface = data.view?.type === 'modal' ? 'modal' : data.view?.type === 'home' ? 'home' : 'message';
  return { userId: data.user.id, ...(value !== undefined ? { value } : {}), ephemeral: data.container?.is_ephemeral === true, ...(data.trigger_id ? { triggerId: data.trigger_id } : {}), surface };
}

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

/** The part of a slash command the app reads. */
export const SlashCommandSchema = z.object({
  command: z.string(),
  text: z.string(),
  user_id: z.string(),
  channel_id: z.string(),
});

/** A message or mention event, as far as answering it goes. */
export const MessageEventSchema = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel: z.string(),
  channel_type: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/** An answer shown only to the person who asked, as it goes in a slash command's acknowledgement. */
export type PrivateReply = { response_type: 'ephemeral'; text: string; blocks?: SlackMessage['blocks'] };

export function privateReply(message: SlackMessage | string): PrivateReply {
  return typeof message === 'string' ? { response_type: 'ephemeral', text: message } : { response_type: 'ephemeral', ...message };
}

/** How a listener tells the person it is serving something only they see. */
export function privately(respond: RespondFn): (text: string) => Promise<unknown> {
  return (text) => respond({ response_type: 'ephemeral', replace_original: false, text });
}
