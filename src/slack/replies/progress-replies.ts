/**
 * What a person is shown in Slack for each outcome of reading or updating the implementation
 * record: replies to `/progress`, and the acknowledgement of a submitted 更新进展 form (a new
 * window, or errors shown beside the fields that caused them). Pure functions of the
 * application's results.
 */
import type { ViewResponseAction } from '@slack/bolt';
import type { DeskOutcome, MeasureCard, ProgressCommandResult, UpdateResult } from '../../app/progress/progress-desk.js';
import { PROGRESS_FIELDS, type ProgressField } from '../../core/progress/progress-schema.js';
import { RECORD_UNAVAILABLE, type Contacts } from '../../core/progress/record-view.js';
import { context } from '../../render/blocks/block-kit.js';
import { renderMeasureCard } from '../../render/blocks/measure-card.js';
import { fallbackText } from '../../render/blocks/mrkdwn.js';
import { renderHistory, renderNotice, renderRefusal, savedNotice, UNVERIFIED_TEXT } from '../../render/blocks/progress-blocks.js';
import { progressBlockId, renderProgressForm, renderRefusalModal, renderSavedModal, renderUnchangedModal } from '../../render/blocks/progress-modal.js';
import type { SlackMessage } from '../../render/blocks/slack-message.js';
import { renderUsage, USAGE } from '../../render/blocks/usage-blocks.js';
import type { Outcome } from '../intake/acknowledged-work.js';

/** A submitted form as far as its acknowledgement goes: which measure and version, and the note typed. */
export interface SubmittedForm {
  form: { n: number; v: number };
  input: { note: string };
}

export interface Reply {
  message: SlackMessage;
  outcome: Outcome;
}

const SAVE_RACE = '有人同时在更新这条措施，这次没有保存。请用 /progress 再试一次。';
const NOT_SAVED = '进展没有保存，没有做任何更改：记录暂时写不进去。请稍后再试；如果一直这样，请联系管理员。';
const NO_SUCH_MEASURE = '没有这条措施。';
const FORM_NOT_SAVED = '保存失败，没有做任何更改。请稍后再试；如果一直这样，请联系管理员。';

/** A measure's card with its record. */
export function cardMessage(card: MeasureCard, options: { shareable: boolean }): SlackMessage {
  return renderMeasureCard(card.measure, card.source, { ...options, progress: card.progress });
}

function fieldErrors(errors: Partial<Record<ProgressField, string>>): string {
  return Object.values(errors).join('\n');
}

function updateMessage(measure: number, { result, card }: UpdateResult, contacts: Contacts): SlackMessage {
  switch (result.outcome) {
    case 'refused':
      return renderRefusal(contacts);
    case 'unverified':
      return renderNotice(UNVERIFIED_TEXT);
    case 'not-saved':
      return renderNotice(NOT_SAVED);
    case 'invalid':
      return renderNotice(fieldErrors(result.errors));
    case 'unknown-measure':
      return renderNotice(result.message);
    case 'stale':
      return renderNotice(SAVE_RACE);
    case 'unchanged':
    case 'updated': {
      const notice =
        result.outcome === 'updated' ? savedNotice(measure, result.record.version, result.changes) : context('和已登记的内容相同，没有保存新的版本。');
      const blocks = card ? cardMessage(card, { shareable: true }).blocks : [];
      return { text: fallbackText(result.outcome === 'updated' ? `已登记第 ${measure} 条的推进情况` : '没有更改'), blocks: [notice, ...blocks] };
    }
  }
}

/** The reply to `/progress …`. */
export function progressCommandReply(result: ProgressCommandResult, contacts: Contacts): Reply {
  switch (result.type) {
    case 'usage':
      return { message: renderUsage(USAGE.progress), outcome: { outcome: 'usage' } };
    case 'invalid':
      return { message: renderNotice(result.message), outcome: { outcome: 'invalid' } };
    case 'no-such-plan':
      return {
        message: renderNotice(`没有${result.label}的推进计划（现有：${result.held.map((y) => `${y}年`).join('、')}）。`),
        outcome: { outcome: 'no-such-plan' },
      };
    case 'show':
      return result.card
        ? { message: cardMessage(result.card, { shareable: true }), outcome: { outcome: 'shown', measure: result.measure } }
        : { message: renderNotice(NO_SUCH_MEASURE), outcome: { outcome: 'invalid' } };
    case 'history':
      return result.read.type === 'history'
        ? { message: renderHistory(result.measure, result.read.changes), outcome: { outcome: 'history', measure: result.measure } }
        : { message: renderNotice(RECORD_UNAVAILABLE), outcome: { outcome: 'record-unavailable', measure: result.measure } };
    case 'update':
      return { message: updateMessage(result.measure, result.update, contacts), outcome: { outcome: result.update.result.outcome, measure: result.measure } };
  }
}

/** The acknowledgement of a submitted form: what the window shows next, or errors beside fields. */
export function formAcknowledgement(submission: SubmittedForm, { result, card }: UpdateResult, contacts: Contacts): ViewResponseAction {
  const { n, v } = submission.form;
  const outcome: DeskOutcome = result;
  switch (outcome.outcome) {
    case 'refused':
      return { response_action: 'update', view: renderRefusalModal(contacts) };
    case 'unverified':
      return { response_action: 'errors', errors: { [progressBlockId('status', v)]: UNVERIFIED_TEXT } };
    case 'not-saved':
      return { response_action: 'errors', errors: { [progressBlockId('status', v)]: FORM_NOT_SAVED } };
    case 'invalid': {
      const errors: Record<string, string> = {};
      for (const field of PROGRESS_FIELDS) {
        const message = outcome.errors[field];
        if (message) errors[progressBlockId(field, v)] = message;
      }
      return { response_action: 'errors', errors };
    }
    case 'unknown-measure':
      return { response_action: 'errors', errors: { [progressBlockId('status', v)]: outcome.message } };
    case 'stale': {
      const draftNote = submission.input.note.trim();
      return {
        response_action: 'update',
        view: renderProgressForm({
          measure: { number: n, text: card?.measure.text ?? '' },
          ...(outcome.current ? { record: outcome.current } : {}),
          stale: true,
          ...(draftNote ? { draftNote } : {}),
        }),
      };
    }
    case 'unchanged':
      return { response_action: 'update', view: renderUnchangedModal(n) };
    case 'updated':
      return { response_action: 'update', view: renderSavedModal(outcome.record, outcome.changes) };
  }
}
