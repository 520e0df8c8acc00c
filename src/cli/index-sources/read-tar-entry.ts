/**
 * One file out of a tar archive (the ustar format npm packs with): 512-byte headers, each
 * followed by the file's bytes padded to 512. Enough for reading a package's data file without
 * a tar dependency; links, pax attributes and the rest are stepped over.
 */

const BLOCK = 512;
const NAME = [0, 100] as const;
const SIZE = [124, 136] as const;
const TYPE = 156;
const PREFIX = [345, 500] as const;
/** Regular files are type '0' (or NUL in old archives). */
const REGULAR = new Set([0x30, 0x00]);

function field(header: Buffer, [from, to]: readonly [number, number]): string {
  const raw = header.subarray(from, to);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
}

/** The bytes of `path` inside the (uncompressed) tar archive, or undefined when it holds no such file. */
export function readTarEntry(archive: Buffer, path: string): Buffer | undefined {
  for (let at = 0; at + BLOCK <= archive.length; ) {
    const header = archive.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return undefined; // the end-of-archive blocks
    const prefix = field(header, PREFIX);
    const name = prefix ? `${prefix}/${field(header, NAME)}` : field(header, NAME);
    const size = Number.parseInt(field(header, SIZE).trim() || '0', 8);
    const start = at + BLOCK;
    if (name === path && REGULAR.has(header[TYPE] as number)) return archive.subarray(start, start + size);
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return undefined;
}
