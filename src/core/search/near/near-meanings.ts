/**
 * The near meanings: for every word of a general-purpose vocabulary that has one, the plan's words
 * nearest to it in meaning, with their cosine, by word vectors trained on the Chinese Wikipedia
 * (the Synonyms project's, see index/README.md for the source and its licence). Built with
 * `index/` (build-near-meanings.ts) from the 50 MB vector file, kept as `index/near-meanings.tsv`,
 * a few megabytes the app reads at start-up without the network.
 *
 * The file, tab-separated, one record a line, so a rebuild reads as a diff:
 *
 *   near-meanings 1  <inputs hash>  node-synonyms@1.3.1  sha512-…  47034   what it was built from, how many words
 *   targets          版权 专利 商标 …                                   the plan's words, numbered from 0
 *   doc  m42         3 17 250 …                                        each document's words, by number
 *   盗版  37          3:65 17:58 …                                      a word: its frequency class, its
 *                                                                      neighbours as number:cosine×100
 *
 * Word lines come sorted by their bytes, so a word is found by binary search over the file's bytes
 * as read: start-up reads none of them, and a question's words are decoded when it asks.
 */
import { z } from 'zod';

/** Bump when the file's shape or the way it is built changes. */
export const NEAR_MEANINGS_FORMAT = 1;

/** Where the word vectors come from: the npm package that ships them, checked by its registry integrity. */
export const WORD_VECTOR_SOURCE = {
  name: 'node-synonyms',
  version: '1.3.1',
  integrity: 'sha512-X3GZ4J4kDAp7uSkwqaOeCJ6++pHT2L7EDlQsL8O4AZRB0NEtBAZSmDtvWOkIKPqZkgStnX9EtL1y4xQClhflxQ==',
  /** The vector file inside the package's tarball. */
  file: 'package/data/words.vector',
} as const;

/** A word's frequency class is ln(rank + RANK_OFFSET) × CLASS_SCALE, rounded: its log-probability, coarsely. */
export const RANK_OFFSET = 10;
export const CLASS_SCALE = 4;

export interface NearMeaningsHeader {
  format: number;
  inputsHash: string;
  /** `name@version` of the package the vectors came from. */
  source: string;
  integrity: string;
}

export interface Neighbour {
  /** A target's number (in `targets`). */
  target: number;
  cosine: number;
}

export interface NearMeaningsTable {
  header: NearMeaningsHeader;
  targets: string[];
  /** Document id → the numbers of its targets. */
  documents: Map<string, number[]>;
  /** Word → its frequency class and its neighbours, nearest first. */
  words: Map<string, { frequencyClass: number; neighbours: Neighbour[] }>;
}

/** The table as a search reads it. */
export interface NearMeanings {
  readonly header: NearMeaningsHeader;
  readonly targets: readonly string[];
  readonly documents: ReadonlyMap<string, readonly number[]>;
  /** How many words it reads. */
  readonly size: number;
  /** The word's log-probability (for segmenting), undefined for words it lacks. */
  logProbability(word: string): number | undefined;
  /** The plan's words near `word`, nearest first; undefined for words it lacks. */
  neighbours(word: string): readonly Neighbour[] | undefined;
}

export class NearMeaningsError extends Error {
  constructor(reason: string) {
    super(`index/near-meanings.tsv: ${reason}; run npm run build:index`);
    this.name = 'NearMeaningsError';
  }
}

const HeaderSchema = z.tuple([
  z.literal(`near-meanings`),
  z.string().regex(/^\d+$/u),
  z.string().regex(/^[0-9a-f]{64}$/u),
  z.string().regex(/^[\w.-]+@[\w.-]+$/u),
  z.string().regex(/^sha512-[A-Za-z0-9+/=]+$/u),
  z.string().regex(/^\d+$/u),
]);

export function formatNearMeanings(table: NearMeaningsTable): string {
  const { header } = table;
  const lines = [
    ['near-meanings', String(header.format), header.inputsHash, header.source, header.integrity, String(table.words.size)].join('\t'),
    `targets\t${table.targets.join(' ')}`,
    ...[...table.documents].map(([id, targets]) => `doc\t${id}\t${targets.join(' ')}`),
    ...[...table.words.keys()]
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
      .map((word) => {
        const entry = table.words.get(word) as { frequencyClass: number; neighbours: Neighbour[] };
        return `${word}\t${entry.frequencyClass}\t${entry.neighbours.map((n) => `${n.target}:${Math.round(n.cosine * 100)}`).join(' ')}`;
      }),
  ];
  return `${lines.join('\n')}\n`;
}

