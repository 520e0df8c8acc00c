/**
 * The progress record end to end over loopback (HTTP mode): coordinators write it from the
 * message box and the form, everyone else reads it, and it survives a restart into the next
 * morning's digest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, FAKE_USER_ID, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { signedSender } from '../../support/signed-request.js';
import { blockAction, eventEnvelope, filledState, messageEvent, slashCommand, viewSubmission } from '../../support/slack-payloads.js';
import { startAppHarness, TEST_SIGNING_SECRET, type AppHarness } from '../../support/slack-app-harness.js';

const COORDINATOR = 'U0COORD';
const MEMBER = 'U0MEMBER';
const DIGEST_CHANNEL = 'C0DIGEST';

let api: FakeSlackApi;
let dataDir: string;
const apps: AppHarness[] = [];
let now = new Date('2026-11-24T02:00:00Z'); // Tuesday 10:00 in Shanghai

async function start(): Promise<AppHarness> {
  const app = await startAppHarness('http', api, {
    dataDir,
    now: () => now,
    coordinators: { users: [COORDINATOR], groups: ['S0COORDS'] },
    // 18:00: the start-up does not post; the test runs the morning's digest itself.
    digest: { channel: DIGEST_CHANNEL, cron: '0 18 * * *' },
  });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  api = await startFakeSlackApi({ groups: { S0COORDS: [MEMBER] } });
  dataDir = mkdtempSync(join(tmpdir(), 'ipplan-progress-e2e-'));
});
afterAll(async () => {
  for (const app of apps.splice(0)) await app.stop();
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('implementation tracking', () => {
  it('is written by coordinators only, read everywhere, checked in the form, and kept across a restart into the digest', async () => {
    let app = await start();
    let send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    // A command's reply is in its acknowledgement.
    const command = async (text: string, user: string, id: string, name = '/progress') => {
      const reply = await send.command(slashCommand({ command: name, text, user_id: user, response_url: api.responseUrl(id) }));
      expect(reply.status).toBe(200);
      return reply.body;
    };

    // A coordinator's update is stored; a member of the coordinators' group sets the due date.
    expect(await command('42 推进中 本周完成海关系统联调', COORDINATOR, 'p1')).toContain('已登记第 42 条（第 1 版）');
    expect(await command('42 截止 2026-11-20', MEMBER, 'p2')).toContain('截止日期：（无） → 2026-11-20');
    expect((await api.waitFor('usergroups.users.list')).args.usergroup).toBe('S0COORDS');

    // Anyone else is refused, and nothing changes.
    expect(await command('42 已完成', FAKE_USER_ID, 'p3')).toContain('没有登记推进情况的权限，这次没有做任何更改');

    // /measure 42 shows the record.
    const card = await command('42', FAKE_USER_ID, 'm1', '/measure');
    expect(card).toContain('推进中');
    expect(card).toContain('本周完成海关系统联调');
    expect(card).toContain('已逾期');

    // The form: opened with the current values; an empty status comes back inline; a stale one is refused.
    await send.click(blockAction('progress_edit', '{"n":42}', { user: COORDINATOR, responseUrl: api.responseUrl('e1') }));
    const view = (await api.waitFor('views.open')).args.view as Record<string, unknown>;
    expect(view.private_metadata).toBe('{"n":42,"v":2}');
    const empty = await send.click(
      viewSubmission('progress_form', String(view.private_metadata), filledState(view, { progress_status: '' }), { user: COORDINATOR }),
    );
    expect(JSON.parse(empty.body)).toEqual({ response_action: 'errors', errors: { progress_status_v2: '请选择状态：未启动 / 推进中 / 已完成 / 受阻。' } });
    expect(await command('42 进展 海关总署已回复', MEMBER, 'p4')).toContain('第 3 版');
    const stale = await send.click(
      viewSubmission('progress_form', String(view.private_metadata), filledState(view, { progress_status: '已完成', progress_note: '验收通过' }), {
        user: COORDINATOR,
      }),
    );
    const refused = JSON.parse(stale.body) as { response_action: string; view: { private_metadata: string } };
    expect(refused.response_action).toBe('update');
    expect(refused.view.private_metadata).toBe('{"n":42,"v":3}');
    expect(stale.body).toContain('你的修改没有保存');

    // A question about progress is answered from the record.
    await send.event(eventEnvelope(messageEvent('第42条进展如何')));
    const answer = await api.waitFor('chat.postMessage', (c) => c.args.channel === 'D0DIRECT');
    expect(answer.args.text).toBe('第 42 条目前状态为“推进中”（2026-11-24 更新）。');
    expect(JSON.stringify(answer.args.blocks)).toContain('海关总署已回复');

    // Restart the next morning: the record and its history are there, and the digest reports them.
    await app.stop();
    apps.splice(apps.indexOf(app), 1);
    now = new Date('2026-11-25T01:00:00Z');
    app = await start();
    send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    const history = await command('42 历史', FAKE_USER_ID, 'h1');
    for (const entry of ['第 3 版', '第 2 版', '第 1 版', '海关总署已回复', '状态：（无） → 推进中']) expect(history).toContain(entry);
    expect(app.digest).toBeDefined();
    expect(await app.digest?.tick()).toMatchObject({ outcome: 'posted' });
    const digest = JSON.stringify((await api.waitFor('chat.postMessage', (c) => c.args.channel === DIGEST_CHANNEL)).args.blocks);
    expect(digest).toContain('昨日进展（11月24日）');
    expect(digest).toContain('状态：（无） → 推进中');
    expect(digest).toContain('逾期/受阻');
    expect(digest).toContain('逾期（截止 2026-11-20） · 推进中');
  });
});

describe('implementation tracking when the state file is pulled from under the service', () => {
  it('tells the coordinator the update was not saved and reports failing on /healthz once the WAL is deleted', async () => {
    const app = await startAppHarness('http', api, { coordinators: { users: [COORDINATOR], groups: [] } });
    apps.push(app);
    const send = signedSender(`${app.baseUrl}/slack/events`, TEST_SIGNING_SECRET);
    const progress = async (text: string, id: string) =>
      (await send.command(slashCommand({ command: '/progress', text, user_id: COORDINATOR, response_url: api.responseUrl(id) }))).body;

    expect(await progress('42 推进中 删除之前的进展', 'w1')).toContain('已登记第 42 条（第 1 版）');
    rmSync(join(app.dataDir, 'state.sqlite-wal'));
    expect(await progress('42 进展 删除之后的进展', 'w2')).toContain('进展没有保存');
    const health = await fetch(`${app.baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: 'failing',
      checks: { store: { state: 'failing', broken: expect.stringContaining('state.sqlite-wal') } },
    });
    expect(app.log.lines().filter((l) => String(l.msg).startsWith('state file deleted or replaced'))).toHaveLength(1);
  });
});
