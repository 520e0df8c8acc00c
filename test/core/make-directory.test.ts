import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirectory, type DirectoryFs } from '../../src/core/make-directory.js';

const root = mkdtempSync(join(tmpdir(), 'ipplan-mkdir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function errno(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

describe('making a directory and its missing parents', () => {
  it('makes each missing directory, and is content when it exists', () => {
    const dir = join(root, 'a', 'b', 'c');
    makeDirectory(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(() => makeDirectory(dir)).not.toThrow();
  });

  it('fails with ENOTDIR under a file', () => {
    const file = join(root, 'file');
    writeFileSync(file, '');
    expect(() => makeDirectory(join(file, 'x', 'y'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(existsSync(join(file, 'x'))).toBe(false);
  });

  it('fails once, instead of trying forever, where a directory that exists refuses children with ENOENT (as /proc/1 does)', () => {
    const made = new Set(['/', '/proc', '/proc/1']);
    let calls = 0;
    const procLike: DirectoryFs = {
      exists: (path) => made.has(path),
      mkdir: (path) => {
        calls += 1;
        if (calls > 10) throw new Error('still trying');
        if (made.has(path)) throw errno('EEXIST', path);
        if (dirname(path) === '/proc/1') throw errno('ENOENT', path);
        made.add(path);
      },
    };
    expect(() => makeDirectory('/proc/1/nope/data', procLike)).toThrow(expect.objectContaining({ code: 'ENOENT', path: '/proc/1/nope' }));
    expect(calls).toBe(1);
  });

  it('takes a directory another process made meanwhile', () => {
    const dir = join(root, 'raced');
    const racing: DirectoryFs = {
      exists: (path) => path !== dir && existsSync(path),
      mkdir: (path) => {
        mkdirSync(path);
        throw errno('EEXIST', path);
      },
    };
    expect(() => makeDirectory(dir, racing)).not.toThrow();
  });
});
