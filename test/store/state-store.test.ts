import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/core/answer/ask-question.js';
import { createActivityLog } from '../../src/store/activity-log.js';
import { createProcessedEvents } from '../../src/store/processed-events.js';
import { openStateStore, STATE_FILE } from '../../src/store/state-store.js';
import { StoreError } from '../../src/store/store-error.js';
import { testAnswerContext } from '../support/answer-context.js';
import { captureLogger } from '../support/capture-logger.js';

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
    openStateStore(dataDir).close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

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

  it('refuses a state file from a newer version of the app', () => {
    const dir = tempDir();
    const store = openStateStore(dir);
    store.db.pragma('user_version = 999');
    store.close();
    expect(storeError(dir).message).toContain('is from a newer version of this app');
  });

  it('keeps activity counts across a restart', () => {
    const dir = tempDir();
    const ctx = testAnswerContext();
    const { logger } = captureLogger();
    const now = () => new Date('2026-11-25T03:00:00Z');
    let store = openStateStore(dir);
    createActivityLog({ db: store.db, logger, timeZone: 'Asia/Shanghai', now }).recordQuestion({ question: '剑网行动', answer: askQuestion(ctx, '剑网行动'), surface: 'dm' });
    store.close();
    store = openStateStore(dir);
    const summary = createActivityLog({ db: store.db, logger, timeZone: 'Asia/Shanghai', now }).summarise('2026-11-25');
    expect(summary.questions).toBe(1);
    expect(summary.measuresShown[0]).toEqual({ number: 28, count: 1 });
    store.close();
  });

  it('keeps counts in memory when the disk refuses a write, and writes them once it accepts again', () => {
    const store = openStateStore(tempDir());
    const ctx = testAnswerContext();
    const log = captureLogger();
    const activity = createActivityLog({ db: store.db, logger: log.logger, timeZone: 'Asia/Shanghai', now: () => new Date('2026-11-25T03:00:00Z') });
    store.db.pragma('query_only = ON'); // the database refuses writes, as on a full or read-only disk
    activity.recordQuestion({ question: '区块链', answer: askQuestion(ctx, '区块链'), surface: 'dm' });
    expect(activity.pendingWrites()).toBe(1);
    expect(log.lines().some((l) => l.msg === 'state write failed; kept in memory and will retry')).toBe(true);
    store.db.pragma('query_only = OFF');
    activity.recordFeedback({ helpful: true, question: '剑网行动', measures: [28] });
    expect(activity.pendingWrites()).toBe(0);
    expect(activity.summarise('2026-11-25')).toMatchObject({ questions: 1, unanswered: ['区块链'], feedback: { helpful: 1, notHelpful: 0 } });
    store.close();
  });

  it('remembers handled events across a restart', () => {
    const dir = tempDir();
    const { logger } = captureLogger();
    let store = openStateStore(dir);
    expect(createProcessedEvents(store.db, logger).claim('event:Ev1')).toBe(true);
    store.close();
    store = openStateStore(dir);
    const processed = createProcessedEvents(store.db, logger);
    expect(processed.claim('event:Ev1')).toBe(false);
    expect(processed.claim('event:Ev2')).toBe(true);
    store.close();
  });
});
