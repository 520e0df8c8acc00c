/**
 * Word vectors in word2vec's binary format (Mikolov et al.'s `word2vec -binary 1`), the format of
 * the Synonyms project's `words.vector`: a header line `<count> <dimensions>`, then for each word
 * its UTF-8 bytes, a space, and `dimensions` little-endian 32-bit floats (a newline may follow).
 * word2vec writes the vocabulary most frequent first, so a word's position is its frequency rank.
 *
 * Used only when `index/` is built: the app reads the compact table derived from it
 * (near-meanings.ts), never the 50 MB file.
 */

export interface WordVectors {
  /** Most frequent first. */
  words: readonly string[];
  dimensions: number;
  /** `words.length × dimensions` values, each vector scaled to length 1 (a dot product is a cosine). */
  values: Float32Array;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

export class WordVectorsError extends Error {
  constructor(reason: string) {
    super(`word vectors: ${reason} (expected word2vec's binary format; run npm run build:index to fetch them again)`);
    this.name = 'WordVectorsError';
  }
}

export function parseWordVectors(data: Buffer): WordVectors {
  const headerEnd = data.indexOf(NEWLINE);
  const [count, dimensions] = data.subarray(0, Math.max(0, headerEnd)).toString('ascii').trim().split(' ').map(Number);
  if (headerEnd < 0 || !Number.isInteger(count) || !Number.isInteger(dimensions) || !count || !dimensions)
    throw new WordVectorsError('no "<count> <dimensions>" header line');
  const words: string[] = [];
  const values = new Float32Array(count * dimensions);
  let at = headerEnd + 1;
  for (let i = 0; i < count; i++) {
    while (data[at] === NEWLINE) at++;
    const space = data.indexOf(SPACE, at);
    if (space < 0 || space + 4 * dimensions > data.length) throw new WordVectorsError(`the file ends inside word ${i + 1} of ${count}`);
    words.push(data.toString('utf8', at, space));
    at = space + 1;
    let norm = 0;
    for (let d = 0; d < dimensions; d++) {
      const x = data.readFloatLE(at + 4 * d);
      values[i * dimensions + d] = x;
      norm += x * x;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dimensions; d++) values[i * dimensions + d] = (values[i * dimensions + d] as number) * scale;
    at += 4 * dimensions;
  }
  return { words, dimensions, values };
}
