/**
 * The one place nodejieba is touched. nodejieba keeps a single dictionary per process, so this
 * module owns it: {@link loadJieba} points it at a dictionary file (the plan dictionary in
 * `index/`, or jieba's full one while that dictionary is being built) and {@link cutWords}
 * segments text with it.
 *
 * Segmentation runs without the HMM: characters the dictionary doesn't know stay single, which
 * makes a question and the plan text fall apart the same way wherever they share words.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The part of nodejieba this app uses. Its own typings omit the dictionary paths. */
interface NodeJieba {
  DEFAULT_DICT: string;
  load(options: { dict: string; hmmDict: string; userDict: string; idfDict: string; stopWordDict: string }): void;
  cut(sentence: string, useHmm: boolean): string[];
}

// nodejieba assigns its exports in a loop, which Node's ESM loader cannot see as named exports.
const nodejieba = createRequire(import.meta.url)('nodejieba') as NodeJieba;

/** jieba's own dictionary, shipped inside the nodejieba package (nothing is fetched). */
export const JIEBA_BASE_DICT: string = nodejieba.DEFAULT_DICT;

let loadedDictionary: string | undefined;

/**
 * The HMM model file must parse (start and transition probabilities, four emission lines), but
 * segmentation here never runs the HMM, so one emission per state is enough; jieba's real model
 * would cost 30 ms of every start-up to load, twice.
 */
const UNUSED_HMM_MODEL = [
  '-0.26 -3.14e+100 -3.14e+100 -1.46',
  '-3.14e+100 -0.51 -0.91 -3.14e+100',
  '-0.58 -3.14e+100 -3.14e+100 -0.80',
  '-3.14e+100 -0.33 -1.26 -3.14e+100',
  '-0.72 -3.14e+100 -3.14e+100 -0.66',
  '的:-1.0',
  '的:-1.0',
  '的:-1.0',
  '的:-1.0',
].join('\n');

/**
 * nodejieba also builds a keyword extractor on load, which insists on non-empty idf and stop-word
 * files; this app never extracts keywords, so it gets one-line files instead of jieba's 6 MB ones.
 * The files only need to exist while jieba reads them.
 */
function withStubFiles(load: (files: { hmm: string; idf: string; stopWords: string; userDict: string }) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'ipplan-jieba-'));
  try {
    const files = { hmm: join(dir, 'hmm.utf8'), idf: join(dir, 'idf.utf8'), stopWords: join(dir, 'stop.utf8'), userDict: join(dir, 'user.utf8') };
    writeFileSync(files.hmm, `${UNUSED_HMM_MODEL}\n`);
    writeFileSync(files.idf, '知识产权 1.0\n');
    writeFileSync(files.stopWords, '的\n');
    writeFileSync(files.userDict, '知识产权\n');
    load(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Points jieba at `dictionaryFile` (jieba's `word freq tag` format). Cheap when already loaded. */
export function loadJieba(dictionaryFile: string): void {
  if (loadedDictionary === dictionaryFile) return;
  withStubFiles((files) =>
    nodejieba.load({
      dict: dictionaryFile,
      hmmDict: files.hmm,
      userDict: files.userDict,
      idfDict: files.idf,
      stopWordDict: files.stopWords,
    }),
  );
  loadedDictionary = dictionaryFile;
}

/** Forget which dictionary is loaded (after its file was rewritten in place). */
export function forgetLoadedJieba(): void {
  loadedDictionary = undefined;
}

/** Runs of ASCII letters and digits; without the HMM jieba would cut them into single characters. */
const ASCII_WORD = /[A-Za-z0-9]+(?:\.[0-9]+)?/gu;

/** Segments `text` with the loaded dictionary, no HMM; `UPOV`, `2014` and `12` stay whole. */
export function cutWords(text: string): string[] {
  if (loadedDictionary === undefined) throw new Error('cutWords called before loadJieba');
  const words: string[] = [];
  let at = 0;
  for (const match of text.matchAll(ASCII_WORD)) {
    const start = match.index ?? 0;
    if (start > at) words.push(...nodejieba.cut(text.slice(at, start), false));
    words.push(match[0]);
    at = start + match[0].length;
  }
  if (at < text.length) words.push(...nodejieba.cut(text.slice(at), false));
  return words;
}
