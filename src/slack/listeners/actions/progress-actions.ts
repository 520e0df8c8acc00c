/**
 * The progress record's buttons: 更新进展 opens the form (coordinators; anyone else is told who
 * can grant access), 历史 shows a measure's history, and 查看 on the dashboard opens an area or a
 * measure in a window. A click in a message is answered in the conversation; a click in the Home
 * tab or a window opens a window (the Home tab has nowhere else to answer).
 */
import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { AreaValueSchema, decodeValue, MeasureValueSchema } from '../../../render/blocks/action-values.js';
import { renderHistory, renderRefusal } from '../../../render/blocks/progress-blocks.js';
import { renderAreaModal, renderHistoryModal, renderMeasureModal, renderProgressForm, renderRefusalModal } from '../../../render/blocks/progress-modal.js';
import type { SlackDeps } from '../../deps.js';
import { openWindow } from '../../progress/open-window.js';
import { privately, readClick } from '../slack-payloads.js';

type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

export function progressEdit(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.progress_edit', async () => {
      const click = readClick(body);
      const measure = click && deps.answering.measureCard(decodeValue(MeasureValueSchema, click.value)?.n ?? 0);
      if (!click || !measure) return { outcome: 'ignored-bad-value' };
      if (!(await deps.progress.mayEdit(click.userId))) {
        deps.logger.warn({ kind: 'progress', outcome: 'refused', user: click.userId, surface: 'button', measure: measure.number }, 'progress update refused: not a coordinator');
        if (click.surface === 'message') await respond({ response_type: 'ephemeral', replace_original: false, ...renderRefusal(deps.progress.contacts) });
        else await openWindow(client, click, renderRefusalModal(deps.progress.contacts));
        return { outcome: 'refused', measure: measure.number };
      }
      const record = await deps.progress.record(measure.number);
      const opened = await openWindow(client, click, renderProgressForm({ measure: { number: measure.number, text: measure.text }, ...(record ? { record } : {}) }));
      return { outcome: opened, measure: measure.number, version: record?.version ?? 0 };
    }, privately(respond));
  };
}

export function progressHistory(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.progress_history', async () => {
      const click = readClick(body);
      const n = decodeValue(MeasureValueSchema, click?.value)?.n;
      if (!click || n === undefined || !deps.answering.measureCard(n)) return { outcome: 'ignored-bad-value' };
      const changes = await deps.progress.history(n);
      if (click.surface === 'message') await respond({ response_type: 'ephemeral', replace_original: false, ...renderHistory(n, changes) });
      else await openWindow(client, click, renderHistoryModal(n, changes));
      return { outcome: 'shown', measure: n, updates: new Set(changes.map((c) => c.version)).size };
    }, privately(respond));
  };
}

export function progressMeasure(deps: SlackDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.progress_measure', async () => {
      const click = readClick(body);
      const measure = click && deps.answering.measureCard(decodeValue(MeasureValueSchema, click.value)?.n ?? 0);
      if (!click || !measure) return { outcome: 'ignored-bad-value' };
      const progress = await deps.progress.card(measure.number, click.userId);
      return { outcome: await openWindow(client, click, renderMeasureModal(measure, deps.answering.source, progress)), measure: measure.number };
    });
  };
}

export function progressArea(deps: SlackDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    await deps.work.run('action.progress_area', async () => {
      const click = readClick(body);
      const area = click && (await deps.progress.area(decodeValue(AreaValueSchema, click.value)?.a ?? 0));
      if (!click || !area) return { outcome: 'ignored-bad-value' };
      return { outcome: await openWindow(client, click, renderAreaModal(area.area, area.counts, area.measures)), area: area.area.number };
    });
  };
}
