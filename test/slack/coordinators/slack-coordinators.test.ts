import { describe, expect, it } from 'vitest';
import { createCoordinators, MAX_MEMBERS_AGE_MS, REFRESH_MS, RETRY_MS } from '../../../src/slack/coordinators/slack-coordinators.js';
import { captureLogger } from '../../support/capture-logger.js';
import { waitUntil } from '../../support/waiters.js';

/** An answer from Slack that the group cannot be listed, as @slack/web-api reports one. */
const slackSays = (error: string) =>
  Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
/** No answer at all (a timeout, a lost connection). */
const noAnswer = () => Object.assign(new Error('A request error occurred: timed out'), { code: 'slack_webapi_request_error' });

function coordinators(members: (group: string, call: number) => string[] | Error | Promise<string[]>, writeWaitMs = 1_500) {
  let now = Date.parse('2026-11-24T02:00:00Z');
  const calls: string[] = [];
  const log = captureLogger();
  const who = createCoordinators({
    config: { users: ['U0DIRECT'], groups: ['S0GROUP'] },
    listMembers: async (group) => {
      calls.push(group);
      const result = await members(group, calls.length);
      if (result instanceof Error) throw result;
      return result;
    },
    logger: log.logger,
    now: () => new Date(now),
    writeWaitMs,
  });
  return { who, calls, log, advance: (ms: number) => void (now += ms) };
}

describe('coordinators', () => {
  it('lets in the members named and the members of the groups named, looking each group up once', async () => {
    const { who, calls } = coordinators(() => ['U0MEMBER']);
    expect(await who.mayWrite('U0DIRECT')).toBe('granted');
    expect(calls).toEqual([]);
    expect(await who.mayWrite('U0MEMBER')).toBe('granted');
    expect(await who.mayWrite('U0STRANGER')).toBe('refused');
    expect(calls).toEqual(['S0GROUP']);
  });

  it('refreshes a group every few minutes in the background, answering from the cache meanwhile', async () => {
    const { who, calls, advance } = coordinators((_, call) => (call === 1 ? ['U0OLD'] : ['U0NEW']));
    expect(await who.mayWrite('U0OLD')).toBe('granted');
    advance(REFRESH_MS - 1);
    expect(await who.mayWrite('U0NEW')).toBe('refused');
    advance(1);
    expect(await who.mayWrite('U0OLD')).toBe('granted'); // answered from the cache, reload started
    await waitUntil(async () => (await who.mayWrite('U0NEW')) === 'granted' || undefined, 'the reloaded group');
    expect(await who.mayWrite('U0OLD')).toBe('refused');
    expect(calls).toEqual(['S0GROUP', 'S0GROUP']);
  });

  it('keeps the last members while Slack cannot be reached, and tries a group never loaded again', async () => {
    const failing = coordinators((_, call) => (call === 1 ? ['U0MEMBER'] : noAnswer()));
    await failing.who.refresh();
    failing.advance(REFRESH_MS);
    await failing.who.refresh();
    expect(await failing.who.mayWrite('U0MEMBER')).toBe('granted');
    expect(
      failing.log.lines().some((l) => l.msg === 'could not reach Slack to list a coordinator group; keeping its last members for now' && l.kept === 1),
    ).toBe(true);

    const never = coordinators((_, call) => (call === 1 ? noAnswer() : ['U0MEMBER']));
    expect(await never.who.mayWrite('U0MEMBER')).toBe('unknown');
    expect(never.calls).toHaveLength(1);
    never.advance(RETRY_MS);
    expect(await never.who.mayWrite('U0MEMBER')).toBe('granted');
  });

  it('takes write access away at once when Slack says the group is gone, and logs it once', async () => {
    const { who, log, advance } = coordinators((_, call) => (call === 1 ? ['U0MEMBER'] : slackSays('no_such_subteam')));
    expect(await who.mayWrite('U0MEMBER')).toBe('granted');
    advance(REFRESH_MS);
    await who.refresh();
    expect(await who.mayWrite('U0MEMBER')).toBe('refused');
    expect(await who.canEdit('U0MEMBER')).toBe(false);
    advance(REFRESH_MS);
    await who.refresh();
    expect(log.lines().filter((l) => l.msg === 'a coordinator group cannot be listed; its members may no longer update progress')).toEqual([
      expect.objectContaining({ group: 'S0GROUP', error: 'no_such_subteam', removed: 1 }),
    ]);
    expect(await who.mayWrite('U0DIRECT')).toBe('granted'); // members named directly are not a group's
  });

  it('counts members cached longer than the maximum age as unknown for a write, and never as granted', async () => {
    const { who, advance } = coordinators((_, call) => (call === 1 ? ['U0MEMBER'] : noAnswer()));
    expect(await who.mayWrite('U0MEMBER')).toBe('granted');
    advance(MAX_MEMBERS_AGE_MS + 1);
    expect(await who.mayWrite('U0MEMBER')).toBe('unknown');
  });

  it('answers whether to show 更新进展 without waiting on Slack: a group not loaded yet shows nothing', async () => {
    let release: (members: string[]) => void = () => undefined;
    const slow = new Promise<string[]>((resolve) => (release = resolve));
    const { who, calls } = coordinators(() => slow);
    expect(await who.canEdit('U0MEMBER')).toBe(false); // answered at once, the lookup started
    expect(calls).toEqual(['S0GROUP']);
    release(['U0MEMBER']);
    await waitUntil(async () => (await who.canEdit('U0MEMBER')) || undefined, 'the group loaded in the background');
  });

  it('lets a write wait for a slow lookup only within its budget, then answers unknown', async () => {
    const slow = new Promise<string[]>(() => undefined); // Slack never answers
    const { who } = coordinators(() => slow, 20);
    expect(await who.mayWrite('U0MEMBER')).toBe('unknown');
    expect(await who.mayWrite('U0DIRECT')).toBe('granted');
  });
});
