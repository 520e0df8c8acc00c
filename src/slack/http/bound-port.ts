/**
 * The process's one HTTP port, PORT on HOST: HTTP mode serves Slack's requests and /healthz on
 * it, Socket Mode serves /healthz. It is bound first, before the state is opened or anything is
 * created, so a port in use or a HOST this machine does not have stops start-up with one line
 * naming the variable (a {@link ConfigError}), and DATA_DIR stays as it was.
 *
 * Until the app hands over its handler ({@link BoundPort.serve}) every request gets 503 with
 * `Retry-After: 1`, as it would while the app is starting.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { ConfigError } from '../../config.js';

/** Node closes connections whose request headers take longer than this. */
const HEADERS_TIMEOUT_MS = 10_000;

/** Errors that mean "this machine has no such address": it does not exist, or is not one of its own. */
const NOT_AN_ADDRESS = new Set(['EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAFNOSUPPORT']);

export interface BoundPort {
  readonly server: Server;
  /** Hands every request from now on to `listener`. */
  serve(listener: RequestListener): void;
  /** Stops listening; connections still open after `graceMs` (a keep-alive, a client trickling a body) are closed then. */
  close(graceMs?: number): Promise<void>;
}

/** A failure to listen as the setting to fix, or the error itself when no setting explains it. */
function bindError(error: unknown, port: number, host: string): unknown {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'EADDRINUSE') return new ConfigError('PORT', `PORT ${port} is already in use on HOST ${host}: stop what uses it, or set PORT to a free port.`);
  if (code === 'EACCES')
    return new ConfigError(
      'PORT',
      `PORT ${port} may not be listened on by this user on HOST ${host} (EACCES): set PORT to a port from 1024 up, for example 3000.`,
    );
  if (NOT_AN_ADDRESS.has(code)) {
    return new ConfigError(
      'HOST',
      `HOST ${host} is not an address this machine can listen on (${code}): set it to 0.0.0.0 (every interface), 127.0.0.1 (this machine only) or the address of one of its interfaces.`,
    );
  }
  return error;
}

function starting(_req: Parameters<RequestListener>[0], res: Parameters<RequestListener>[1]): void {
  res.writeHead(503, { 'Retry-After': '1', Connection: 'close', 'Content-Type': 'application/json' });
  res.end('{"status":"starting"}');
}

export async function bindPort(port: number, host: string): Promise<BoundPort> {
  let handle: RequestListener = starting;
  const server = createServer((req, res) => handle(req, res));
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    const refused = (error: Error) => reject(bindError(error, port, host));
    server.once('error', refused);
    server.listen({ port, host }, () => {
      server.off('error', refused);
      resolve();
    });
  });
  return {
    server,
    serve(listener) {
      handle = listener;
    },
    async close(graceMs = 0) {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(deadline);
    },
  };
}
