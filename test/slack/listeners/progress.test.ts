import { describe, expect, it } from 'vitest';
import { progressArea, progressEdit, progressHistory, progressMeasure } from '../../../src/slack/listeners/actions/progress-actions.js';
import { areaCommand } from '../../../src/slack/listeners/commands/area-command.js';
import { measureCommand } from '../../../src/slack/listeners/commands/measure-command.js';
import { progressCommand } from '../../../src/slack/listeners/commands/progress-command.js';
import { appHomeOpened } from '../../../src/slack/listeners/events/app-home-opened.js';
import { directOrThreadMessage } from '../../../src/slack/listeners/events/message.js';
import { progressFormSubmitted } from '../../../src/slack/listeners/views/progress-form.js';
import { PROGRESS_FORM, progressBlockId } from '../../../src/render/blocks/progress-modal.js';
import { memorySqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { overrideLedgers } from '../../support/ledger-faults.js';
import { COORDINATOR_ID, GROUP_MEMBER_ID, listenerFakes, type Call, type ListenerFakes } from '../../support/listener-fakes.js';
import { slackMessageProblems } from '../../support/slack-message-check.js';
import { filledState } from '../../support/slack-payloads.js';
import { FAKE_USER_ID } from '../../support/fake-slack-api.js';

const NOW = () => new Date('2026-11-24T02:00:00Z');
const responses = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'respond' ? [c.message] : []));
const apiCalls = (calls: Call[], method: string) => calls.flatMap((c) => (c.kind === 'api' && c.method === method ? [c.args] : []));
const acks = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'ack' && c.response !== undefined ? [c.response] : []));
/** A command's reply: the message its acknowledgement carries. */
const replyOf = (calls: Call[]) => acks(calls)[0] as Record<string, unknown> | undefined;

async function progress(slack: ListenerFakes, text: string, user = COORDINATOR_ID) {
  const args = slack.command('/progress', text);
  Object.assign(args.command, { user_id: user });
  await progressCommand(slack.app.progress, slack.work)(args);
  return replyOf(slack.takeCalls());
}

/** Opens the form as `user` from a card and returns the view Slack was asked to open. */
async function openForm(slack: ListenerFakes, n: number, user = COORDINATOR_ID): Promise<Record<string, unknown>> {
  await progressEdit(slack.app.progress, slack.work)(slack.click('progress_edit', JSON.stringify({ n }), { user }));
  const [opened] = apiCalls(slack.takeCalls(), 'views.open');
  return opened?.view as Record<string, unknown>;
}

async function submit(slack: ListenerFakes, view: Record<string, unknown>, fill: Record<string, string>, user = COORDINATOR_ID) {
  await progressFormSubmitted(slack.app.progress, slack.work)(slack.submit(PROGRESS_FORM, String(view.private_metadata), filledState(view, fill), { user }));
  return acks(slack.takeCalls())[0] as Record<string, unknown>;
}

describe('/progress', () => {
  it("stores a coordinator's update and shows it, and /measure 42 shows it too", async () => {
    const slack = listenerFakes(NOW);
    const reply = await progress(slack, '42 推进中 本周完成海关系统联调');
    expect(reply?.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.blocks)).toContain('已登记第 42 条（第 1 版）');
    expect(slackMessageProblems(reply as { text: string; blocks: unknown[] }, { allowMentionOf: COORDINATOR_ID })).toEqual([]);

    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', '42'));
    const card = JSON.stringify(replyOf(slack.takeCalls()));
    expect(card).toContain('推进中');
    expect(card).toContain('本周完成海关系统联调');
    expect(card).toContain(`2026-11-24 10:00，<@${COORDINATOR_ID}>`);
  });

  it('refuses anyone else, names who can grant access, logs it, and changes nothing', async () => {
    const slack = listenerFakes(NOW);
    const reply = await progress(slack, '42 推进中 我来改一下', FAKE_USER_ID);
    expect(reply?.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply?.blocks)).toContain(
      `没有登记推进情况的权限，这次没有做任何更改。推进情况由协调办指定的人员登记：<@${COORDINATOR_ID}>、<!subteam^S0COORDS>`,
    );
    expect(slack.log.lines().find((l) => l.outcome === 'refused')).toMatchObject({ level: 40, user: FAKE_USER_ID, surface: '/progress', measure: 42 });
    expect(await slack.app.book().record(42)).toBeUndefined();
  });

  it('lets a member of a coordinator user group write', async () => {
    const slack = listenerFakes(NOW);
    expect(JSON.stringify((await progress(slack, '42 牵头 海关总署', GROUP_MEMBER_ID))?.blocks)).toContain('牵头单位：（无） → 海关总署');
  });

  it('shows the record and the history to anyone, and a clear error for a bad measure or status', async () => {
    const slack = listenerFakes(NOW);
    await progress(slack, '42 推进中');
    expect(JSON.stringify((await progress(slack, '42', FAKE_USER_ID))?.blocks)).toContain('推进中');
    expect(JSON.stringify((await progress(slack, '42 历史', FAKE_USER_ID))?.blocks)).toContain('状态：（无） → 推进中');
    expect(String((await progress(slack, '0 推进中'))?.text)).toBe('计划共有 79 条措施（编号 1–79），没有第 0 条。');
    expect(String((await progress(slack, '42 快好了'))?.text)).toContain('状态只能是 未启动 / 推进中 / 已完成 / 受阻');
    expect(String((await progress(slack, '42 截止 明年'))?.text)).toContain('不是有效的日期');
  });
});

