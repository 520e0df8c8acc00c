/**
 * Whether a replica is gone, the same way for every engine: not heard from for
 * {@link REPLICA_GONE_MS}, or on this very host with its process no longer running (after a
 * `kill -9` and a restart, the restarted process need not wait for the heartbeat to age). A row
 * with this process's pid but another id is an earlier life of the same pid (a container's pid 1).
 */
import type { Replica } from '../app/process/replica.js';
import { REPLICA_GONE_MS } from './state-store.js';

export interface ReplicaIdentity {
  id: string;
  host: string;
  pid: number;
  seenAt: number;
}

export function replicaGone(row: ReplicaIdentity, me: Replica, nowMs: number, isAlive: (pid: number) => boolean): boolean {
  if (row.id === me.id) return false;
  if (nowMs - row.seenAt >= REPLICA_GONE_MS) return true;
  if (row.host !== me.host) return false;
  if (row.pid === me.pid) return true;
  return !isAlive(row.pid);
}
