/** Helpers for tests and benchmarks that run the app as a separate process on loopback. */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/core/paths.js';

/**
 * Node arguments that run a TypeScript entry point (`src/main.ts`, `src/cli.ts`) in this very
 * process, with tsx as a loader. Not tsx's own CLI: it runs the program in a child process, and a
 * test that kills the CLI with SIGKILL would leave that child running with no parent.
 */
export function tsEntryArgs(entry: 'main' | 'cli'): string[] {
  return ['--import', pathToFileURL(join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(PROJECT_ROOT, 'src', `${entry}.ts`)];
}

/** Node arguments that run a TypeScript script of the tests (`test/support/…`) with tsx as a loader, in this very process. */
export function tsScriptArgs(script: string): string[] {
  return ['--import', pathToFileURL(join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, script];
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port free on 127.0.0.1 right now (the app is then told to listen on it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface HealthWait {
  timeoutMs: number;
  /** Stop waiting early (the process died). */
  gaveUp?: () => boolean;
  pollMs?: number;
}

/** Polls GET /healthz on `port` until it answers 200; false if the time runs out or `gaveUp()` says so first. */
export async function waitUntilHealthy(port: number, { timeoutMs, gaveUp = () => false, pollMs = 20 }: HealthWait): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return true;
    await sleep(pollMs);
  }
  return false;
}

/**
 * Admission limits for app processes a test starts when overload is not its subject: far looser
 * than the service's own, so a busy machine is not mistaken for an overloaded service.
 */
export const LOOSE_ADMISSION_ENV: Readonly<Record<string, string>> = {
  ADMISSION_MAX_WAITING: '10000',
  ADMISSION_MAX_WAIT_MS: '60000',
  ADMISSION_MAX_LOOP_LAG_MS: '60000',
};
