/**
 * The near meanings: for every word of a general-purpose vocabulary that has one, the plan's words
 * nearest to it in meaning, with their cosine, by word vectors trained on the Chinese Wikipedia
 * (the Synonyms project's, see index/README.md for the source and its licence). Built with
 * `index/` (build-near-meanings.ts) from the 50 MB vector file, kept as `index/near-meanings.tsv`,
 * a few megabytes the app reads at start-up without the network.
 *
 * The file, tab-separated, one record a line, so a rebuild reads as a diff:
 *
 *   near-meanings 1  <inputs hash>  node-synonyms@1.3.1  sha512-…     what it was built from
 *   targets          版权 专利 商标 …                                   the plan's words, numbered from 0
 *   doc  m42         3 17 250 …                                        each document's words, by number
 *   盗版  37          3:65 17:58 …                                      a word: its frequency class, its
 *                                                                      neighbours as number:cosine×100
 *
 * Word lines come sorted, so a word is found by binary search over the text as read: start-up
 * only notes where lines begin, and a question's words are decoded when it asks.
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

const HeaderSchema = z.tuple([z.literal(`near-meanings`), z.string().regex(/^\d+$/u), z.string().regex(/^[0-9a-f]{64}$/u), z.string().regex(/^[\w.-]+@[\w.-]+$/u), z.string().regex(/^sha512-[A-Za-z0-9+/=]+$/u)]);

export function formatNearMeanings(table: NearMeaningsTable): string {
  const { header } = table;
  const lines = [
    ['near-meanings', String(header.format), header.inputsHash, header.source, header.integrity].join('\t'),
    `targets\t${table.targets.join(' ')}`,
    ...[...table.documents].map(([id, targets]) => `doc\t${id}\t${targets.join(' ')}`),
    ...[...table.words.keys()].sort().map((word) => {
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
  if (!parsed.success) throw new NearMeaningsError('the first line must be "near-meanings <format> <inputs hash> <package@version> <integrity>"');
  const [, format, inputsHash, source, integrity] = parsed.data;
  return { format: Number(format), inputsHash, source, integrity };
}

/** Reads `index/near-meanings.tsv`; throws a NearMeaningsError naming the fix when it is not one. */
export function parseNearMeanings(text: string): NearMeanings {
  const header = readNearMeaningsHeader(text);
  let at = text.indexOf('\n') + 1;
  const line = (): string => {
    const end = text.indexOf('\n', at);
    if (end < 0) throw new NearMeaningsError('the last line has no newline');
    const read = text.slice(at, end);
    at = end + 1;
    return read;
  };
  const targetsLine = line();
  if (!targetsLine.startsWith('targets\t')) throw new NearMeaningsError('the second line must list the targets');
  const targets = targetsLine.slice('targets\t'.length).split(' ');
  const documents = new Map<string, number[]>();
  while (text.startsWith('doc\t', at)) {
    const [, id = '', list = ''] = line().split('\t');
    const numbered = numbers(list);
    if (!/^[mgp]\d+$/u.test(id) || numbered.some((n) => !Number.isInteger(n) || n < 0 || n >= targets.length)) throw new NearMeaningsError(`a bad document line for "${id}"`);
    documents.set(id, numbered);
  }
  // Word lines: only where each begins is noted now.
  const starts: number[] = [];
  for (let start = at; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if (end < 0 || text.indexOf('\t', start) > end || text.indexOf('\t', start) < 0) throw new NearMeaningsError('every word line needs a word, its class and its neighbours, tab-separated');
    starts.push(start);
    start = end + 1;
  }
  const keyAt = (i: number): string => {
    const start = starts[i] as number;
    return text.slice(start, text.indexOf('\t', start));
  };
  const find = (word: string): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const key = keyAt(middle);
      if (key === word) return middle;
      if (key < word) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  };
  const decoded = new Map<string, { frequencyClass: number; neighbours: Neighbour[] } | null>();
  const entry = (word: string): { frequencyClass: number; neighbours: Neighbour[] } | undefined => {
    let found = decoded.get(word);
    if (found === undefined) {
      const i = find(word);
      if (i < 0) found = null;
      else {
        const start = starts[i] as number;
        const [, frequencyClass = '', list = ''] = text.slice(start, text.indexOf('\n', start)).split('\t');
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
    size: starts.length,
    logProbability: (word) => {
      const found = entry(word);
      return found ? -found.frequencyClass / CLASS_SCALE : undefined;
    },
    neighbours: (word) => entry(word)?.neighbours,
  };
}
