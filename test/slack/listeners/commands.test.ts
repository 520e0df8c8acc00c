import { describe, expect, it, vi } from 'vitest';
import { INTERNAL_ERROR_TEXT } from '../../../src/slack/intake/acknowledged-work.js';
import { areaCommand } from '../../../src/slack/listeners/commands/area-command.js';
import { measureCommand } from '../../../src/slack/listeners/commands/measure-command.js';
import { planCommand } from '../../../src/slack/listeners/commands/plan-command.js';
import { listenerFakes, type Call } from '../../support/listener-fakes.js';

/** What the asker saw: the acknowledgement's message (commands answer in it), or a later response. */
const responses = (calls: Call[]) =>
  calls.flatMap(
    (c): Array<Record<string, unknown>> =>
      c.kind === 'respond' ? [c.message] : c.kind === 'ack' && typeof c.response === 'object' && c.response !== null ? [{ ...c.response }] : [],
  );

describe('/measure', () => {
  it('answers once, in the acknowledgement itself, only to the asker, with the measure', async () => {
    const slack = listenerFakes();
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', '42'));
    const calls = slack.takeCalls();
    expect(calls.map((c) => c.kind)).toEqual(['ack']);
    const [answer] = responses(calls);
    expect(answer?.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer)).toContain('加大对海关知识产权大要案的查处力度');
  });

  it('shows usage without an argument, and a Chinese error for a number the plan does not have', async () => {
    const slack = listenerFakes();
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', ''));
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', '0'));
    const [usage, error] = responses(slack.takeCalls());
    expect(String(usage?.text)).toContain('用法');
    expect(error?.text).toBe('计划共有 79 条措施（编号 1–79），没有第 0 条。');
  });

  it('records what was looked up, for the digest', async () => {
    const slack = listenerFakes(() => new Date('2026-11-25T03:00:00Z'));
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', '42'));
    await slack.idle();
    expect((await slack.store.activity.activityOn('2026-11-25')).questions).toEqual([{ question: '42', measures: [42], found: true }]);
  });

  it('tells the asker privately when answering fails, and logs the error', async () => {
    const slack = listenerFakes();
    vi.spyOn(slack.app.lookups, 'measure').mockImplementation(() => {
      throw new Error('index gone');
    });
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', '42'));
    expect(responses(slack.takeCalls())).toEqual([{ response_type: 'ephemeral', text: INTERNAL_ERROR_TEXT }]);
    expect(slack.takeErrors()).toEqual(['/measure: failed: index gone']);
  });
});

describe('/area', () => {
  it('lists the areas without an argument, and shows one by numeral', async () => {
    const slack = listenerFakes();
    await areaCommand(slack.app.lookups, slack.work)(slack.command('/area', ''));
    await areaCommand(slack.app.lookups, slack.work)(slack.command('/area', '三'));
    const [overview, area] = responses(slack.takeCalls());
    expect(String(overview?.text)).toContain('共 7 个领域、79 条措施');
    expect(JSON.stringify(area)).toContain('提高知识产权保护效果');
  });
});

describe('/plan', () => {
  it('answers only to the asker, with 发到频道', async () => {
    const slack = listenerFakes();
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', '商标审查周期要控制在多久？'));
    const [answer] = responses(slack.takeCalls());
    expect(answer?.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer)).toContain('9个月');
    expect(JSON.stringify(answer)).toContain('share_to_channel');
  });

  it('explains itself on help and shows the digest on digest', async () => {
    const slack = listenerFakes();
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', 'help'));
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', '简报'));
    const [help, digest] = responses(slack.takeCalls());
    expect(JSON.stringify(help)).toContain('/measure 42');
    expect(String(digest?.text)).toMatch(/^计划简报第 \d+ 期（共 27 期）/u);
  });

  it('takes 怎么用 for help too, as the console and a DM do', async () => {
    const slack = listenerFakes();
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', '怎么用'));
    expect(JSON.stringify(responses(slack.takeCalls())[0])).toContain('计划助手使用说明');
  });
});

/** Every string in what the listener sent back. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  return value !== null && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
}

describe('typed text shown back', () => {
  it('never carries control characters or broken surrogates into the context line or the no-match notice', async () => {
    const slack = listenerFakes();
    const typed = '区块\u0000链\u001b[31m\u202e \ud800 元宇宙\udfff';
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', typed));
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', typed));
    const shown = strings(slack.takeCalls());
    expect(shown.join(' ')).toContain('元宇宙');
    expect(shown.filter((s) => /[\p{Cc}\p{Cf}]/u.test(s.replace(/\n/gu, '')) || s !== s.toWellFormed())).toEqual([]);
  });
});
