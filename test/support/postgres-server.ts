/**
 * A real PostgreSQL server for tests: Debian's `postgresql` package (`.ci/run` installs it),
 * initialised in a temporary data directory and listening on a free loopback port, with durability
 * turned off (the data is thrown away). PostgreSQL refuses to run as root, so under root the
 * server runs as the `postgres` user (the package creates it). Start one per test file in
 * `beforeAll` and `stop()` it in `afterAll`; `stop()` also removes the data directory.
 *
 * Without the server binaries this throws, naming the package: the PostgreSQL tests fail loudly
 * rather than skip.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, sleep } from './local-process.js';

const PG_ROOT = '/usr/lib/postgresql';
const READY_TIMEOUT_MS = 20_000;

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  readonly url: string;
  readonly pid: number;
  /** A fresh, empty database on this server; its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server (fast shutdown) and removes its data directory. */
  stop(): Promise<void>;
  /** Stops the server, keeping its data (to bring it back with `restart()`). */
  pause(): Promise<void>;
  restart(): Promise<void>;
}

function binDir(): string {
  const versions = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'postgres'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error(
      `PostgreSQL server binaries not found under ${PG_ROOT}: install Debian's postgresql package (apt-get install -y postgresql; .ci/run does this). The PostgreSQL store tests need a real server.`,
    );
  }
  return join(PG_ROOT, newest, 'bin');
}

/** Under root: the uid and gid of the `postgres` user, which the server runs as. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

let databases = 0;

export async function startPostgres(): Promise<PostgresServer> {
  const bin = binDir();
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'], {
    stdio: 'ignore',
    cwd: dir,
    ...(user ?? {}),
  });
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;

  async function launch(): Promise<void> {
    const settings = [
      'listen_addresses=127.0.0.1',
      `port=${port}`,
      `unix_socket_directories=${dir}`,
      'fsync=off',
      'synchronous_commit=off',
      'full_page_writes=off',
      'shared_buffers=16MB',
      'max_connections=60',
    ];
    child = spawn(join(bin, 'postgres'), ['-D', data, ...settings.flatMap((s) => ['-c', s])], { stdio: 'ignore', cwd: dir, ...(user ?? {}) });
    const started = child;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`PostgreSQL exited with ${started.exitCode} while starting (data in ${data})`);
      const client = new pg.Client({ connectionString: url });
      const ok = await client.connect().then(
        () => true,
        () => false,
      );
      await client.end().catch(() => undefined);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within ${READY_TIMEOUT_MS} ms`);
      await sleep(50);
    }
  }

  async function halt(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGINT'); // fast shutdown: ends sessions, no waiting for clients
    await exited;
  }

  await launch();
  const pid = child?.pid ?? 0;
  return {
    url,
    pid,
    async createDatabase() {
      databases += 1;
      const name = `t${process.pid}_${databases}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    pause: halt,
    restart: launch,
  };
}
