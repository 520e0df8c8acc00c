import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config.js';
import { bindPort, type BoundPort } from '../../../src/slack/http/bound-port.js';

const opened: Array<BoundPort | Server> = [];
afterEach(async () => {
  for (const it of opened.splice(0)) {
    if ('serve' in it) await it.close();
    else await new Promise((resolve) => it.close(resolve));
  }
});

async function bound(port: number, host: string): Promise<BoundPort> {
  const listening = await bindPort(port, host);
  opened.push(listening);
  return listening;
}

async function refusal(port: number, host: string): Promise<ConfigError> {
  const error = await bindPort(port, host).then(
    (listening) => {
      opened.push(listening);
      return undefined;
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

const portOf = (listening: BoundPort): number => (listening.server.address() as { port: number }).port;

describe('binding PORT on HOST before anything else starts', () => {
  it('answers 503 until the app takes the requests, then hands them over', async () => {
    const listening = await bound(0, '127.0.0.1');
    const url = `http://127.0.0.1:${portOf(listening)}/healthz`;
    const early = await fetch(url);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');
    listening.serve((_req, res) => res.end('served'));
    expect(await (await fetch(url)).text()).toBe('served');
  });

  it('names PORT when something else listens there', async () => {
    const other = createServer();
    opened.push(other);
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as { port: number };
    const error = await refusal(port, '127.0.0.1');
    expect(error.variable).toBe('PORT');
    expect(error.message).toBe(`PORT ${port} is already in use on HOST 127.0.0.1: stop what uses it, or set PORT to a free port.`);
  });

  it('names HOST when this machine has no such address', async () => {
    const error = await refusal(0, '192.0.2.1');
    expect(error.variable).toBe('HOST');
    expect(error.message).toBe(
      'HOST 192.0.2.1 is not an address this machine can listen on (EADDRNOTAVAIL): set it to 0.0.0.0 (every interface), 127.0.0.1 (this machine only) or the address of one of its interfaces.',
    );
  });

  it('closes, ending connections still open after the grace period', async () => {
    const listening = await bindPort(0, '127.0.0.1');
    listening.serve(() => undefined); // never answers
    const port = portOf(listening);
    const hanging = fetch(`http://127.0.0.1:${port}/slack/events`).catch((error: unknown) => error);
    await new Promise<void>((resolve) => listening.server.once('request', () => resolve()));
    await listening.close(0);
    expect(await hanging).toBeInstanceOf(Error);
    expect(listening.server.listening).toBe(false);
  });
});