function numbers(text: string): number[] {
  return text.length === 0 ? [] : text.split(' ').map(Number);
}

/** Reads the header line alone (what the freshness check needs). */
export function readNearMeaningsHeader(text: string): NearMeaningsHeader {
  const parsed = HeaderSchema.safeParse(text.slice(0, text.indexOf('\n')).split('\t'));
  if (!parsed.success) throw new NearMeaningsError('the first line must be "near-meanings <format> <inputs hash> <package@version> <integrity> <words>"');
  const [, format, inputsHash, source, integrity] = parsed.data;
  return { format: Number(format), inputsHash, source, integrity };
}

function wordCount(headerLine: string): number {
  return Number(headerLine.trim().split('\t')[5]);
}

const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * Reads `index/near-meanings.tsv` (its bytes: decoding two megabytes of Chinese would cost more
 * than everything else start-up does with it); throws a NearMeaningsError naming the fix when it
 * is not one. Word lines are sorted by their UTF-8 bytes, so a word is found by comparing bytes.
 */
export function parseNearMeanings(data: Buffer | string): NearMeanings {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const headerEnd = bytes.indexOf(NEWLINE);
  const header = readNearMeaningsHeader(bytes.toString('utf8', 0, Math.max(0, headerEnd) + 1));
  let at = headerEnd + 1;
  const line = (): string => {
    const end = bytes.indexOf(NEWLINE, at);
    if (end < 0) throw new NearMeaningsError('the last line has no newline');
    const read = bytes.toString('utf8', at, end);
    at = end + 1;
    return read;
  };
  const targetsLine = line();
  if (!targetsLine.startsWith('targets\t')) throw new NearMeaningsError('the second line must list the targets');
  const targets = targetsLine.slice('targets\t'.length).split(' ');
  const documents = new Map<string, number[]>();
  const DOC = Buffer.from('doc\t');
  while (bytes.compare(DOC, 0, DOC.length, at, at + DOC.length) === 0) {
    const [, id = '', list = ''] = line().split('\t');
    const numbered = numbers(list);
    if (!/^[mgp]\d+$/u.test(id) || numbered.some((n) => !Number.isInteger(n) || n < 0 || n >= targets.length))
      throw new NearMeaningsError(`a bad document line for "${id}"`);
    documents.set(id, numbered);
  }
  // Word lines are not read at all now: a word is found by bisecting the bytes, each probe backing
  // up to the start of the line it falls in.
  const wordsStart = at;
  const find = (word: string): { tab: number; end: number } | undefined => {
    const key = Buffer.from(word);
    let low = wordsStart;
    let high = bytes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = bytes.lastIndexOf(NEWLINE, middle - 1) + 1;
      const end = bytes.indexOf(NEWLINE, start);
      const tab = bytes.indexOf(TAB, start);
      if (end < 0 || tab < 0 || tab > end) throw new NearMeaningsError('every word line needs a word, its class and its neighbours, tab-separated');
      const order = key.compare(bytes, start, tab);
      if (order === 0) return { tab, end };
      if (order > 0) low = end + 1;
      else high = start;
    }
    return undefined;
  };
  const decoded = new Map<string, { frequencyClass: number; neighbours: Neighbour[] } | null>();
  const entry = (word: string): { frequencyClass: number; neighbours: Neighbour[] } | undefined => {
    let found = decoded.get(word);
    if (found === undefined) {
      const line = find(word);
      if (!line) found = null;
      else {
        const [frequencyClass = '', list = ''] = bytes.toString('latin1', line.tab + 1, line.end).split('\t');
        const neighbours = (list === '' ? [] : list.split(' ')).map((pair) => {
          const [target = '', cosine = ''] = pair.split(':');
          return { target: Number(target), cosine: Number(cosine) / 100 };
        });
        found = { frequencyClass: Number(frequencyClass), neighbours };
      }
      decoded.set(word, found);
    }
    return found ?? undefined;
  };
  return {
    header,
    targets,
    documents,
    size: wordCount(bytes.toString('utf8', 0, headerEnd)),
    logProbability: (word) => {
      const found = entry(word);
      return found ? -found.frequencyClass / CLASS_SCALE : undefined;
    },
    neighbours: (word) => entry(word)?.neighbours,
  };
}
