/**
 * An OpenAI-compatible embeddings server on 127.0.0.1 (a random port), following the documented
 * format: `POST /v1/embeddings` with `{"model", "input": [...]}` answers
 * `{"object": "list", "data": [{"object": "embedding", "embedding": [...], "index": i}], "model"}`.
 *
 * Vectors are deterministic: a bag of the text's characters and character pairs hashed into
 * {@link DIMENSIONS} numbers, so texts sharing words are near and unrelated texts far. A test can
 * make one text embed as another (`sameAs`), and switch the server to hang (never answer until
 * closed or dropped) or to fail (HTTP 500). It records every request; `close()` ends them all.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Waiters } from './waiters.js';

export const DIMENSIONS = 64;

export interface EmbeddingsRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The inputs, when the body had them. */
  input: string[];
}

export type ServerMode = 'ok' | 'hang' | 'fail';

export interface FakeEmbeddingsServer {
  /** The API's base URL, `http://127.0.0.1:PORT/v1`. */
  url: string;
  requests: EmbeddingsRequest[];
  mode: ServerMode;
  /** Texts embedded as if they were another text. */
  sameAs: Map<string, string>;
  /** Resolves with the first request (already received or to come) matching `predicate`. */
  waitForRequest(predicate: (request: EmbeddingsRequest) => boolean, timeoutMs?: number): Promise<EmbeddingsRequest>;
  /** Cuts the connections of the requests left hanging: their clients see the server go away. */
  dropHanging(): void;
  close(): Promise<void>;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

/** Characters and adjacent pairs, hashed into a unit vector. */
export function bagOfCharacters(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  const chars = [...text].filter((c) => /[\p{L}\p{N}]/u.test(c));
  chars.forEach((c, i) => {
    const at = hash(c) % DIMENSIONS;
    vector[at] = (vector[at] ?? 0) + 1;
    const next = chars[i + 1];
    if (next) {
      const pair = hash(c + next) % DIMENSIONS;
      vector[pair] = (vector[pair] ?? 0) + 2;
    }
  });
  const norm = Math.sqrt(vector.reduce((a, x) => a + x * x, 0)) || 1;
  return vector.map((x) => Math.round((x / norm) * 1e6) / 1e6);
}

export async function startFakeEmbeddingsServer(): Promise<FakeEmbeddingsServer> {
  const requests: EmbeddingsRequest[] = [];
  const waiters = new Waiters<EmbeddingsRequest>();
  const hanging = new Set<ServerResponse>();
  const fake: FakeEmbeddingsServer = {
    url: '',
    requests,
    mode: 'ok',
    sameAs: new Map(),
    waitForRequest: (predicate, timeoutMs = 5000) => waiters.wait(requests, predicate, timeoutMs, () => `no embeddings request matched within ${timeoutMs} ms`),
    dropHanging: () => {
      for (const res of hanging) res.destroy();
    },
    close: async () => undefined,
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      const input = body && typeof body === 'object' && 'input' in body && Array.isArray(body.input) ? body.input.map(String) : [];
      const model = body && typeof body === 'object' && 'model' in body ? String(body.model) : '';
      const request: EmbeddingsRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, input };
      requests.push(request);
      waiters.notify(request);

      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      if (fake.mode === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (fake.mode === 'fail') {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'model not loaded' } }));
        return;
      }
      // Listed in reverse: the format numbers each embedding, and clients must use `index`.
      const data = input.map((text, index) => ({ object: 'embedding', embedding: bagOfCharacters(fake.sameAs.get(text) ?? text), index })).reverse();
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ object: 'list', data, model, usage: { prompt_tokens: 0, total_tokens: 0 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = async () => {
    waiters.rejectAll(new Error('the fake embeddings server closed'));
    fake.dropHanging();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}
