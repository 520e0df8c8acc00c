/**
 * The progress record's buttons: 更新进展 opens the form (coordinators; anyone else is told who
 * can grant access), 历史 shows a measure's history, and 查看 on the dashboard opens an area or a
 * measure in a window. A click in a message is answered in the conversation; a click in the Home
 * tab or a window opens a window (the Home tab has nowhere else to answer).
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ProgressDesk } from '../../../app/progress/progress-desk.js';
import { RECORD_UNAVAILABLE } from '../../../core/progress/record-view.js';
import { AreaValueSchema, decodeValue, MeasureValueSchema } from '../../../render/blocks/action-values.js';
import { renderHistory, renderNotice, renderRefusal, UNVERIFIED_TEXT } from '../../../render/blocks/progress-blocks.js';
import {
  renderAreaModal,
  renderHistoryModal,
  renderMeasureModal,
  renderProgressForm,
  renderNoticeModal,
  renderRefusalModal,
  renderUnverifiedModal,
} from '../../../render/blocks/progress-modal.js';
import { openWindow } from '../../delivery/open-window.js';
import { privately } from '../../delivery/private-reply.js';
import type { AcknowledgedWork } from '../../intake/acknowledged-work.js';
import { readClick } from '../../payloads/block-action.js';

type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

export function progressEdit(desk: ProgressDesk, work: AcknowledgedWork) {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.progress_edit',
      async () => {
        const click = readClick(body);
        const n = decodeValue(MeasureValueSchema, click?.value)?.n ?? 0;
        const opening = click && (await desk.openEditor(n, click.userId));
        if (!click || !opening) return { outcome: 'ignored-bad-value' };
        if (opening.type === 'unavailable') {
          if (click.surface === 'message') await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(RECORD_UNAVAILABLE) });
          else await openWindow(client, click, renderNoticeModal(RECORD_UNAVAILABLE));
          return { outcome: 'record-unavailable', measure: n };
        }
        if (opening.type === 'unverified') {
          if (click.surface === 'message') await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(UNVERIFIED_TEXT) });
          else await openWindow(client, click, renderUnverifiedModal());
          return { outcome: 'unverified', measure: n };
        }
        if (opening.type === 'refused') {
          if (click.surface === 'message') await respond({ response_type: 'ephemeral', replace_original: false, ...renderRefusal(opening.contacts) });
          else await openWindow(client, click, renderRefusalModal(opening.contacts));
          return { outcome: 'refused', measure: n };
        }
        const { measure, record } = opening;
        const opened = await openWindow(
          client,
          click,
          renderProgressForm({ measure: { number: measure.number, text: measure.text }, ...(record ? { record } : {}) }),
        );
        return { outcome: opened, measure: n, version: record?.version ?? 0 };
      },
      privately(respond),
    );
  };
}

export function progressHistory(desk: ProgressDesk, work: AcknowledgedWork) {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    await work.run(
      'action.progress_history',
      async () => {
        const click = readClick(body);
        const n = decodeValue(MeasureValueSchema, click?.value)?.n;
        const read = click && n !== undefined ? await desk.history(n) : undefined;
        if (!click || n === undefined || !read) return { outcome: 'ignored-bad-value' };
        if (read.type === 'unavailable') {
          if (click.surface === 'message') await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(RECORD_UNAVAILABLE) });
          else await openWindow(client, click, renderNoticeModal(RECORD_UNAVAILABLE));
          return { outcome: 'record-unavailable', measure: n };
        }
        const { changes } = read;
        if (click.surface === 'message') await respond({ response_type: 'ephemeral', replace_original: false, ...renderHistory(n, changes) });
        else await openWindow(client, click, renderHistoryModal(n, changes));
        return { outcome: 'shown', measure: n, updates: new Set(changes.map((c) => c.version)).size };
      },
      privately(respond),
    );
  };
}

export function progressMeasure(desk: ProgressDesk, work: AcknowledgedWork) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    await work.run('action.progress_measure', async () => {
      const click = readClick(body);
      const card = click && (await desk.card(decodeValue(MeasureValueSchema, click.value)?.n ?? 0, click.userId));
      if (!click || !card) return { outcome: 'ignored-bad-value' };
      return { outcome: await openWindow(client, click, renderMeasureModal(card.measure, card.source, card.progress)), measure: card.measure.number };
    });
  };
}

export function progressArea(desk: ProgressDesk, work: AcknowledgedWork) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    await work.run('action.progress_area', async () => {
      const click = readClick(body);
      const area = click && (await desk.area(decodeValue(AreaValueSchema, click.value)?.a ?? 0));
      if (!click || !area) return { outcome: 'ignored-bad-value' };
      return { outcome: await openWindow(client, click, renderAreaModal(area.area, area.counts, area.measures)), area: area.area.number };
    });
  };
}
