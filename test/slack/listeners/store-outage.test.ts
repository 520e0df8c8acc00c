/**
 * Answering needs no database: with the state store unreachable, everything that shows the plan
 * still shows it, and says the implementation record cannot be read just now (记录暂时读不到)
 * instead of failing; App Home is published from what is readable.
 */
import { describe, expect, it } from 'vitest';
import { ACTION, encodeValue } from '../../../src/render/blocks/action-values.js';
import { measureStep } from '../../../src/slack/listeners/actions/measure-navigation.js';
import { areaCommand } from '../../../src/slack/listeners/commands/area-command.js';
import { measureCommand } from '../../../src/slack/listeners/commands/measure-command.js';
import { planCommand } from '../../../src/slack/listeners/commands/plan-command.js';
import { progressCommand } from '../../../src/slack/listeners/commands/progress-command.js';
import { appHomeOpened } from '../../../src/slack/listeners/events/app-home-opened.js';
import { directOrThreadMessage } from '../../../src/slack/listeners/events/message.js';
import { memorySqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { StateStore } from '../../../src/store/state-store.js';
import { overrideLedgers } from '../../support/ledger-faults.js';
import { COORDINATOR_ID, listenerFakes, type Call } from '../../support/listener-fakes.js';

/** PostgreSQL gone: every read of the record, the digest's record and the activity fails. */
function unreachable(): StateStore {
  const store = memorySqliteStore();
  const refuse = async (): Promise<never> => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  };
  overrideLedgers(
    store.progress,
    { get: refuse, all: refuse, history: refuse, changesBetween: refuse, allChanges: refuse, latestNotes: refuse, latestNote: refuse, write: refuse },
    refuse,
  );
  Object.assign(store.digest, { cycleStart: refuse, postedDates: refuse });
  Object.assign(store.activity, { activityOn: refuse });
  return store;
}

const NOW = new Date('2026-11-25T03:00:00Z');
const UNAVAILABLE = '推进情况记录暂时读不到';
/** What the asker saw, as one string. */
const shown = (calls: Call[]) => JSON.stringify(calls);

describe('with the state store unreachable', () => {
  it('shows /measure 42, /area 3 and /progress 42 from the plan, saying the record cannot be read now', async () => {
    const slack = listenerFakes(() => NOW, { engine: unreachable() });
    await measureCommand(slack.app.lookups, slack.work)(slack.command('/measure', '42'));
    const measure = shown(slack.takeCalls());
    expect(measure).toContain('加大对海关知识产权大要案的查处力度');
    expect(measure).toContain(UNAVAILABLE);
    expect(measure).not.toContain('更新进展');
    await areaCommand(slack.app.lookups, slack.work)(slack.command('/area', '3'));
    expect(shown(slack.takeCalls())).toContain(UNAVAILABLE);
    await progressCommand(slack.app.progress, slack.work)(slack.command('/progress', '42'));
    const progress = shown(slack.takeCalls());
    expect(progress).toContain('第 42 条');
    expect(progress).toContain(UNAVAILABLE);
    expect(slack.takeErrors().filter((e) => !e.startsWith('state store failing'))).toEqual([]);
  });

  it('shows today’s digest with /plan digest, counted from today and saying so', async () => {
    const slack = listenerFakes(() => NOW, { engine: unreachable() });
    await planCommand(slack.app.planRequests, slack.work)(slack.command('/plan', 'digest'));
    const digest = shown(slack.takeCalls());
    expect(digest).toContain('计划简报 · 第 1 期');
    expect(digest).toContain('记录暂时读不到');
  });

  it('steps to the next measure, and answers a question about progress by saying the record cannot be read now', async () => {
    const slack = listenerFakes(() => NOW, { engine: unreachable() });
    await measureStep(slack.app.progress, slack.work)(slack.click(ACTION.measureNext, encodeValue({ n: 43 }), { user: COORDINATOR_ID }));
    const step = shown(slack.takeCalls());
    expect(step).toContain('第 43 条');
    expect(step).toContain(UNAVAILABLE);
    await directOrThreadMessage(slack.app, slack.work, slack.firstDelivery, slack.log.logger)(slack.message('第42条进展如何'));
    expect(shown(slack.takeCalls())).toContain(`第 42 条的推进情况：${UNAVAILABLE}`);
  });

  it('publishes App Home from what is readable: the areas and how to use the app', async () => {
    const slack = listenerFakes(() => NOW, { engine: unreachable() });
    const args = slack.mention('');
    await appHomeOpened(
      slack.app.home,
      slack.app.lookups.overview,
      slack.work,
    )({ ...args, event: { type: 'app_home_opened', user: 'U0USER', channel: 'D0HOME', tab: 'home', event_ts: '1.1' } } as unknown as Parameters<
      ReturnType<typeof appHomeOpened>
    >[0]);
    const home = slack.takeCalls().find((c) => c.kind === 'api' && c.method === 'views.publish');
    expect(JSON.stringify(home)).toContain(UNAVAILABLE);
    expect(JSON.stringify(home)).toContain('三、提高知识产权保护效果');
  });
});
