import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_METRICS } from '../../src/app/process/metrics.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embeddingDocuments, embeddingFingerprint } from '../../src/core/search/semantic/embedding-documents.js';
import { QUIET_PERIOD_MS } from '../../src/embeddings/embeddings-outage.js';
import { createSemanticSearch, DOCUMENT_BATCH, type SemanticSearch, type SemanticSearchOptions } from '../../src/embeddings/semantic-search.js';
import { EMBEDDINGS_DIR, vectorCacheFile } from '../../src/embeddings/vector-cache.js';
import { testAnswerContext } from '../support/answer-context.js';
import { captureLogger, type CapturedLogger } from '../support/capture-logger.js';
import { startFakeEmbeddingsServer, type FakeEmbeddingsServer } from '../support/fake-embeddings-server.js';
import { waitUntil } from '../support/waiters.js';

const { plan } = testAnswerContext();
const DOCUMENTS = embeddingDocuments(plan).length;
const BATCHES = Math.ceil(DOCUMENTS / DOCUMENT_BATCH);
const WARN = 40;

describe('the semantic search', () => {
  let server: FakeEmbeddingsServer;
  const dirs: string[] = [];
  const opened: SemanticSearch[] = [];
  let clock = 0;
  let log: CapturedLogger;

  beforeAll(async () => {
    server = await startFakeEmbeddingsServer();
  });
  afterEach(() => {
    for (const search of opened.splice(0)) search.stop();
    server.mode = 'ok';
    server.sameAs.clear();
  });
  afterAll(async () => {
    await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'ipplan-embeddings-'));
    dirs.push(dir);
    return dir;
  }

  function open(dir: string, options: Partial<SemanticSearchOptions> = {}): SemanticSearch {
    log = captureLogger();
    const search = createSemanticSearch({
      config: { url: server.url, model: 'bge-m3' },
      plan,
      dataDir: dir,
      logger: log.logger,
      nowMs: () => clock,
      questionTimeoutMs: 100,
      ...options,
    });
    opened.push(search);
    return search;
  }

  const calls = () => server.requests.length;
  const callsWith = (text: string) => server.requests.filter((r) => r.input.includes(text)).length;
  const warnings = () => log.lines().filter((l) => Number(l.level) === WARN);

  it('embeds the plan once, in batches, and keeps the vectors under DATA_DIR for the next start', async () => {
    const dir = dataDir();
    const before = calls();
    const first = open(dir);
    expect(first.status()).toEqual({ ready: false, failing: false });
    await first.start();
    expect(first.status().ready).toBe(true);
    expect(calls() - before).toBe(BATCHES);
    expect(server.requests.slice(before).every((r) => r.input.length <= DOCUMENT_BATCH)).toBe(true);
    const file = vectorCacheFile(dir, 'bge-m3', embeddingFingerprint(embeddingDocuments(plan)));
    expect(readdirSync(join(dir, EMBEDDINGS_DIR))).toEqual([file.split('/').at(-1)]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      model: 'bge-m3',
      documents: expect.arrayContaining([expect.objectContaining({ id: 'm42' })]),
    });
    expect(log.lines().find((l) => l.msg === 'semantic search ready')).toMatchObject({ documents: DOCUMENTS, to: file });

    // A restart on the same DATA_DIR reads them: the server is not asked again.
    const second = open(dir);
    await second.start();
    expect(second.status().ready).toBe(true);
    expect(calls() - before).toBe(BATCHES);
    expect(log.lines().find((l) => l.msg === 'semantic search ready')).toMatchObject({ from: file });
  });

  it('embeds the plan again for another model, into a file of its own', async () => {
    const dir = dataDir();
    await open(dir).start();
    const before = calls();
    const other = open(dir, { config: { url: server.url, model: 'nomic-embed-text:latest' } });
    await other.start();
    expect(calls() - before).toBe(BATCHES);
    expect(server.requests.at(-1)?.body).toMatchObject({ model: 'nomic-embed-text:latest' });
    expect(
      readdirSync(join(dir, EMBEDDINGS_DIR))
        .map((f) => f.replace(/-[0-9a-f]{16}\.json$/u, ''))
        .sort(),
    ).toEqual(['bge-m3', 'nomic-embed-text-latest']);
  });

  it('ignores a damaged cache, says so, and replaces it', async () => {
    const dir = dataDir();
    await open(dir).start();
    const file = vectorCacheFile(dir, 'bge-m3', embeddingFingerprint(embeddingDocuments(plan)));
    writeFileSync(file, '{"model":"bge-m3","documents":[');
    const before = calls();
    const search = open(dir);
    await search.start();
    expect(search.status().ready).toBe(true);
    expect(calls() - before).toBe(BATCHES);
    expect(warnings().map((l) => [l.msg, l.reason])).toEqual([['embeddings cache unusable: embedding the plan again', 'not JSON']]);
    expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
  });

  it('keeps answering from memory when DATA_DIR cannot be written', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, EMBEDDINGS_DIR), 'a file where the directory should be');
    const search = open(dir);
    await search.start();
    expect(search.status().ready).toBe(true);
    expect(warnings().map((l) => l.msg)).toEqual([
      'embeddings cache unusable: embedding the plan again',
      'could not write the embeddings cache: the plan will be embedded again at the next start',
    ]);
    expect(await search.embedQuestion('专利导航试点')).toBe(true);
  });

  it('ranks a question once embedded, asking the server once for it', async () => {
    const search = open(dataDir());
    await search.start();
    expect(search.ranking('剑网行动是什么')).toBeUndefined();
    expect(await search.embedQuestion('剑网行动是什么')).toBe(true);
    expect(await search.embedQuestion(' 剑网行动是什么 ')).toBe(true);
    expect(callsWith('剑网行动是什么')).toBe(1);
    const ranking = search.ranking('剑网行动是什么');
    expect(ranking).toHaveLength(DOCUMENTS);
    expect(ranking?.[0]?.id).toBe('m28');
  });

  it('counts each call to the server by what it was for and how it ended', async () => {
    const counted: string[] = [];
    const metrics = { ...NO_METRICS, embeddingsCall: (purpose: string, result: string) => void counted.push(`${purpose}:${result}`) };
    const search = open(dataDir(), { metrics });
    await search.start();
    const batches = Math.ceil(DOCUMENTS / DOCUMENT_BATCH);
    expect(counted).toEqual(Array.from({ length: batches }, () => 'documents:ok'));
    await search.embedQuestion('计数的第一个问题');
    server.mode = 'hang';
    await search.embedQuestion('计数的第二个问题');
    expect(counted.slice(batches)).toEqual(['question:ok', 'question:timeout']);
  });

  it("asks nothing about questions before the plan's vectors are ready", async () => {
    server.mode = 'hang';
    const search = open(dataDir());
    const preparing = search.start();
    await server.waitForRequest((r) => r.input.length === DOCUMENT_BATCH);
    expect(await search.embedQuestion('还没准备好时的问题')).toBe(false);
    expect(callsWith('还没准备好时的问题')).toBe(0);
    search.stop();
    await preparing;
    expect(warnings()).toEqual([]);
  });

  it('gives up on a slow question at the deadline, rests the server a minute with one warning, and tries it again after', async () => {
    const search = open(dataDir());
    await search.start();
    server.mode = 'hang';
    expect(await search.embedQuestion('第一个问题')).toBe(false);
    expect(callsWith('第一个问题')).toBe(1);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatchObject({ call: 'question', reason: 'no answer within 100 ms', model: 'bge-m3', retryInMs: QUIET_PERIOD_MS });
    expect(search.status().failing).toBe(true);

    // Within the minute nothing goes to the server, even once it is back.
    server.mode = 'ok';
    clock += QUIET_PERIOD_MS - 1;
    expect(await search.embedQuestion('第二个问题')).toBe(false);
    expect(await search.embedQuestion('第三个问题')).toBe(false);
    expect(callsWith('第二个问题') + callsWith('第三个问题')).toBe(0);
    expect(warnings()).toHaveLength(1);

    clock += 1;
    expect(await search.embedQuestion('第四个问题')).toBe(true);
    expect(callsWith('第四个问题')).toBe(1);
    expect(search.status().failing).toBe(false);
    expect(log.lines().find((l) => l.msg === 'embeddings server answering again')).toMatchObject({ answeredByWords: 2 });
  });

  it('logs a server that stays down once a minute, counting what went unlogged', async () => {
    const search = open(dataDir());
    await search.start();
    server.mode = 'fail';
    for (let minute = 0; minute < 3; minute++) {
      expect(await search.embedQuestion(`问题${minute}`)).toBe(false);
      expect(await search.embedQuestion(`再问${minute}`)).toBe(false);
      clock += QUIET_PERIOD_MS;
    }
    expect(server.requests.filter((r) => r.input.some((t) => t.startsWith('问题') || t.startsWith('再问')))).toHaveLength(3);
    expect(warnings().map((l) => [l.reason, l.answeredByWords])).toEqual([
      ['HTTP 500: {"error":{"message":"model not loaded"}}', 0],
      ['HTTP 500: {"error":{"message":"model not loaded"}}', 1],
      ['HTTP 500: {"error":{"message":"model not loaded"}}', 1],
    ]);
  });

  it('never logs the password of a URL with credentials, however the server fails', async () => {
    const password = 'pa55-in-the-url';
    const credentialed = server.url.replace('http://', `http://alice:${password}@`);
    server.mode = 'fail';
    const search = open(dataDir(), { config: { url: credentialed, model: 'bge-m3' } });
    await search.start();
    expect(await search.embedQuestion('专利导航试点')).toBe(false);
    const failing = await log.waitFor((l) => String(l.msg).startsWith('embeddings server failing'));
    expect(String(failing.reason)).toContain('http://***@127.0.0.1:');
    expect(log.raw()).not.toContain(password);
    expect(log.raw()).not.toContain('alice');
  });

  it("prepares the plan's vectors again after a failed start, once the server has rested", async () => {
    const dir = dataDir();
    server.mode = 'fail';
    const search = open(dir);
    await search.start();
    expect(search.status()).toEqual({ ready: false, failing: true });
    expect(warnings().map((l) => l.call)).toEqual(['documents']);

    server.mode = 'ok';
    const before = calls();
    expect(await search.embedQuestion('专利导航试点')).toBe(false);
    expect(calls()).toBe(before);

    clock += QUIET_PERIOD_MS;
    expect(await search.embedQuestion('专利导航试点')).toBe(false);
    await waitUntil(() => search.status().ready, "the plan's vectors");
    expect(existsSync(join(dir, EMBEDDINGS_DIR))).toBe(true);
    expect(await search.embedQuestion('专利导航试点')).toBe(true);
  });

  it('stops the calls in flight without calling it a failure', async () => {
    const search = open(dataDir());
    await search.start();
    server.mode = 'hang';
    const pending = search.embedQuestion('停下');
    await server.waitForRequest((r) => r.input.includes('停下'));
    search.stop();
    expect(await pending).toBe(false);
    expect(await search.embedQuestion('之后')).toBe(false);
    expect(callsWith('之后')).toBe(0);
    expect(warnings()).toEqual([]);
  });
});
