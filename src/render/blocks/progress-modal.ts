/**
 * The windows (modals) of the progress record: the 更新进展 form, what it turns into after a
 * save, a refusal, a stale edit, and — for the dashboard, which has no message to reply in —
 * a measure's card, its history and an area's measures.
 *
 * The form carries the measure and the version it was opened on in `private_metadata`, so a
 * submission made after someone else saved is recognised. Its block ids carry the version too:
 * Slack keeps what was typed in an input whose block id stays the same across an update, so a
 * form refreshed with newer values must use new block ids to show them.
 */
import { z } from 'zod';
import type { MeasureResult, PlanSource, AreaRef } from '../../core/answer/answer-schema.js';
import type { MeasureLine, StatusCounts } from '../../core/progress/progress-overview.js';
import {
  MAX_NOTE_LENGTH,
  MAX_UNIT_LENGTH,
  MAX_UNITS,
  PROGRESS_STATUSES,
  UNIT_SEPARATOR,
  type ProgressChange,
  type ProgressField,
  type ProgressRecord,
} from '../../core/progress/progress-schema.js';
import { measureLabel } from '../answer-parts.js';
import { ACTION } from './action-values.js';
import { actions, context, input, section } from './block-kit.js';
import { measureCardBlocks } from './measure-card.js';
import { bold, escapeMrkdwn } from './mrkdwn.js';
import {
  UNVERIFIED_TEXT,
  author,
  countsLine,
  historyBlocks,
  measureLineBlock,
  progressBlocks,
  progressButtons,
  refusalText,
  savedNotice,
} from './progress-blocks.js';
import type { CardProgress, Contacts } from '../../core/progress/record-view.js';
import { MAX_MODAL_TITLE, MAX_PLACEHOLDER, MAX_PRIVATE_METADATA, MAX_TEXT_INPUT_LENGTH, MAX_VIEW_BLOCKS, truncate } from './slack-limits.js';
import type { Block, ModalView } from './slack-message.js';

/** The form's callback id: what the submission listener is registered for. */
export const PROGRESS_FORM = 'progress_form';

/** Action ids of the form's inputs (one per field). */
export const PROGRESS_INPUTS: Readonly<Record<ProgressField, string>> = {
  status: 'progress_status',
  lead: 'progress_lead',
  participants: 'progress_participants',
  due: 'progress_due',
  note: 'progress_note',
};

/** What the form carries: the measure and the version it was opened on. */
export const ProgressFormMetadataSchema = z.object({ n: z.number().int().positive(), v: z.number().int().nonnegative() });
export type ProgressFormMetadata = z.infer<typeof ProgressFormMetadataSchema>;

/** A list of units fits: every unit at its longest, with a separator each. */
export const UNITS_INPUT_LENGTH = Math.min(MAX_TEXT_INPUT_LENGTH, MAX_UNITS * (MAX_UNIT_LENGTH + 1));

/** The block id of a field's input in the form opened on `version`. */
export function progressBlockId(field: ProgressField, version: number): string {
  return `progress_${field}_v${version}`;
}

function plain(text: string, max = MAX_MODAL_TITLE) {
  return { type: 'plain_text' as const, text: truncate(text, max), emoji: false };
}

function modal(title: string, blocks: Block[], options: { submit?: string; callbackId?: string; metadata?: string; close?: string } = {}): ModalView {
  if (options.metadata && options.metadata.length > MAX_PRIVATE_METADATA) throw new RangeError('private_metadata too long');
  return {
    type: 'modal',
    title: plain(title),
    close: plain(options.close ?? '关闭'),
    ...(options.submit ? { submit: plain(options.submit) } : {}),
    ...(options.callbackId ? { callback_id: options.callbackId } : {}),
    ...(options.metadata ? { private_metadata: options.metadata } : {}),
    blocks: blocks.slice(0, MAX_VIEW_BLOCKS),
  };
}

export interface ProgressFormInput {
  /** The measure and its text (shown, shortened, at the top). */
  measure: { number: number; text: string };
  record?: ProgressRecord;
  /** Set when a submission was refused because someone else saved first: who and when is shown. */
  stale?: boolean;
  /** A note typed before the form was refreshed, kept so it is not lost. */
  draftNote?: string;
}

