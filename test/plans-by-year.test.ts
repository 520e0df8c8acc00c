/**
 * Two plans in PLANS_DIR, answered from by every surface: the shipped 2014 plan and an invented
 * 2015 plan (test/fixtures/plans/2015-direct-measures.txt, written for these tests). The newest is
 * current; a year named in a question or a command answers from that year's plan.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { AnswerSchema } from '../src/core/answer/answer-schema.js';
import { askLibrary } from '../src/core/answer/ask-library.js';
import { measureCommand } from '../src/slack/listeners/commands/measure-command.js';
import { directOrThreadMessage } from '../src/slack/listeners/events/message.js';
import { cliDeps } from './support/cli-deps.js';
import { fakeIo } from './support/fake-io.js';
import { listenerFakes, type Call } from './support/listener-fakes.js';
import { twoPlanLibrary } from './support/two-plan-library.js';

async function ask(question: string) {
  const io = fakeIo();
  const code = await runCli(['ask', question, '--json'], io, { ...cliDeps(), openLibrary: () => twoPlanLibrary().library });
  expect(code).toBe(0);
  return AnswerSchema.parse(JSON.parse(io.out()));
}

const acknowledged = (calls: Call[]) =>
  calls.flatMap((c) => (c.kind === 'ack' && typeof c.response === 'object' && c.response !== null ? [JSON.stringify(c.response)] : []));
const posted = (calls: Call[]) => calls.flatMap((c) => (c.kind === 'post' ? [JSON.stringify(c.args)] : []));

describe('two plans in PLANS_DIR', () => {
  it('ask --json answers from the current, newest plan and names it', async () => {
    const answer = await ask('商标注册便利化改革试点');
    expect(answer.plan).toMatchObject({ id: '2015', year: '2015' });
    expect(answer.results[0]?.number).toBe(2);
  });

  it('ask --json answers from 2014 when the question names 2014', async () => {
    const answer = await ask('2014年商标审查周期要控制在多久');
    expect(answer.plan.id).toBe('2014');
    expect(answer.results[0]).toMatchObject({ number: 3 });
    expect(answer.results[0]?.text).toContain('9个月');
  });

  it('measure 5 2015 on the command line shows the 2015 measure; a year without a plan is refused', async () => {
    const deps = { ...cliDeps(), openLibrary: () => twoPlanLibrary().library };
    for (const args of [
      ['measure', '5', '2015'],
      ['measure', '2015-5'],
    ]) {
      const io = fakeIo();
      expect(await runCli([...args, '--json'], io, deps)).toBe(0);
      const answer = AnswerSchema.parse(JSON.parse(io.out()));
      expect(answer.plan.id).toBe('2015');
      expect(answer.results[0]?.text).toContain('推动知识产权质押融资扩面增量');
    }
    const io = fakeIo();
    expect(await runCli(['measure', '5', '2013'], io, deps)).toBe(2);
    expect(io.err()).toContain('没有2013年的计划（现有：2015、2014）');
  });

  it("/measure 5 2015 shows the 2015 plan's measure 5, and /measure 5 2014 the 2014 one", async () => {
    const slack = listenerFakes(() => new Date('2026-11-25T03:00:00Z'), { library: twoPlanLibrary().library });
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', '5 2015'));
    const [in2015] = acknowledged(slack.takeCalls());
    expect(in2015).toContain('推动知识产权质押融资扩面增量');
    expect(in2015).toContain('2015');
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', '5 2014'));
    const [in2014] = acknowledged(slack.takeCalls());
    expect(in2014).not.toContain('推动知识产权质押融资扩面增量');
    expect(in2014).toContain('2014');
  });

  /** What the app posts in reply to a DM, with the two plans loaded. */
  async function dmReply(text: string, ts: string): Promise<string | undefined> {
    const slack = listenerFakes(() => new Date('2026-11-25T03:00:00Z'), { library: twoPlanLibrary().library });
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message(text, { ts }));
    return posted(slack.takeCalls())[0];
  }

  it("a DM asking who leads 2015's measure 5 is answered with the units the measure names", async () => {
    const reply = await dmReply('2015年第5条由哪个部门牵头', '1764000000.000500');
    expect(reply).toContain('第 5 条的牵头单位：银监会（计划原文：银监会、知识产权局按职责分别负责）。');
    expect(reply).toContain('推动知识产权质押融资扩面增量');
    expect(reply).not.toContain('未列明');
  });

  it('says the plan does not name a lead unit where the measure names none', async () => {
    const reply = await dmReply('2015年第6条由哪个部门牵头', '1764000000.000600');
    expect(reply).toContain('第 6 条的牵头单位：计划原文未列明，协调办尚未登记。');
  });

  it('a search for who is responsible is answered by the measure that names its units', () => {
    const answer = askLibrary(twoPlanLibrary().library, '2015年第5条由哪个部门负责');
    expect(answer.kind).toBe('lookup');
    expect(answer.results[0]?.text).toContain('（银监会、知识产权局按职责分别负责）');
    expect(askLibrary(twoPlanLibrary().library, '2015年第6条由哪个部门负责').kind).toBe('not-covered');
  });

  it("a question across the years lists each year's measure, newest first", async () => {
    const answer = await ask('历年计划里关于商标审查的措施');
    expect(answer.kind).toBe('years');
    expect(answer.results.map((r) => [r.plan?.id, r.number])).toEqual([
      ['2015', 2],
      ['2014', 3],
    ]);
  });
});
