/**
 * The optional semantic stage of the search, at the edge: vectors of the plan's documents and of
 * questions from an OpenAI-compatible embeddings server (embeddings-client.ts), and the semantic
 * ranking the core fuses with the lexical one (core/search/semantic/).
 *
 * 1. The plan's vectors are prepared in the background after start-up, never before it: read
 *    from `DATA_DIR/embeddings/` when a file for this model and this version of the plan is
 *    there, else embedded in batches and written there. Until they are ready, answers are lexical.
 *    A preparation that fails is tried again, in the background, on a question after the quiet
 *    period.
 * 2. A question is embedded with a short deadline ({@link QUESTION_TIMEOUT_MS}); its vector is
 *    kept (a small LRU), so the buttons and follow-ups on an answer (更多结果, 发到频道, 还有吗)
 *    rank it as the answer did without asking the server again.
 * 3. A failure of any call rests the server for a minute and is logged at most once a minute
 *    (embeddings-outage.ts): an unreachable server costs a question at most one timeout a minute.
 */
import { LRUCache } from 'lru-cache';
import { NO_METRICS, type Metrics } from '../app/process/metrics.js';
import type { EmbeddingsConfig } from '../config.js';
import type { Plan } from '../core/plan/plan-schema.js';
import { embeddingDocuments, embeddingFingerprint } from '../core/search/semantic/embedding-documents.js';
import { rankBySimilarity, type DocumentVector, type SemanticRanking } from '../core/search/semantic/semantic-ranking.js';
import type { Logger } from '../logger.js';
import { createEmbeddingsClient } from './embeddings-client.js';
import { createEmbeddingsOutage, QUIET_PERIOD_MS } from './embeddings-outage.js';
import { readVectorCache, vectorCacheFile, writeVectorCache } from './vector-cache.js';

/** How long a question waits for its vector: an answer is due in about a second. */
export const QUESTION_TIMEOUT_MS = 1500;
/** How long one batch of the plan's documents may take (a model on a CPU is slow; nobody waits on it). */
export const DOCUMENT_TIMEOUT_MS = 60_000;
/** Documents per request while embedding the plan. */
export const DOCUMENT_BATCH = 16;
/** Question vectors kept. */
const QUESTION_VECTORS = 500;

export interface SemanticSearchOptions {
  config: EmbeddingsConfig;
  plan: Plan;
  dataDir: string;
  logger: Logger;
  nowMs?: () => number;
  questionTimeoutMs?: number;
  documentTimeoutMs?: number;
  batchSize?: number;
  quietMs?: number;
  fetch?: typeof fetch;
  /** Where each call to the server is counted (nowhere by default). */
  metrics?: Metrics;
}

export interface SemanticStatus {
  /** The plan's vectors are ready: questions can be ranked. */
  ready: boolean;
  /** The last call to the server failed. */
  failing: boolean;
}

export interface SemanticSearch {
  /**
   * Prepares the plan's vectors (from the cache, or from the server and then cached). Resolves
   * when they are ready or the attempt failed; never rejects. Start-up does not wait for it.
   */
  start(): Promise<void>;
  /** The ranking of a question whose vector is at hand; undefined otherwise. Never waits. */
  ranking(question: string): SemanticRanking | undefined;
  /**
   * Fetches a question's vector within the question deadline; true when {@link ranking} now has
   * it. Never rejects; resolves false at once while the plan's vectors are not ready or the
   * server is resting after a failure.
   */
  embedQuestion(question: string): Promise<boolean>;
  status(): SemanticStatus;
  /** Aborts the calls in flight; nothing is asked of the server afterwards. */
  stop(): void;
}

const keyOf = (question: string): string => question.trim();

