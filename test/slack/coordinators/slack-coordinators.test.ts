import { describe, expect, it } from 'vitest';
import { createCoordinators, REFRESH_MS, RETRY_MS } from '../../../src/slack/coordinators/slack-coordinators.js';
import { captureLogger } from '../../support/capture-logger.js';
import { waitUntil } from '../../support/waiters.js';

function coordinators(members: (group: string, call: number) => string[] | Error) {
  let now = Date.parse('2026-11-24T02:00:00Z');
  const calls: string[] = [];
  const log = captureLogger();
  const who = createCoordinators({
    config: { users: ['U0DIRECT'], groups: ['S0GROUP'] },
    listMembers: async (group) => {
      calls.push(group);
      const result = members(group, calls.length);
      if (result instanceof Error) throw result;
      return result;
    },
    logger: log.logger,
    now: () => new Date(now),
  });
  return { who, calls, log, advance: (ms: number) => void (now += ms) };
}

describe('coordinators', () => {
  it('lets in the members named and the members of the groups named, looking each group up once', async () => {
    const { who, calls } = coordinators(() => ['U0MEMBER']);
    expect(await who.mayWrite('U0DIRECT')).toBe(true);
    expect(calls).toEqual([]);
    expect(await who.mayWrite('U0MEMBER')).toBe(true);
    expect(await who.mayWrite('U0STRANGER')).toBe(false);
    expect(calls).toEqual(['S0GROUP']);
  });

  it('refreshes a group every few minutes in the background, answering from the cache meanwhile', async () => {
    const { who, calls, advance } = coordinators((_, call) => (call === 1 ? ['U0OLD'] : ['U0NEW']));
    expect(await who.mayWrite('U0OLD')).toBe(true);
    advance(REFRESH_MS - 1);
    expect(await who.mayWrite('U0NEW')).toBe(false);
    advance(1);
    expect(await who.mayWrite('U0OLD')).toBe(true); // answered from the cache, reload started
    await waitUntil(async () => (await who.mayWrite('U0NEW')) || undefined, 'the reloaded group');
    expect(await who.mayWrite('U0OLD')).toBe(false);
    expect(calls).toEqual(['S0GROUP', 'S0GROUP']);
  });

  it('keeps the last members when a reload fails, lets nobody in on a group never loaded, and retries', async () => {
    const failing = coordinators((_, call) => (call === 1 ? ['U0MEMBER'] : new Error('missing_scope')));
    await failing.who.refresh();
    failing.advance(REFRESH_MS);
    await failing.who.refresh();
    expect(await failing.who.mayWrite('U0MEMBER')).toBe(true);
    expect(failing.log.lines().some((l) => l.msg === 'could not load a coordinator group; keeping its last members' && l.kept === 1)).toBe(true);

    const never = coordinators((_, call) => (call === 1 ? new Error('missing_scope') : ['U0MEMBER']));
    expect(await never.who.mayWrite('U0MEMBER')).toBe(false);
    expect(await never.who.mayWrite('U0MEMBER')).toBe(false);
    expect(never.calls).toHaveLength(1);
    never.advance(RETRY_MS);
    expect(await never.who.mayWrite('U0MEMBER')).toBe(true);
  });
});
