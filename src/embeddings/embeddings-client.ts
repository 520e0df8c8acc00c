/**
 * A client for an OpenAI-compatible embeddings API, the format OpenAI documents for
 * `POST /v1/embeddings` and that Ollama (`http://localhost:11434/v1`), Hugging Face's
 * text-embeddings-inference (`http://localhost:8080/v1`) and most hosted providers serve:
 *
 *   request   POST <base>/embeddings   {"model": "<model>", "input": ["text", …]}
 *             Authorization: Bearer <key>, when a key is configured
 *   response  {"data": [{"embedding": [0.0123, …], "index": 0}, …], "model": "<model>"}
 *
 * The configured URL is the API's base (`…/v1`), to which `/embeddings` is added; a URL that
 * already ends in `/embeddings` is used as it is. The response is parsed, not trusted: one vector
 * per input, in any order (put back in order by `index`), all of one length.
 *
 * Every call has a deadline and can be aborted. Its outcome is a value, never a thrown error: the
 * caller decides what a failure costs (semantic-search.ts answers lexically).
 */
import { z } from 'zod';
import type { EmbeddingsConfig } from '../config.js';

const EmbeddingsResponseSchema = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()).min(1), index: z.number().int().nonnegative() })),
  model: z.string().optional(),
});

/** Characters of an error body kept for the log. */
const MAX_DETAIL = 200;

export type EmbedFailure =
  | { kind: 'timeout'; ms: number }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'http'; status: number; detail: string }
  | { kind: 'bad-response'; detail: string }
  /** Stopped by the caller (the app stopping): not a failure of the server. */
  | { kind: 'aborted' };

export type EmbedOutcome = { ok: true; vectors: number[][] } | { ok: false; failure: EmbedFailure };

export interface EmbedOptions {
  timeoutMs: number;
  /** Aborts the call (the app stopping). */
  signal?: AbortSignal;
}

export interface EmbeddingsClient {
  /** Where requests go, without any credentials the URL held: safe to log. */
  readonly endpoint: string;
  readonly model: string;
  embed(input: readonly string[], options: EmbedOptions): Promise<EmbedOutcome>;
}

/** `…/v1` → `…/v1/embeddings`; a URL already ending in `/embeddings` is kept. */
export function embeddingsEndpoint(url: string): string {
  const endpoint = new URL(url);
  const path = endpoint.pathname.replace(/\/+$/u, '');
  endpoint.pathname = path.endsWith('/embeddings') ? path : `${path}/embeddings`;
  return endpoint.toString();
}

/** One line for the log. */
export function describeFailure(failure: EmbedFailure): string {
  switch (failure.kind) {
    case 'timeout':
      return `no answer within ${failure.ms} ms`;
    case 'unreachable':
      return `unreachable (${failure.detail})`;
    case 'http':
      return `HTTP ${failure.status}${failure.detail ? `: ${failure.detail}` : ''}`;
    case 'bad-response':
      return `an answer not in the OpenAI embeddings format: ${failure.detail}`;
    case 'aborted':
      return 'aborted';
  }
}

function withoutCredentials(url: string): string {
  const shown = new URL(url);
  shown.username = '';
  shown.password = '';
  return shown.toString();
}

/** The network error's code (ECONNREFUSED, ENOTFOUND …), which fetch keeps in `cause`. */
function networkDetail(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? (cause instanceof Error ? cause.message : error.message) : String(error);
}

/** The vectors in input order, or what is wrong with the response. */
function readVectors(body: unknown, inputs: number): number[][] | string {
  const parsed = EmbeddingsResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
  }
  const { data } = parsed.data;
  if (data.length !== inputs) return `${data.length} embeddings for ${inputs} inputs`;
  const vectors: Array<number[] | undefined> = new Array<number[] | undefined>(inputs).fill(undefined);
  for (const { embedding, index } of data) {
    if (index >= inputs || vectors[index] !== undefined) return `index ${index} out of range or repeated`;
    vectors[index] = embedding;
  }
  const ordered = vectors.filter((v): v is number[] => v !== undefined);
  const dimensions = ordered[0]?.length ?? 0;
  if (ordered.some((v) => v.length !== dimensions)) return 'embeddings of different lengths';
  return ordered;
}

export function createEmbeddingsClient({ url, model, apiKey }: EmbeddingsConfig, fetchImpl: typeof fetch = fetch): EmbeddingsClient {
  const endpoint = embeddingsEndpoint(url);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
  };

  async function embed(input: readonly string[], { timeoutMs, signal }: EmbedOptions): Promise<EmbedOutcome> {
    if (signal?.aborted) return { ok: false, failure: { kind: 'aborted' } };
    const deadline = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.abort();
    }, timeoutMs);
    const stop = () => deadline.abort();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const response = await fetchImpl(endpoint, { method: 'POST', headers, body: JSON.stringify({ model, input }), signal: deadline.signal });
      const text = await response.text();
      if (!response.ok) return { ok: false, failure: { kind: 'http', status: response.status, detail: text.slice(0, MAX_DETAIL).trim() } };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { ok: false, failure: { kind: 'bad-response', detail: 'not JSON' } };
      }
      const vectors = readVectors(body, input.length);
      return typeof vectors === 'string' ? { ok: false, failure: { kind: 'bad-response', detail: vectors } } : { ok: true, vectors };
    } catch (error) {
      if (timedOut) return { ok: false, failure: { kind: 'timeout', ms: timeoutMs } };
      if (deadline.signal.aborted) return { ok: false, failure: { kind: 'aborted' } };
      return { ok: false, failure: { kind: 'unreachable', detail: networkDetail(error) } };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    }
  }

  return { endpoint: withoutCredentials(endpoint), model, embed };
}
