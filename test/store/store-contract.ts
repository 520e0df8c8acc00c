/**
 * What every state store engine promises, as one suite run against each engine
 * (sqlite-store.test.ts, postgres-store.test.ts): a group added to the interface is tested here,
 * and so on every engine. Engine-specific failure modes (a damaged file, an unreachable server)
 * stay in the engine's own test file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ATTEMPT_LEASE_MS } from '../../src/app/digest/digest-store.js';
import type { Replica } from '../../src/app/process/replica.js';
import { addDays } from '../../src/core/time/local-date.js';
import { pruneBefore } from '../../src/store/retention.js';
import { PRUNE_BATCH, REPLICA_GONE_MS, type PruneBefore, type StateStore } from '../../src/store/state-store.js';

export interface EngineOptions {
  /** Whether a pid on this host still runs. */
  isAlive?: (pid: number) => boolean;
}

/** Opens an engine on a fresh, empty state; `again()` opens another connection to the same state. */
export type OpenFresh = (options?: EngineOptions) => Promise<{ store: StateStore; again(options?: EngineOptions): Promise<StateStore> }>;

const HOST = 'host-a';
const owner = (name: string, pid: number, host = HOST): Replica => ({ id: `${host}:${pid}:${name}`, host, pid });
const question = (q: string, measures: number[], found = true) => ({
  date: '2026-11-25',
  at: Date.parse('2026-11-25T03:00:00Z'),
  surface: 'dm',
  question: q,
  kind: found ? 'search' : 'none',
  measures,
  found,
});
const NOW = Date.parse('2026-11-25T01:00:00Z');
/** Cut-offs before anything this suite writes: nothing is pruned. */
const KEEP_EVERYTHING: PruneBefore = { deliveries: 0, acceptedWork: 0, conversations: 0, activity: '1970-01-01', digestAttempts: 0, replicas: 0 };