describe('the 更新进展 form', () => {
  it('opens for a coordinator with the current values, and saves what is submitted', async () => {
    const slack = listenerFakes(NOW);
    await progress(slack, '42 牵头 海关总署');
    const view = await openForm(slack, 42);
    expect(view.private_metadata).toBe('{"n":42,"v":1}');
    const saved = await submit(slack, view, { progress_status: '推进中', progress_note: '本周完成海关系统联调' });
    expect(saved.response_action).toBe('update');
    expect(JSON.stringify(saved.view)).toContain('已登记第 42 条（第 2 版）');
    expect(await slack.app.book().record(42)).toMatchObject({ status: '推进中', lead: ['海关总署'], version: 2 });
  });

  it('comes back with an inline error for an empty status, and saves nothing', async () => {
    const slack = listenerFakes(NOW);
    const view = await openForm(slack, 42);
    const ack = await submit(slack, view, { progress_status: '', progress_note: '说明' });
    expect(ack).toEqual({ response_action: 'errors', errors: { [progressBlockId('status', 0)]: '请选择状态：未启动 / 推进中 / 已完成 / 受阻。' } });
    expect(await slack.app.book().record(42)).toBeUndefined();
  });

  it('refuses a stale submission with the current values, keeping the note typed', async () => {
    const slack = listenerFakes(NOW);
    const view = await openForm(slack, 42);
    await progress(slack, '42 受阻 等待海关总署答复', GROUP_MEMBER_ID);
    const ack = await submit(slack, view, { progress_status: '已完成', progress_note: '我写的说明' });
    expect(ack.response_action).toBe('update');
    const refreshed = JSON.stringify(ack.view);
    expect(refreshed).toContain('你的修改没有保存');
    expect(refreshed).toContain('"private_metadata":"{\\"n\\":42,\\"v\\":1}"');
    expect(refreshed).toContain('"initial_option":{"text":{"type":"plain_text","text":"受阻","emoji":false},"value":"受阻"}');
    expect(refreshed).toContain('"initial_value":"我写的说明"');
    expect(await slack.app.book().record(42)).toMatchObject({ status: '受阻', version: 1 });
  });

  it('is not opened for anyone else, who is told who can grant access; a submission from them is refused too', async () => {
    const slack = listenerFakes(NOW);
    await progressEdit(slack.app.progress, slack.work)(slack.click('progress_edit', JSON.stringify({ n: 42 }), { user: FAKE_USER_ID }));
    const calls = slack.takeCalls();
    expect(apiCalls(calls, 'views.open')).toEqual([]);
    expect(JSON.stringify(responses(calls)[0])).toContain('没有登记推进情况的权限');
    const view = await openForm(slack, 42);
    const ack = await submit(slack, view, { progress_status: '推进中' }, FAKE_USER_ID);
    expect(JSON.stringify(ack.view)).toContain('没有权限');
    expect(await slack.app.book().record(42)).toBeUndefined();
  });
});