export function createSemanticSearch({
  config,
  plan,
  dataDir,
  logger,
  nowMs = Date.now,
  questionTimeoutMs = QUESTION_TIMEOUT_MS,
  documentTimeoutMs = DOCUMENT_TIMEOUT_MS,
  batchSize = DOCUMENT_BATCH,
  quietMs = QUIET_PERIOD_MS,
  fetch: fetchImpl = fetch,
  metrics = NO_METRICS,
}: SemanticSearchOptions): SemanticSearch {
  const client = createEmbeddingsClient(config, fetchImpl);
  const outage = createEmbeddingsOutage({ logger, nowMs, endpoint: client.endpoint, model: config.model, quietMs });
  const documents = embeddingDocuments(plan);
  const fingerprint = embeddingFingerprint(documents);
  const file = vectorCacheFile(dataDir, config.model, fingerprint);
  const questions = new LRUCache<string, readonly number[]>({ max: QUESTION_VECTORS });
  const inFlight = new Map<string, Promise<boolean>>();
  const stopping = new AbortController();
  let vectors: { documents: DocumentVector[]; dimensions: number } | undefined;
  let preparing: Promise<void> | undefined;

  async function embedDocuments(): Promise<{ documents: DocumentVector[]; dimensions: number } | undefined> {
    const embedded: DocumentVector[] = [];
    for (let at = 0; at < documents.length; at += batchSize) {
      const batch = documents.slice(at, at + batchSize);
      const outcome = await client.embed(
        batch.map((d) => d.text),
        { timeoutMs: documentTimeoutMs, signal: stopping.signal },
      );
      metrics.embeddingsCall('documents', outcome.ok ? 'ok' : outcome.failure.kind);
      if (!outcome.ok) {
        if (outcome.failure.kind !== 'aborted') outage.failed('documents', outcome.failure);
        return undefined;
      }
      batch.forEach((d, i) => embedded.push({ id: d.id, vector: outcome.vectors[i] ?? [] }));
    }
    const dimensions = embedded[0]?.vector.length ?? 0;
    if (embedded.some((d) => d.vector.length !== dimensions)) {
      outage.failed('documents', { kind: 'bad-response', detail: 'batches of different lengths' });
      return undefined;
    }
    outage.succeeded();
    return { documents: embedded, dimensions };
  }

  async function prepareOnce(): Promise<void> {
    const started = performance.now();
    const cached = await readVectorCache(file, { model: config.model, fingerprint, ids: documents.map((d) => d.id) });
    if (cached.kind === 'hit') {
      vectors = { documents: cached.vectors, dimensions: cached.dimensions };
      logger.info(
        {
          kind: 'embeddings',
          model: config.model,
          documents: documents.length,
          dimensions: cached.dimensions,
          from: file,
          ms: Math.round(performance.now() - started),
        },
        'semantic search ready',
      );
      return;
    }
    if (cached.kind === 'unusable') logger.warn({ kind: 'embeddings', file, reason: cached.reason }, 'embeddings cache unusable: embedding the plan again');
    if (!outage.allowsCall() || stopping.signal.aborted) return;
    const embedded = await embedDocuments();
    if (!embedded) return;
    vectors = embedded;
    try {
      await writeVectorCache(file, {
        model: config.model,
        fingerprint,
        dimensions: embedded.dimensions,
        documents: embedded.documents.map(({ id, vector }) => ({ id, vector: [...vector] })),
      });
    } catch (error) {
      logger.warn({ kind: 'embeddings', err: error, file }, 'could not write the embeddings cache: the plan will be embedded again at the next start');
    }
    logger.info(
      {
        kind: 'embeddings',
        model: config.model,
        endpoint: client.endpoint,
        documents: documents.length,
        dimensions: embedded.dimensions,
        to: file,
        ms: Math.round(performance.now() - started),
      },
      'semantic search ready',
    );
  }

  function prepare(): Promise<void> {
    preparing ??= prepareOnce()
      .catch((error: unknown) => logger.error({ kind: 'embeddings', err: error }, 'preparing the semantic search failed'))
      .finally(() => {
        preparing = undefined;
      });
    return preparing;
  }

  async function fetchQuestion(key: string, dimensions: number): Promise<boolean> {
    const outcome = await client.embed([key], { timeoutMs: questionTimeoutMs, signal: stopping.signal });
    metrics.embeddingsCall('question', outcome.ok ? 'ok' : outcome.failure.kind);
    if (!outcome.ok) {
      if (outcome.failure.kind !== 'aborted') outage.failed('question', outcome.failure);
      return false;
    }
    const [vector] = outcome.vectors;
    if (vector?.length !== dimensions) {
      outage.failed('question', { kind: 'bad-response', detail: `a question vector of ${vector?.length ?? 0} numbers, the plan's have ${dimensions}` });
      return false;
    }
    outage.succeeded();
    questions.set(key, vector);
    return true;
  }

  return {
    start: prepare,
    ranking(question) {
      const vector = questions.get(keyOf(question));
      return vector && vectors ? rankBySimilarity(vector, vectors.documents) : undefined;
    },
    async embedQuestion(question) {
      const key = keyOf(question);
      if (stopping.signal.aborted) return false;
      if (!vectors) {
        // Not ready: a failed preparation is tried again in the background once the server has rested.
        if (!preparing && outage.allowsCall()) void prepare();
        return false;
      }
      if (questions.has(key)) return true;
      if (!outage.allowsCall()) {
        outage.skipped();
        return false;
      }
      let pending = inFlight.get(key);
      if (!pending) {
        pending = fetchQuestion(key, vectors.dimensions).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
    status: () => ({ ready: vectors !== undefined, failing: outage.failing() }),
    stop() {
      stopping.abort();
    },
  };
}