export function stateStoreContract(engine: string, openFresh: OpenFresh): void {
  const opened: StateStore[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0).reverse()) await store.close().catch(() => undefined);
  });

  async function fresh(options?: EngineOptions): Promise<{ store: StateStore; again(options?: EngineOptions): Promise<StateStore> }> {
    const state = await openFresh(options);
    opened.push(state.store);
    return {
      store: state.store,
      async again(more) {
        const store = await state.again(more);
        opened.push(store);
        return store;
      },
    };
  }

  describe(`the ${engine} state store`, () => {
    it('keeps activity, questions in the order asked, and counts feedback per day', async () => {
      const { store, again } = await fresh();
      await store.activity.recordQuestion(question('剑网行动', [28, 36]));
      await store.activity.recordQuestion(question('区块链', [], false));
      await store.activity.recordFeedback({ date: '2026-11-25', at: 1, helpful: true, question: '剑网行动', measures: [28] });
      await store.activity.recordFeedback({ date: '2026-11-25', at: 2, helpful: false, question: '区块链', measures: [] });
      const other = await again();
      expect(await other.activity.activityOn('2026-11-25')).toEqual({
        questions: [
          { question: '剑网行动', measures: [28, 36], found: true },
          { question: '区块链', measures: [], found: false },
        ],
        feedback: { helpful: 1, notHelpful: 1 },
      });
      expect(await other.activity.activityOn('2026-11-24')).toEqual({ questions: [], feedback: { helpful: 0, notHelpful: 0 } });
    });

    it('lets one claim of a delivery succeed, from any connection, and forgets old claims when pruned', async () => {
      const { store, again } = await fresh();
      const other = await again();
      expect(await store.events.claim('event:Ev1', 1000)).toBe(true);
      expect(await other.events.claim('event:Ev1', 1001)).toBe(false);
      expect(await store.events.claim('event:Ev0', 10)).toBe(true);
      await other.prune({ ...KEEP_EVERYTHING, deliveries: 500 });
      expect(await store.events.claim('event:Ev0', 2000)).toBe(true);
      expect(await store.events.claim('event:Ev1', 2000)).toBe(false);
    });

    it('hands the digest of a date to one poster, who records it; the date is then done for everyone', async () => {
      const { store, again } = await fresh({ isAlive: () => true });
      const other = await again({ isAlive: () => true });
      const a = owner('a', 100);
      const b = owner('b', 200);
      const claims = await Promise.all([store.digest.claim('2026-11-25', a, NOW), other.digest.claim('2026-11-25', b, NOW)]);
      expect(claims.map((c) => c.status).sort()).toEqual(['busy', 'claimed']);
      const winner = claims[0]?.status === 'claimed' ? store : other;
      expect(await winner.digest.ensureCycleStart('2026-11-25')).toBe('2026-11-25');
      expect(await other.digest.ensureCycleStart('2026-12-01')).toBe('2026-11-25');
      await winner.digest.recordPost('2026-11-25', { channel: 'C0DIGEST', ts: '1764000000.000100', issue: 1, foundInHistory: false }, NOW + 1);
      expect(await other.digest.claim('2026-11-25', b, NOW + 2)).toEqual({ status: 'already-posted', channel: 'C0DIGEST', ts: '1764000000.000100' });
      expect(await store.digest.postedDates()).toEqual(new Set(['2026-11-25']));
      expect(await other.digest.cycleStart()).toBe('2026-11-25');
    });

    it('lets a digest claim be taken over when its poster died, saying so, and when it gave the claim back', async () => {
      const { store } = await fresh({ isAlive: (pid) => pid !== 100 });
      expect((await store.digest.claim('2026-11-25', owner('dead', 100), NOW)).status).toBe('claimed');
      expect(await store.digest.claim('2026-11-25', owner('b', 200), NOW + 1)).toEqual({
        status: 'claimed-after-interruption',
        previousOwner: owner('dead', 100).id,
        startedAt: NOW,
      });
      await store.digest.release('2026-11-25', owner('b', 200));
      expect((await store.digest.claim('2026-11-25', owner('c', 300), NOW + 2)).status).toBe('claimed');
      // Another host's claim is trusted until its lease runs out.
      expect((await store.digest.claim('2026-11-26', owner('far', 1, 'host-b'), NOW)).status).toBe('claimed');
      expect((await store.digest.claim('2026-11-26', owner('c', 300), NOW + 1)).status).toBe('busy');
      expect((await store.digest.claim('2026-11-26', owner('c', 300), NOW + ATTEMPT_LEASE_MS)).status).toBe('claimed-after-interruption');
    });

    it('keeps what a conversation left for its next message, replaced by the latest, and forgets old ones when pruned', async () => {
      const { store, again } = await fresh();
      await store.threads.put('C1/1700000000.000100', '{"measures":[3]}', NOW);
      await store.threads.put('C1/1700000000.000100', '{"measures":[4,5]}', NOW + 10);
      await store.threads.put('D1', '{"measures":[42]}', NOW - 1000);
      const other = await again();
      expect(await other.threads.get('C1/1700000000.000100')).toBe('{"measures":[4,5]}');
      expect(await other.threads.get('C9/1')).toBeUndefined();
      await other.prune({ ...KEEP_EVERYTHING, conversations: NOW });
      expect(await store.threads.get('D1')).toBeUndefined();
      expect(await store.threads.get('C1/1700000000.000100')).toBe('{"measures":[4,5]}');
    });

    it('records accepted work once per key, and forgets it once finished', async () => {
      const { store, again } = await fresh();
      const other = await again();
      const work = { key: 'event:EvW1', body: '{"event_id":"EvW1"}', acceptedAt: NOW, owner: owner('a', 100).id };
      expect(await store.work.accept(work)).toBe(true);
      expect(await other.work.accept({ ...work, owner: owner('b', 200).id })).toBe(false);
      expect(await other.events.claim('event:EvW1', NOW)).toBe(false); // accepting claimed the delivery too
      await store.work.finish('event:EvW1');
      expect((await other.work.adopt(owner('b', 200), NOW + REPLICA_GONE_MS, NOW - 1)).adopted).toEqual([]);
    });

    it('lets live replicas keep their work, and hands the work of gone ones to one adopter, fresh work only', async () => {
      const { store, again } = await fresh({ isAlive: (pid) => pid !== 100 });
      const other = await again({ isAlive: (pid) => pid !== 100 });
      const live = owner('live', 300, 'host-b');
      const dead = owner('dead', 100);
      expect(await store.replicas.join(live, '{}', NOW)).toEqual([]);
      expect(await store.replicas.join(dead, '{}', NOW)).toEqual([]);
      await store.work.accept({ key: 'event:Live', body: '{}', acceptedAt: NOW, owner: live.id });
      await store.work.accept({ key: 'event:Dead', body: '{"a":1}', acceptedAt: NOW + 1, owner: dead.id });
      await store.work.accept({ key: 'event:Stale', body: '{}', acceptedAt: NOW - 60_000, owner: dead.id });
      const adopters = [owner('x', 400), owner('y', 500)];
      for (const adopter of adopters) expect(await store.replicas.join(adopter, '{}', NOW)).toEqual([]);
      const results = await Promise.all([
        store.work.adopt(adopters[0] as Replica, NOW + 2, NOW - 1000),
        other.work.adopt(adopters[1] as Replica, NOW + 2, NOW - 1000),
      ]);
      const adopted = results.flatMap((r) => r.adopted);
      expect(adopted.map((w) => [w.key, w.body])).toEqual([['event:Dead', '{"a":1}']]);
      expect(results.reduce((n, r) => n + r.expired, 0)).toBe(1);
      // The live replica's work is adopted only once it has not been heard from for long enough.
      await store.replicas.heartbeat(live, NOW);
      expect((await other.work.adopt(owner('y', 500), NOW + REPLICA_GONE_MS - 1, NOW - 1000)).adopted).toEqual([]);
      await store.replicas.heartbeat(adopters[0] as Replica, NOW + REPLICA_GONE_MS); // x still lives; the other replica went quiet
      expect((await other.work.adopt(owner('y', 500), NOW + REPLICA_GONE_MS, NOW - 1000)).adopted.map((w) => w.key)).toEqual(['event:Live']);
    });

    it('registers replicas that agree on their settings, refuses one that differs while another lives, and forgets those that leave', async () => {
      const { store, again } = await fresh({ isAlive: () => true });
      const other = await again({ isAlive: () => true });
      const a = owner('a', 1, 'host-a');
      const b = owner('b', 2, 'host-b');
      const c = owner('c', 3, 'host-c');
      expect(await store.replicas.join(a, '{"tz":"Asia/Shanghai"}', NOW)).toEqual([]);
      expect(await other.replicas.join(b, '{"tz":"Asia/Shanghai"}', NOW)).toEqual([]);
      const refused = await other.replicas.join(c, '{"tz":"Europe/Berlin"}', NOW + 1);
      expect(refused.map((r) => [r.host, r.settings]).sort()).toEqual([
        ['host-a', '{"tz":"Asia/Shanghai"}'],
        ['host-b', '{"tz":"Asia/Shanghai"}'],
      ]);
      await store.replicas.leave(a);
      await other.replicas.leave(b);
      expect(await other.replicas.join(c, '{"tz":"Europe/Berlin"}', NOW + 2)).toEqual([]);
    });

    it("prunes each kind of row past its retention and keeps the newer ones, the digest's posts and the progress record", async () => {
      const { store, again } = await fresh({ isAlive: () => false });
      const cut = pruneBefore(NOW);
      const other = await again({ isAlive: () => false });
      // Delivery claims and accepted work (accepting claims the delivery too).
      await store.events.claim('event:Old', cut.deliveries - 1);
      await store.events.claim('event:New', cut.deliveries);
      await store.work.accept({ key: 'event:WorkOld', body: '{}', acceptedAt: cut.acceptedWork - 1, owner: owner('a', 100).id });
      await store.work.accept({ key: 'event:WorkNew', body: '{}', acceptedAt: cut.acceptedWork, owner: owner('a', 100).id });
      // Conversations.
      await store.threads.put('C1/old', '{"measures":[1]}', cut.conversations - 1);
      await store.threads.put('C1/new', '{"measures":[2]}', cut.conversations);
      // Activity, by calendar day.
      const lastDropped = addDays(cut.activity, -1);
      for (const date of [lastDropped, cut.activity]) {
        await store.activity.recordQuestion({ ...question(`问 ${date}`, [28]), date });
        await store.activity.recordFeedback({ date, at: 1, helpful: true, question: `问 ${date}`, measures: [28] });
      }
      // Digest attempts left behind, and a digest posted long ago (the issue numbering counts it).
      await store.digest.claim('2026-01-05', owner('dead', 100), cut.digestAttempts - 1);
      await store.digest.claim('2026-11-18', owner('dead', 100), cut.digestAttempts);
      await store.digest.claim('2025-01-02', owner('a', 100), 0);
      await store.digest.recordPost('2025-01-02', { channel: 'C0DIGEST', ts: '1735800000.000100', issue: 1, foundInHistory: false }, 0);
      await store.digest.ensureCycleStart('2025-01-02');
      // Replicas: one not heard from past the retention, one heard from at its edge.
      await store.replicas.join(owner('long-gone', 7, 'host-z'), '{}', cut.replicas - 1);
      await store.replicas.join(owner('recent', 8, 'host-z'), '{}', cut.replicas);
      // The progress record: never pruned, however old.
      const old = { measure: 42, status: '推进中', lead: ['海关总署'], participants: [], due: null, version: 1, updatedAt: 0, updatedBy: 'U0COORD' };
      await store.progress.forPlan('2014').write({
        row: old,
        expectedVersion: 0,
        changes: [{ measure: 42, version: 1, at: 0, date: '1970-01-01', author: 'U0COORD', field: 'note', before: null, after: '最早的说明' }],
      });

      expect(await other.prune(cut)).toEqual({ deliveries: 2, acceptedWork: 1, conversations: 1, questions: 1, feedback: 1, digestAttempts: 1, replicas: 1 });

      expect(await store.events.claim('event:Old', NOW)).toBe(true);
      expect(await store.events.claim('event:New', NOW)).toBe(false);
      expect(await store.events.claim('event:WorkOld', NOW)).toBe(true);
      expect(await store.events.claim('event:WorkNew', NOW)).toBe(false);
      expect(await store.threads.get('C1/old')).toBeUndefined();
      expect(await store.threads.get('C1/new')).toBe('{"measures":[2]}');
      expect(await store.activity.activityOn(lastDropped)).toEqual({ questions: [], feedback: { helpful: 0, notHelpful: 0 } });
      expect(await store.activity.activityOn(cut.activity)).toEqual({
        questions: [{ question: `问 ${cut.activity}`, measures: [28], found: true }],
        feedback: { helpful: 1, notHelpful: 0 },
      });
      expect((await store.digest.claim('2026-01-05', owner('b', 200), NOW)).status).toBe('claimed');
      expect((await store.digest.claim('2026-11-18', owner('b', 200), NOW)).status).toBe('claimed-after-interruption');
      expect(await store.digest.postedDates()).toEqual(new Set(['2025-01-02']));
      expect(await store.digest.cycleStart()).toBe('2025-01-02');
      expect(await store.progress.forPlan('2014').get(42)).toEqual(old);
      expect((await store.progress.forPlan('2014').history(42)).map((c) => c.after)).toEqual(['最早的说明']);
      expect(await other.prune(cut)).toEqual({ deliveries: 0, acceptedWork: 0, conversations: 0, questions: 0, feedback: 0, digestAttempts: 0, replicas: 0 });
    });

    it('prunes more rows than one batch deletes', async () => {
      const { store } = await fresh();
      const count = PRUNE_BATCH * 2 + 3;
      for (let from = 0; from < count; from += 50) {
        await Promise.all(Array.from({ length: Math.min(50, count - from) }, (_, i) => store.events.claim(`event:Bulk${from + i}`, 1)));
      }
      await store.events.claim('event:Kept', 1000);
      expect((await store.prune({ ...KEEP_EVERYTHING, deliveries: 1000 })).deliveries).toBe(count);
      expect(await store.events.claim('event:Bulk0', 2000)).toBe(true);
      expect(await store.events.claim(`event:Bulk${count - 1}`, 2000)).toBe(true);
      expect(await store.events.claim('event:Kept', 2000)).toBe(false);
    });

    it('opens an existing state again without migrating it twice, also from two connections at once', async () => {
      const { store, again } = await fresh();
      await store.events.claim('event:Kept', 1);
      const [x, y] = await Promise.all([again(), again()]);
      expect(await x.events.claim('event:Kept', 2)).toBe(false);
      expect(await y.events.claim('event:New', 2)).toBe(true);
    });
  });
}
