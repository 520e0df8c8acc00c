import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DigestOwner } from './state-store.js';

/** This process as a digest poster: host, pid and a random id, so an earlier life of the same pid is told apart. */
export function processOwner(): DigestOwner {
  return { id: `${hostname()}:${process.pid}:${randomUUID()}`, host: hostname(), pid: process.pid };
}

/** Whether a process with this pid runs on this host (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
