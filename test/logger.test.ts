import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', secrets, destination }), lines: () => lines.join('') };
}

describe('log lines', () => {
  it('are JSON with the level and message', () => {
    const { logger, lines } = capture();
    logger.info({ kind: '/measure', ms: 3 }, 'handled');
    expect(JSON.parse(lines())).toMatchObject({ level: 30, kind: '/measure', ms: 3, msg: 'handled' });
  });

  it('never contain a token or a configured secret, in messages, fields or errors', () => {
    const secret = 'abcdef0123456789abcdef0123456789';
    const { logger, lines } = capture([secret]);
    logger.info(
      { config: { SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }, token: 'xoxb-9-9-zzz', url: 'https://x/?t=xapp-1-A-2-b' },
      'using xoxb-1-2-abc and xapp-1-A-2-b',
    );
    logger.error(
      Object.assign(new Error(`An API error occurred: invalid_auth for token xoxb-77-88-yy (secret ${secret})`), {
        data: { headers: { authorization: 'Bearer xoxb-77-88-yy' } },
      }),
    );
    logger.warn({ err: new Error(`signing secret ${secret} rejected`) }, 'bad');
    logger.info(
      { embeddings: { url: 'http://localhost:11434/v1', apiKey: 'sk-embed-key-1' }, config: { EMBEDDINGS_API_KEY: 'sk-embed-key-2' } },
      'semantic search',
    );
    const out = lines();
    for (const leaked of ['xoxb-1-2-abc', 'xoxb-9-9-zzz', 'xapp-1-A-2-b', 'xoxb-77-88-yy', secret, 'sk-embed-key-1', 'sk-embed-key-2'])
      expect(out).not.toContain(leaked);
    expect(out).toContain('[redacted]');
    expect(out).toContain('invalid_auth');
  });

  it('never contain the user name, password or query of a URL, in messages, fields or errors', () => {
    const { logger, lines } = capture();
    logger.warn(
      { reason: 'unreachable (Request cannot be constructed from a URL that includes credentials: https://alice:pa55word@emb.example.com/v1/embeddings)' },
      'embeddings server failing',
    );
    logger.error(new Error('could not connect to postgres://app:hunter22@db:5432/ipplan?sslmode=require&password=hunter33'));
    logger.info(
      { url: 'wss://wss-primary.slack.com/link/?ticket=0f1e2d3c&app_id=A0APP' },
      'socket connecting to "https://bob:s3cr3t@proxy.example.com:8080/api/"',
    );
    const out = lines();
    for (const leaked of ['alice', 'pa55word', 'hunter22', 'hunter33', 'sslmode', '0f1e2d3c', 'bob', 's3cr3t']) expect(out).not.toContain(leaked);
    for (const kept of [
      'https://***@emb.example.com/v1/embeddings)',
      'postgres://***@db:5432/ipplan?***',
      'wss://wss-primary.slack.com/link/?***',
      'https://***@proxy.example.com:8080/api/\\"',
    ])
      expect(out).toContain(kept);
  });
});
