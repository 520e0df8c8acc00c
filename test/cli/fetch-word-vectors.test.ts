import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fetchWordVectors, tarballIntegrity, WordVectorSourceError } from '../../src/cli/index-sources/fetch-word-vectors.js';
import { readTarEntry } from '../../src/cli/index-sources/read-tar-entry.js';

/** A ustar archive of the given files (what npm pack writes). */
function tar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write(`${Buffer.byteLength(content).toString(8).padStart(11, '0')}\0`, 124);
    header.write('0', 156);
    header.write('ustar\0', 257);
    const body = Buffer.alloc(Math.ceil(Buffer.byteLength(content) / 512) * 512);
    body.write(content);
    blocks.push(header, body);
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

describe("the word vectors' tarball", () => {
  it('gives one file out of a tar archive, and nothing for a file it does not hold', () => {
    const archive = tar({ 'package/README.md': '# Synonyms', 'package/data/words.vector': '2 100\n…' });
    expect(readTarEntry(archive, 'package/data/words.vector')?.toString()).toBe('2 100\n…');
    expect(readTarEntry(archive, 'package/data/other')).toBeUndefined();
  });

  it('refuses a tarball whose integrity is not the recorded one, before reading it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'word-vectors-')), 'node-synonyms-1.3.1.tgz');
    const tampered = gzipSync(tar({ 'package/data/words.vector': '1 1\n' }));
    writeFileSync(file, tampered);
    expect(tarballIntegrity(tampered)).toMatch(/^sha512-/u);
    expect(() => fetchWordVectors({ tarball: file })).toThrow(WordVectorSourceError);
    expect(() => fetchWordVectors({ tarball: file })).toThrow(/is not the expected tarball/u);
  });
});
