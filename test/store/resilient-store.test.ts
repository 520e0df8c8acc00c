import { describe, expect, it } from 'vitest';
import { FAILURE_LOG_INTERVAL_MS, resilientStore } from '../../src/store/resilient-store.js';
import { memorySqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { captureLogger } from '../support/capture-logger.js';

const question = (q: string) => ({ date: '2026-11-25', at: 1, surface: 'dm', question: q, kind: 'none', measures: [], found: false });

describe('the store as the running app uses it', () => {
  it('keeps activity in memory while the engine refuses writes, and writes it in order once it accepts again', async () => {
    const log = captureLogger();
    const engine = memorySqliteStore();
    const store = resilientStore(engine, log.logger);
    engine.db.pragma('query_only = ON'); // the database refuses writes, as on a full or read-only disk
    await store.activity.recordQuestion(question('区块链'));
    await store.activity.recordQuestion(question('绿卡'));
    expect(store.pendingWrites()).toBe(2);
    expect(log.lines().filter((l) => String(l.msg).startsWith('state store failing'))).toHaveLength(1);
    expect(store.health()).toMatchObject({ state: 'degraded', details: { pendingWrites: 2 } });
    engine.db.pragma('query_only = OFF');
    await store.activity.recordFeedback({ date: '2026-11-25', at: 2, helpful: true, question: '剑网行动', measures: [28] });
    expect(store.pendingWrites()).toBe(0);
    expect(store.health().state).toBe('ok');
    expect(log.lines().some((l) => l.msg === 'state store reachable again')).toBe(true);
    const day = await store.activity.activityOn('2026-11-25');
    expect(day.questions.map((q) => q.question)).toEqual(['区块链', '绿卡']);
    expect(day.feedback).toEqual({ helpful: 1, notHelpful: 0 });
    await store.close();
  });

  it('still answers a retried delivery once while the engine cannot be written', async () => {
    const log = captureLogger();
    const engine = memorySqliteStore();
    const store = resilientStore(engine, log.logger);
    engine.db.pragma('query_only = ON');
    expect(await store.events.claim('event:Ev1', 1)).toBe(true);
    expect(await store.events.claim('event:Ev1', 2)).toBe(false);
    expect(log.lines().some((l) => String(l.msg).startsWith('state store failing'))).toBe(true);
    engine.db.pragma('query_only = OFF');
    await store.close();
  });

  it('logs a failing engine once per interval, however many calls fail', async () => {
    const log = captureLogger();
    let now = 0;
    const engine = memorySqliteStore();
    const store = resilientStore(engine, log.logger, { nowMs: () => now });
    engine.db.pragma('query_only = ON');
    for (let i = 0; i < 20; i++) await store.activity.recordQuestion(question(`问题${i}`));
    now += FAILURE_LOG_INTERVAL_MS;
    await store.activity.recordQuestion(question('再问'));
    const failures = log.lines().filter((l) => String(l.msg).startsWith('state store failing'));
    expect(failures).toHaveLength(2);
    expect(failures[1]?.failures).toBe(20);
    engine.db.pragma('query_only = OFF');
    await store.close();
  });
});