/** The 更新进展 form, filled with the record's current values. */
export function renderProgressForm({ measure, record, stale, draftNote }: ProgressFormInput): ModalView {
  const version = record?.version ?? 0;
  const options = PROGRESS_STATUSES.map((s) => ({ text: plain(s, 75), value: s }));
  const current = record?.status ? options.find((o) => o.value === record.status) : undefined;
  const blocks: Block[] = [context(`${bold(measureLabel(measure.number))}　${escapeMrkdwn(truncate(measure.text, 200))}`)];
  if (stale) {
    const who = record ? `${author(record.updatedBy)} 于 ${record.updatedDate} ${record.updatedTime}` : '其他人';
    blocks.push(
      section(
        `:warning: 你打开这个窗口后，${who}更新了本条（第 ${version} 版），你的修改没有保存。下面已换成最新内容${draftNote ? '，你写的进展说明保留在下方' : ''}；请核对后再保存。`,
      ),
    );
  } else if (record) {
    blocks.push(context(`第 ${version} 版 · ${record.updatedDate} ${record.updatedTime} 由 ${author(record.updatedBy)} 更新`));
  }
  blocks.push(
    input(progressBlockId('status', version), '状态', {
      type: 'static_select',
      action_id: PROGRESS_INPUTS.status,
      placeholder: plain('选择状态', MAX_PLACEHOLDER),
      options,
      ...(current ? { initial_option: current } : {}),
    }),
    input(
      progressBlockId('lead', version),
      '牵头单位',
      {
        type: 'plain_text_input',
        action_id: PROGRESS_INPUTS.lead,
        max_length: UNITS_INPUT_LENGTH,
        placeholder: plain('例如：海关总署', MAX_PLACEHOLDER),
        ...(record?.lead.length ? { initial_value: record.lead.join(UNIT_SEPARATOR) } : {}),
      },
      { optional: true, hint: `多个单位用顿号（、）分隔，每个不超过 ${MAX_UNIT_LENGTH} 字；清空即删除。` },
    ),
    input(
      progressBlockId('participants', version),
      '参与单位',
      {
        type: 'plain_text_input',
        action_id: PROGRESS_INPUTS.participants,
        max_length: UNITS_INPUT_LENGTH,
        placeholder: plain('例如：公安部、国家知识产权局', MAX_PLACEHOLDER),
        ...(record?.participants.length ? { initial_value: record.participants.join(UNIT_SEPARATOR) } : {}),
      },
      { optional: true },
    ),
    input(
      progressBlockId('due', version),
      '截止日期',
      {
        type: 'datepicker',
        action_id: PROGRESS_INPUTS.due,
        placeholder: plain('选择日期', MAX_PLACEHOLDER),
        ...(record?.due ? { initial_date: record.due } : {}),
      },
      { optional: true, hint: `要清除截止日期，请用 /progress ${measure.number} 截止 无。` },
    ),
    input(
      progressBlockId('note', version),
      '本次进展',
      {
        type: 'plain_text_input',
        action_id: PROGRESS_INPUTS.note,
        multiline: true,
        max_length: MAX_NOTE_LENGTH,
        placeholder: plain('例如：本周完成海关系统联调', MAX_PLACEHOLDER),
        ...(draftNote ? { initial_value: draftNote } : {}),
      },
      { optional: true, hint: `不超过 ${MAX_NOTE_LENGTH} 字；登记后连同日期和登记人一起保存在历史里。` },
    ),
  );
  return modal(`更新进展 · ${measureLabel(measure.number).replace(/ /gu, '')}`, blocks, {
    submit: '保存',
    close: '取消',
    callbackId: PROGRESS_FORM,
    metadata: JSON.stringify({ n: measure.number, v: version } satisfies ProgressFormMetadata),
  });
}

/** What the form turns into after a save: what changed, and the record now. */
export function renderSavedModal(record: ProgressRecord, changes: ReadonlyArray<Pick<ProgressChange, 'field' | 'before' | 'after'>>): ModalView {
  return modal('已保存', [savedNotice(record.measure, record.version, changes), ...progressBlocks(record)]);
}

/** A save that changed nothing. */
export function renderUnchangedModal(number: number): ModalView {
  return modal('没有更改', [section(`${measureLabel(number)}的内容和登记的一样，没有保存新的版本。`)]);
}

export function renderRefusalModal(contacts: Contacts): ModalView {
  return modal('没有权限', [section(`:lock: ${refusalText(contacts)}`)]);
}

/** A short notice in a window (from Home, which has nowhere else to answer). */
export function renderNoticeModal(text: string): ModalView {
  return modal('请稍后再试', [section(escapeMrkdwn(text))]);
}

/** When whether the clicker is a coordinator could not be settled in time. */
export function renderUnverifiedModal(): ModalView {
  return renderNoticeModal(UNVERIFIED_TEXT);
}

/** A measure's card in a window (from the dashboard): no 上一条/下一条/发到频道, which need a message. */
export function renderMeasureModal(measure: MeasureResult, source: PlanSource, progress: CardProgress): ModalView {
  const buttons = progressButtons(measure.number, progress);
  return modal(measureLabel(measure.number).replace(/ /gu, ''), [
    ...measureCardBlocks(measure, source, progress),
    ...(buttons.length > 0 ? [actions(`measure_modal_${measure.number}`, ...buttons)] : []),
  ]);
}

export function renderHistoryModal(number: number, changes: readonly ProgressChange[]): ModalView {
  return modal(`推进记录 · ${measureLabel(number).replace(/ /gu, '')}`, historyBlocks(number, changes, MAX_VIEW_BLOCKS));
}

/** An area's measures with their status (a click on the dashboard); each opens its card. */
export function renderAreaModal(area: AreaRef, counts: StatusCounts, measures: readonly MeasureLine[]): ModalView {
  return modal(`${area.numeral}、${area.title}`, [
    section(`${bold(`${area.numeral}、${area.title}`)}（第 ${area.firstMeasure}–${area.lastMeasure} 条）\n${countsLine(counts)}`),
    ...measures.map((line) => measureLineBlock(line, ACTION.progressMeasure)),
    context('推进情况由协调办登记；未登记的措施计划原文未列明牵头单位和进度。'),
  ]);
}
