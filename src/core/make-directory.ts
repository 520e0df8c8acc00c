/**
 * `mkdir -p` that fails instead of spinning. Node's own (`mkdirSync(dir, { recursive: true })`,
 * and `fs.promises.mkdir` likewise) loops forever at full CPU when a directory that exists refuses
 * a child with ENOENT, as /proc/1 does: it reads ENOENT as "the parent is missing", makes the
 * parent (EEXIST, taken as success) and tries the child again, with no output, ever. So
 * `DATA_DIR=/proc/1/nope` hung the service at start-up.
 *
 * Here the missing directories are found first, walking up, then made once each from the top
 * down; any failure but EEXIST (another process made it meanwhile) is thrown as it is.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The two file-system calls used, injectable so a test can play a directory that behaves like /proc. */
export interface DirectoryFs {
  exists(path: string): boolean;
  /** Makes one directory whose parent exists (never recursive). */
  mkdir(path: string): void;
}

const NODE_FS: DirectoryFs = {
  exists: (path) => statSync(path, { throwIfNoEntry: false }) !== undefined,
  mkdir: (path) => mkdirSync(path),
};

/** Makes `dir` and whichever of its parents are missing; throws the first failure (ENOENT, ENOTDIR, EACCES …). */
export function makeDirectory(dir: string, fs: DirectoryFs = NODE_FS): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !fs.exists(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const path of missing) {
    try {
      fs.mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
