/**
 * The state the configuration names: PostgreSQL when DATABASE_URL is set (several replicas share
 * it), else SQLite under DATA_DIR. Three ways to open it, for three kinds of user:
 *
 * - {@link openStore}: the running service, resilient to passing failures (`open()` it first);
 * - {@link openStoreForWriting}: an administrator's write from the CLI, created if need be,
 *   failing loudly rather than papering over;
 * - {@link openExistingStore}: a read from the CLI or the console, never creating a SQLite file
 *   (empty when there is none).
 */
import type { Logger } from 'pino';
import { openPostgresStore } from '../postgres/postgres-store.js';
import { resilientStore, type ResilientStore } from '../resilient-store.js';
import { openExistingSqliteStore, openSqliteStore } from '../sqlite/sqlite-store.js';
import type { StateStore } from '../state-store.js';

/** Where the state lives, as the configuration says. */
export interface StoreLocation {
  dataDir: string;
  databaseUrl?: string;
}

export function openStore(location: StoreLocation, logger: Logger): ResilientStore {
  return resilientStore(location.databaseUrl ? openPostgresStore(location.databaseUrl) : openSqliteStore(location.dataDir), logger);
}

/** Opens a store, closing it again when it cannot be opened. */
async function opened(store: StateStore): Promise<StateStore> {
  try {
    await store.open();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

export function openStoreForWriting(location: StoreLocation): Promise<StateStore> {
  return opened(location.databaseUrl ? openPostgresStore(location.databaseUrl) : openSqliteStore(location.dataDir));
}

export async function openExistingStore(location: StoreLocation): Promise<StateStore> {
  return location.databaseUrl ? opened(openPostgresStore(location.databaseUrl)) : openExistingSqliteStore(location.dataDir);
}
