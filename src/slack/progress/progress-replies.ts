/**
 * What a person is shown for each outcome of reading or updating the progress record: replies to
 * `/progress`, and the acknowledgement of a submitted 更新进展 form (a new window, or errors
 * shown beside the fields that caused them).
 */
import type { ViewResponseAction } from '@slack/bolt';
import type { ProgressCommand } from '../../core/progress/progress-command.js';
import { PROGRESS_FIELDS, type ProgressField } from '../../core/progress/progress-schema.js';
import { context } from '../../render/blocks/block-kit.js';
import { renderMeasureCard } from '../../render/blocks/measure-card.js';
import { renderHistory, renderNotice, renderRefusal, savedNotice } from '../../render/blocks/progress-blocks.js';
import { progressBlockId, renderProgressForm, renderRefusalModal, renderSavedModal, renderUnchangedModal } from '../../render/blocks/progress-modal.js';
import { fallbackText } from '../../render/blocks/mrkdwn.js';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import { renderUsage, USAGE } from '../../render/blocks/usage-blocks.js';
import type { Outcome } from '../acknowledged-work.js';
import type { SlackDeps } from '../deps.js';
import type { DeskOutcome } from './progress-desk.js';

/** A submitted form as far as its acknowledgement goes: which measure and version, and the note typed. */
export interface SubmittedForm {
  form: { n: number; v: number };
  input: { note: string };
}

export interface Reply {
  message: SlackMessage;
  outcome: Outcome;
}

/** A measure's card with its record, for `viewer`; undefined for a number the plan does not have. */
export async function measureCardMessage(deps: SlackDeps, number: number, viewer: string | undefined, options: { shareable: boolean }): Promise<SlackMessage | undefined> {
  const measure = deps.answering.measureCard(number);
  if (!measure) return undefined;
  return renderMeasureCard(measure, deps.answering.source, { ...options, progress: await deps.progress.card(number, viewer) });
}

const SAVE_RACE = '有人同时在更新这条措施，这次没有保存。请用 /progress 再试一次。';
const NOT_SAVED = '进展没有保存，没有做任何更改：记录暂时写不进去。请稍后再试；如果一直这样，请联系管理员。';

function fieldErrors(errors: Partial<Record<ProgressField, string>>): string {
  return Object.values(errors).join('\n');
}

/** `/progress …` from `userId`. */
export async function progressCommandReply(deps: SlackDeps, command: ProgressCommand, userId: string): Promise<Reply> {
  switch (command.type) {
    case 'usage':
      return { message: renderUsage(USAGE.progress), outcome: { outcome: 'usage' } };
    case 'invalid':
      return { message: renderNotice(command.message), outcome: { outcome: 'invalid' } };
    case 'show': {
      const card = await measureCardMessage(deps, command.measure, userId, { shareable: true });
      return card ? { message: card, outcome: { outcome: 'shown', measure: command.measure } } : { message: renderNotice('没有这条措施。'), outcome: { outcome: 'invalid' } };
    }
    case 'history':
      return { message: renderHistory(command.measure, await deps.progress.history(command.measure)), outcome: { outcome: 'history', measure: command.measure } };
    case 'update': {
      let result: DeskOutcome;
      try {
        result = await deps.progress.update(userId, '/progress', { measure: command.measure, input: command.input });
      } catch (error) {
        deps.logger.error({ err: error, kind: 'progress', user: userId, measure: command.measure }, 'a progress update could not be saved');
        return { message: renderNotice(NOT_SAVED), outcome: { outcome: 'not-saved', measure: command.measure } };
      }
      return { message: await updateMessage(deps, command.measure, userId, result), outcome: { outcome: result.outcome, measure: command.measure } };
    }
  }
}

async function updateMessage(deps: SlackDeps, measure: number, userId: string, result: DeskOutcome): Promise<SlackMessage> {
  switch (result.outcome) {
    case 'refused':
      return renderRefusal(deps.progress.contacts);
    case 'invalid':
      return renderNotice(fieldErrors(result.errors));
    case 'unknown-measure':
      return renderNotice(result.message);
    case 'stale':
      return renderNotice(SAVE_RACE);
    case 'unchanged':
    case 'updated': {
      const card = await measureCardMessage(deps, measure, userId, { shareable: true });
      const notice = result.outcome === 'updated' ? savedNotice(measure, result.record.version, result.changes) : context('和已登记的内容相同，没有保存新的版本。');
      return { text: fallbackText(result.outcome === 'updated' ? `已登记第 ${measure} 条的推进情况` : '没有更改'), blocks: [notice, ...(card?.blocks ?? [])] };
    }
  }
}

/** The acknowledgement of a submitted form: what the window shows next, or errors beside fields. */
export function formAcknowledgement(deps: SlackDeps, submission: SubmittedForm, result: DeskOutcome): ViewResponseAction {
  const { n, v } = submission.form;
  switch (result.outcome) {
    case 'refused':
      return { response_action: 'update', view: renderRefusalModal(deps.progress.contacts) };
    case 'invalid': {
      const errors: Record<string, string> = {};
      for (const field of PROGRESS_FIELDS) {
        const message = result.errors[field];
        if (message) errors[progressBlockId(field, v)] = message;
      }
      return { response_action: 'errors', errors };
    }
    case 'unknown-measure':
      return { response_action: 'errors', errors: { [progressBlockId('status', v)]: result.message } };
    case 'stale': {
      const measure = deps.answering.measureCard(n);
      const draftNote = submission.input.note.trim();
      return {
        response_action: 'update',
        view: renderProgressForm({ measure: { number: n, text: measure?.text ?? '' }, ...(result.current ? { record: result.current } : {}), stale: true, ...(draftNote ? { draftNote } : {}) }),
      };
    }
    case 'unchanged':
      return { response_action: 'update', view: renderUnchangedModal(n) };
    case 'updated':
      return { response_action: 'update', view: renderSavedModal(result.record, result.changes) };
  }
}

/** What the form says when saving failed outright (the store could not be written). */
export function formFailure(submission: SubmittedForm): ViewResponseAction {
  return { response_action: 'errors', errors: { [progressBlockId('status', submission.form.v)]: '保存失败，没有做任何更改。请稍后再试；如果一直这样，请联系管理员。' } };
}

