/**
 * This process among the replicas sharing one state: who holds a digest claim or owes the answer
 * to an acknowledged delivery. Unique to one process's lifetime (a restarted container may reuse
 * pid 1), so an earlier life of the same pid is told apart.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export interface Replica {
  id: string;
  host: string;
  pid: number;
}

export function thisProcess(): Replica {
  return { id: `${hostname()}:${process.pid}:${randomUUID()}`, host: hostname(), pid: process.pid };
}
