import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddingsClient, describeFailure, embeddingsEndpoint } from '../../src/embeddings/embeddings-client.js';
import { bagOfCharacters, startFakeEmbeddingsServer, type FakeEmbeddingsServer } from '../support/fake-embeddings-server.js';

const DEADLINE = { timeoutMs: 5000 };

/** A fetch that answers every call with `body` (status 200 unless given). */
function answering(body: string, status = 200): typeof fetch {
  return async () => new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

describe('the embeddings client', () => {
  let server: FakeEmbeddingsServer;
  beforeAll(async () => {
    server = await startFakeEmbeddingsServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('adds /embeddings to the API base and keeps a URL that already ends in it', () => {
    expect(embeddingsEndpoint('http://localhost:11434/v1')).toBe('http://localhost:11434/v1/embeddings');
    expect(embeddingsEndpoint('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1/embeddings');
    expect(embeddingsEndpoint('http://tei:8080/v1/embeddings')).toBe('http://tei:8080/v1/embeddings');
    expect(embeddingsEndpoint('https://api.example.com/openai/v1?api-version=1')).toBe('https://api.example.com/openai/v1/embeddings?api-version=1');
  });

  it('posts the model and the inputs as the OpenAI format documents, with the key as a bearer token', async () => {
    const client = createEmbeddingsClient({ url: server.url, model: 'bge-m3', apiKey: 'sk-test-0123456789' });
    const outcome = await client.embed(['商标审查周期', '专利导航'], DEADLINE);
    const request = server.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', path: '/v1/embeddings', body: { model: 'bge-m3', input: ['商标审查周期', '专利导航'] } });
    expect(request?.headers.authorization).toBe('Bearer sk-test-0123456789');
    expect(request?.headers['content-type']).toBe('application/json');
    // The fake lists the embeddings in reverse: the client puts them back in order by index.
    expect(outcome).toEqual({ ok: true, vectors: [bagOfCharacters('商标审查周期'), bagOfCharacters('专利导航')] });
  });

  it('sends no Authorization header without a key', async () => {
    await createEmbeddingsClient({ url: `${server.url}/embeddings`, model: 'bge-m3' }).embed(['x'], DEADLINE);
    expect(server.requests.at(-1)?.headers.authorization).toBeUndefined();
    expect(server.requests.at(-1)?.path).toBe('/v1/embeddings');
  });

  it("reports an HTTP error with the server's words", async () => {
    server.mode = 'fail';
    try {
      const outcome = await createEmbeddingsClient({ url: server.url, model: 'bge-m3' }).embed(['x'], DEADLINE);
      expect(outcome).toEqual({ ok: false, failure: { kind: 'http', status: 500, detail: '{"error":{"message":"model not loaded"}}' } });
    } finally {
      server.mode = 'ok';
    }
  });

  it('gives up at the deadline', async () => {
    server.mode = 'hang';
    try {
      const outcome = await createEmbeddingsClient({ url: server.url, model: 'bge-m3' }).embed(['x'], { timeoutMs: 50 });
      expect(outcome).toEqual({ ok: false, failure: { kind: 'timeout', ms: 50 } });
      expect(describeFailure({ kind: 'timeout', ms: 50 })).toBe('no answer within 50 ms');
    } finally {
      server.mode = 'ok';
    }
  });

  it('stops when told to, which is not a failure of the server', async () => {
    server.mode = 'hang';
    try {
      const stop = new AbortController();
      const pending = createEmbeddingsClient({ url: server.url, model: 'bge-m3' }).embed(['stop me'], { timeoutMs: 5000, signal: stop.signal });
      await server.waitForRequest((r) => r.input[0] === 'stop me');
      stop.abort();
      expect(await pending).toEqual({ ok: false, failure: { kind: 'aborted' } });
    } finally {
      server.mode = 'ok';
    }
  });

  it('reports a server that is not there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await createEmbeddingsClient({ url: `http://127.0.0.1:${port}/v1`, model: 'bge-m3' }).embed(['x'], DEADLINE);
    expect(outcome).toEqual({ ok: false, failure: { kind: 'unreachable', detail: 'ECONNREFUSED' } });
  });

  it.each([
    ['not JSON', '<html>', 'not JSON'],
    ['no data', '{"object":"list"}', 'data: '],
    ['a vector of strings', '{"data":[{"embedding":["0.1"],"index":0}]}', 'data.0.embedding.0: '],
    ['one embedding for two inputs', '{"data":[{"embedding":[0.1],"index":0}]}', '1 embeddings for 2 inputs'],
    ['an index repeated', '{"data":[{"embedding":[0.1],"index":0},{"embedding":[0.2],"index":0}]}', 'index 0 out of range or repeated'],
    ['vectors of two lengths', '{"data":[{"embedding":[0.1],"index":0},{"embedding":[0.2,0.3],"index":1}]}', 'embeddings of different lengths'],
  ])('refuses an answer with %s', async (_what, body, detail) => {
    const outcome = await createEmbeddingsClient({ url: 'http://embeddings.test/v1', model: 'm' }, answering(body)).embed(['a', 'b'], DEADLINE);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.failure.kind).toBe('bad-response');
      expect(describeFailure(outcome.failure)).toContain(detail);
    }
  });

  it('logs where it sends requests without any credentials the URL held', () => {
    expect(createEmbeddingsClient({ url: 'https://user:hunter22@api.example.com/v1', model: 'm' }).endpoint).toBe('https://api.example.com/v1/embeddings');
  });
});
