import { describe, expect, it } from 'vitest';
import { buildNearMeanings } from '../../../src/core/search/near/build-near-meanings.js';
import { createNearMeaningRanker } from '../../../src/core/search/near/near-meaning-ranking.js';
import {
  formatNearMeanings,
  NearMeaningsError,
  parseNearMeanings,
  WORD_VECTOR_SOURCE,
  type NearMeaningsHeader,
} from '../../../src/core/search/near/near-meanings.js';
import { segmentByVocabulary } from '../../../src/core/search/near/segment-by-vocabulary.js';
import { parseWordVectors, WordVectorsError } from '../../../src/core/search/near/word-vectors.js';
import { testAnswerContext } from '../../support/answer-context.js';

/** word2vec's binary format: a header line, then each word, a space and its floats. */
function word2vec(entries: ReadonlyArray<[string, number[]]>): Buffer {
  const dims = entries[0]?.[1].length ?? 0;
  const parts = [Buffer.from(`${entries.length} ${dims}\n`)];
  for (const [word, vector] of entries) {
    const floats = Buffer.alloc(4 * dims);
    vector.forEach((x, i) => floats.writeFloatLE(x, 4 * i));
    parts.push(Buffer.from(`${word} `), floats, Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

const HEADER: NearMeaningsHeader = { format: 1, inputsHash: 'a'.repeat(64), source: 'node-synonyms@1.3.1', integrity: WORD_VECTOR_SOURCE.integrity };

// 盗版 sits between 版权 and 侵权; 天气 is far from all of them.
const VECTORS = parseWordVectors(
  word2vec([
    ['版权', [1, 0, 0]],
    ['侵权', [0.8, 0.6, 0]],
    ['盗版', [0.95, 0.3, 0]],
    ['天气', [0, 0, 1]],
    ['专利', [0, 1, 0]],
  ]),
);

function table() {
  return buildNearMeanings({
    vectors: VECTORS,
    documents: [
      { id: 'm1', candidates: ['版权', '没有向量的词'] },
      { id: 'm2', candidates: ['专利', '侵权'] },
    ],
    isSource: (w) => w !== '专利',
    header: HEADER,
  });
}

describe('word vectors', () => {
  it("reads word2vec's binary format, most frequent first, each vector scaled to length 1", () => {
    const read = parseWordVectors(
      word2vec([
        ['知识产权', [3, 4]],
        ['专利', [0, 2]],
      ]),
    );
    expect(read.words).toEqual(['知识产权', '专利']);
    expect([...read.values].map((x) => Math.round(x * 100) / 100)).toEqual([0.6, 0.8, 0, 1]);
  });

  it("names a file that is not word2vec's, or ends early", () => {
    expect(() => parseWordVectors(Buffer.from('not vectors'))).toThrow(WordVectorsError);
    expect(() => parseWordVectors(word2vec([['专利', [1, 2]]]).subarray(0, 12))).toThrow(/ends inside word 1 of 1/u);
  });
});

describe('segmenting by a vocabulary', () => {
  it('takes the most probable words, and single characters where no word fits', () => {
    const logP = new Map([
      ['野生', -8],
      ['草药', -9],
      ['生草', -12],
      ['药企', -10],
    ]);
    expect(segmentByVocabulary('野生草药来了', (w) => logP.get(w)).map((s) => s.word)).toEqual(['野生', '草药', '来', '了']);
  });
});

describe('the near-meaning table', () => {
  it("numbers the plan's words the vectors know and gives each askable word its near ones, nearest first", () => {
    const built = table();
    expect(built.targets).toEqual(['专利', '侵权', '版权']);
    expect(built.documents).toEqual(
      new Map([
        ['m1', [2]],
        ['m2', [0, 1]],
      ]),
    );
    expect(built.words.get('盗版')?.neighbours.map((n) => built.targets[n.target])).toEqual(['版权', '侵权']);
    expect(built.words.has('天气')).toBe(false); // near nothing of the plan's
    expect(built.words.has('专利')).toBe(false); // not askable here
  });

  it('reads back what it writes, word by word on demand', () => {
    const near = parseNearMeanings(formatNearMeanings(table()));
    expect(near.header).toEqual(HEADER);
    expect(near.size).toBe(3);
    expect(near.neighbours('盗版')?.map((n) => [near.targets[n.target], n.cosine])).toEqual([
      ['版权', 0.95],
      ['侵权', 0.94],
    ]);
    expect(near.neighbours('天气')).toBeUndefined();
    expect(near.logProbability('盗版')).toBeLessThan(0);
  });

  it('names the fix when the file is not one', () => {
    expect(() => parseNearMeanings('words\n')).toThrow(NearMeaningsError);
    expect(() => parseNearMeanings(formatNearMeanings(table()).replace('targets\t', 'words\t'))).toThrow(/run npm run build:index/u);
  });

  it("ranks the measures whose words are near the question's, and none for a question near nothing", () => {
    const ranker = createNearMeaningRanker(parseNearMeanings(formatNearMeanings(table())));
    expect(ranker.rank('网上盗版怎么办').map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(ranker.rank('明天天气')).toEqual([]);
  });
});

describe('the committed near meanings', () => {
  const { search } = testAnswerContext();

  it('read everyday words the plan does not use as its words near in meaning', () => {
    const near = (q: string) =>
      search
        .nearMeanings(search.analyse(q))
        ?.slice(0, 3)
        .map((m) => m.id) ?? [];
    expect(near('网上卖盗版光碟的越来越多')).toContain('m28');
    expect(near('商标审查周期要控制在多久？')).toEqual([]); // the plan's own words: not asked
  });
});