describe('reading the record', () => {
  it("历史 answers in the conversation from a message, and in a window over the dashboard's window", async () => {
    const slack = listenerFakes(NOW);
    await progress(slack, '42 推进中');
    await progressHistory(slack.app.progress, slack.work)(slack.click('progress_history', '{"n":42}'));
    expect(JSON.stringify(responses(slack.takeCalls())[0])).toContain('第 42 条 · 推进记录');
    await progressHistory(slack.app.progress, slack.work)(slack.click('progress_history', '{"n":42}', { view: 'modal' }));
    expect(apiCalls(slack.takeCalls(), 'views.push')).toHaveLength(1);
  });

  it('App Home is the dashboard; its areas and measures open in windows', async () => {
    const slack = listenerFakes(NOW);
    await progress(slack, '42 推进中');
    const client = slack.client();
    await appHomeOpened(
      slack.app.home,
      slack.app.lookups.overview,
      slack.work,
    )({ event: { type: 'app_home_opened', user: FAKE_USER_ID, channel: 'D0DIRECT', tab: 'home', event_ts: '1.2' }, client } as unknown as Parameters<
      ReturnType<typeof appHomeOpened>
    >[0]);
    const [published] = apiCalls(slack.takeCalls(), 'views.publish');
    expect(JSON.stringify(published?.view)).toContain('推进看板');
    await progressArea(slack.app.progress, slack.work)(slack.click('progress_open_area', '{"a":3}', { view: 'home' }));
    await progressMeasure(slack.app.progress, slack.work)(slack.click('progress_open_measure', '{"n":42}', { view: 'modal', user: COORDINATOR_ID }));
    const calls = slack.takeCalls();
    expect(JSON.stringify(apiCalls(calls, 'views.open')[0]?.view)).toContain('三、提高知识产权保护效果');
    expect(JSON.stringify(apiCalls(calls, 'views.push')[0]?.view)).toContain('更新进展');
  });

  it("/area 3 shows the area's status counts", async () => {
    const slack = listenerFakes(NOW);
    await progress(slack, '42 受阻');
    await areaCommand(slack.app.lookups, slack.work)(slack.command('/area', '3'));
    expect(JSON.stringify(replyOf(slack.takeCalls()))).toContain('未启动 0 · 推进中 0 · 已完成 0 · 受阻 1 · 未登记 24 · 逾期 0');
  });

  it('a question about progress is answered from the record, or says nothing is registered', async () => {
    const slack = listenerFakes(NOW);
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message('第15条由哪个部门牵头？'));
    const [none] = slack.takeCalls().flatMap((c) => (c.kind === 'post' ? [c.args] : []));
    expect(none?.text).toBe('第 15 条的牵头单位：计划原文未列明，协调办尚未登记。');
    await progress(slack, '42 推进中 本周完成海关系统联调');
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message('第42条进展如何'));
    const [answer] = slack.takeCalls().flatMap((c) => (c.kind === 'post' ? [c.args] : []));
    expect(answer?.text).toBe('第 42 条目前状态为“推进中”（2026-11-24 更新）。');
    expect(JSON.stringify(answer?.blocks)).toContain('本周完成海关系统联调');
  });
});

describe('when the record cannot be written', () => {
  it('tells the coordinator the update was not saved, in the message box and in the form', async () => {
    let diskFull = false;
    const engine = memorySqliteStore();
    overrideLedgers(engine.progress, (ledger) => ({
      write: async (write) => {
        if (diskFull) throw new Error('SQLITE_FULL: database or disk is full');
        return ledger.write(write);
      },
    }));
    const slack = listenerFakes(NOW, { engine });
    const view = await openForm(slack, 42);
    diskFull = true;
    expect(String((await progress(slack, '42 推进中'))?.text)).toContain('进展没有保存，没有做任何更改');
    expect(await submit(slack, view, { progress_status: '推进中' })).toEqual({
      response_action: 'errors',
      errors: { [progressBlockId('status', 0)]: '保存失败，没有做任何更改。请稍后再试；如果一直这样，请联系管理员。' },
    });
    // One line per failed write, whichever surface it came from.
    expect(slack.takeErrors().filter((line) => line.startsWith('a progress update'))).toEqual([
      'a progress update could not be saved: SQLITE_FULL: database or disk is full',
      'a progress update could not be saved: SQLITE_FULL: database or disk is full',
    ]);
  });
});
