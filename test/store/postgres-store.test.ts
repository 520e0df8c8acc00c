/**
 * The PostgreSQL engine against a real server started for this file: the contract every engine
 * keeps, plus what only a server can do (be unreachable, come back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres/postgres-migrations.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { resilientStore } from '../../src/store/resilient-store.js';
import { StoreError } from '../../src/store/store-error.js';
import { captureLogger } from '../support/capture-logger.js';
import { freePort } from '../support/local-process.js';
import { startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { describeProgressStore } from './progress-store-contract.js';
import { describeHelpDeskStore } from './help-desk-store-contract.js';
import { describeBackupStore } from './backup-store-contract.js';
import { stateStoreContract } from './store-contract.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

stateStoreContract('PostgreSQL', async (options) => {
  const url = await server.createDatabase();
  const open = async (more = options) => {
    const store = openPostgresStore(url, more);
    await store.open();
    return store;
  };
  return { store: await open(), again: open };
});

/** One database per contract suite, created on first use and opened afresh each time the suite asks. */
function oneDatabase() {
  let url: Promise<string> | undefined;
  return {
    async open() {
      url ??= server.createDatabase();
      const store = openPostgresStore(await url);
      await store.open();
      return store;
    },
    cleanup: async () => undefined,
  };
}

describeProgressStore('PostgreSQL', oneDatabase);

describeHelpDeskStore('PostgreSQL', oneDatabase);

describeBackupStore('PostgreSQL', oneDatabase);

describe('the PostgreSQL state store', () => {
  it('migrates a fresh database once when several replicas start at the same moment', async () => {
    const url = await server.createDatabase();
    const stores = Array.from({ length: 4 }, () => openPostgresStore(url));
    await Promise.all(stores.map((s) => s.open()));
    const { rows } = await stores[0]!.pool.query('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]).toEqual({ n: POSTGRES_MIGRATIONS.length });
    await Promise.all(stores.map((s) => s.close()));
  });

  it('stops start-up with one line naming DATABASE_URL (without its password) when the server cannot be reached', async () => {
    const store = openPostgresStore(`postgres://app:s3cret-pw@127.0.0.1:${await freePort()}/ipplan`);
    const error = await store.open().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect(String((error as Error).message)).toMatch(/^the PostgreSQL database at postgres:\/\/app@127\.0\.0\.1:\d+\/ipplan cannot be used \(ECONNREFUSED/u);
    expect(String((error as Error).message)).not.toContain('s3cret-pw');
    await store.close();
  });

  it('while the server is gone: claims hold in memory, writes wait and are written once it is back, failures logged once', async () => {
    const url = await server.createDatabase();
    const log = captureLogger();
    const engine = openPostgresStore(url);
    await engine.open();
    const store = resilientStore(engine, log.logger, { retryIntervalMs: 50 });
    await server.pause();
    try {
      expect(await store.events.claim('event:Down1', 1)).toBe(true);
      expect(await store.events.claim('event:Down1', 2)).toBe(false);
      await store.activity.recordQuestion({ date: '2026-11-25', at: 1, surface: 'dm', question: '区块链', kind: 'none', measures: [], found: false });
      await store.activity.recordQuestion({ date: '2026-11-25', at: 2, surface: 'dm', question: '绿卡', kind: 'none', measures: [], found: false });
      expect(store.health().state).toBe('degraded');
    } finally {
      await server.restart();
    }
    await store.flush();
    await expect.poll(async () => (await store.flush(), store.pendingWrites()), { timeout: 5000 }).toBe(0);
    expect((await store.activity.activityOn('2026-11-25')).questions.map((q) => q.question)).toEqual(['区块链', '绿卡']);
    expect(log.lines().filter((l) => String(l.msg).startsWith('state store failing'))).toHaveLength(1);
    expect(store.health().state).toBe('ok');
    await store.close();
  });
});
