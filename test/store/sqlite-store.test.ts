import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STATE_FILE } from '../../src/store/sqlite/open-sqlite.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { StoreError } from '../../src/store/store-error.js';
import { describeProgressStore } from './progress-store-contract.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function storeError(dataDir: string): StoreError {
  try {
    void openSqliteStore(dataDir).close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

const question = (q: string, measures: number[], found = true) => ({ date: '2026-11-25', at: Date.parse('2026-11-25T03:00:00Z'), surface: 'dm', question: q, kind: found ? 'search' : 'none', measures, found });

describe('the state store', () => {
  it('refuses a corrupt state file with a clear error and leaves it untouched for inspection', () => {
    const dir = tempDir();
    const file = join(dir, STATE_FILE);
    const garbage = 'this is not a database '.repeat(200);
    writeFileSync(file, garbage);
    const error = storeError(dir);
    expect(error.message).toContain(`the state file ${file} cannot be read`);
    expect(error.message).toContain('left untouched for inspection');
    expect(readFileSync(file, 'utf8')).toBe(garbage);
  });

  it('refuses a DATA_DIR it cannot write to, naming it', () => {
    const dir = tempDir();
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'x');
    expect(storeError(join(notADirectory, 'data')).message).toMatch(/^DATA_DIR .* is not a writable directory \(ENOTDIR\): point DATA_DIR at a directory this process can write to\.$/u);
  });

  it('refuses a state file from a newer version of the app', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    store.db.pragma('user_version = 999');
    await store.close();
    expect(storeError(dir).message).toContain('is from a newer version of this app');
  });

  it('keeps activity across a restart, questions in the order asked', async () => {
    const dir = tempDir();
    let store = openSqliteStore(dir);
    await store.activity.recordQuestion(question('剑网行动', [28, 36]));
    await store.activity.recordQuestion(question('区块链', [], false));
    await store.activity.recordFeedback({ date: '2026-11-25', at: 1, helpful: true, question: '剑网行动', measures: [28] });
    await store.close();
    store = openSqliteStore(dir);
    expect(await store.activity.activityOn('2026-11-25')).toEqual({
      questions: [
        { question: '剑网行动', measures: [28, 36], found: true },
        { question: '区块链', measures: [], found: false },
      ],
      feedback: { helpful: 1, notHelpful: 0 },
    });
    expect(await store.activity.activityOn('2026-11-24')).toEqual({ questions: [], feedback: { helpful: 0, notHelpful: 0 } });
    await store.close();
  });

  it('remembers handled events across a restart, and forgets old ones when pruned', async () => {
    const dir = tempDir();
    let store = openSqliteStore(dir);
    expect(await store.events.claim('event:Ev1', 1000)).toBe(true);
    expect(await store.events.claim('event:Ev0', 10)).toBe(true);
    await store.close();
    store = openSqliteStore(dir);
    expect(await store.events.claim('event:Ev1', 2000)).toBe(false);
    expect(await store.events.claim('event:Ev2', 2000)).toBe(true);
    await store.events.prune(500);
    expect(await store.events.claim('event:Ev0', 2000)).toBe(true);
    await store.close();
  });
});

describeProgressStore('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-progress-'));
  return { open: async () => openSqliteStore(dir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});
