import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { buildWordBridge } from '../../../src/core/search/bridge/build-word-bridge.js';
import { parseGlossDictionary, senseWords } from '../../../src/core/search/bridge/gloss-dictionary.js';
import { bridgeLookup, createRelatedFinder, formatWordBridge, parseWordBridge } from '../../../src/core/search/bridge/word-bridge.js';
import { INDEX_DIR } from '../../../src/core/paths.js';
import { WORD_BRIDGE_FILE } from '../../../src/core/search/index/index-files.js';
import { CREDIT } from '../../../src/core/search/query/analyse-question.js';
import { testAnswerContext } from '../../support/answer-context.js';

const ctx = testAnswerContext();

/** CC-CEDICT lines as the package ships them. */
const CEDICT = [
  '# CC-CEDICT',
  '公司 公司 [gong1 si1] /(business) company/company/firm/corporation/incorporated/CL:家[jia1]/',
  '企業 企业 [qi3 ye4] /company/firm/enterprise/corporation/CL:家[jia1]/',
  '堅定 坚定 [jian1 ding4] /firm/steady/staunch/resolute/',
  '牆 墙 [qiang2] /wall (CL:面[mian4],堵[du3])/',
  '沒有 没有 [mei2 you3] /variant of 沒有|没有[mei2 you3]/',
  '外貿 外贸 [wai4 mao4] /foreign trade/',
  '貿易 贸易 [mao4 yi4] /(commerce) trade/CL:個|个[ge4]/',
  '海關 海关 [hai3 guan1] /customs (i.e. border crossing inspection)/',
  '規矩 规矩 [gui1 ju5] /lay down the law/rule/established practice/custom/',
  ...['书 book', '桌子 table', '椅子 chair', '河 river', '山 mountain', '猫 cat', '狗 dog', '鸟 bird'].map((e) => {
    const [word, sense] = e.split(' ');
    return `${word} ${word} [x] /${sense}/`;
  }),
].join('\n');

describe('CC-CEDICT read for the word bridge', () => {
  it("keeps each Simplified headword's senses as content words, without measure words, variants or asides", () => {
    const glosses = parseGlossDictionary(CEDICT);
    expect(glosses.get('公司')).toEqual([['company'], ['company'], ['firm'], ['corporation'], ['incorporated']]);
    expect(glosses.get('墙')).toEqual([['wall']]);
    expect(glosses.has('没有')).toBe(false);
    expect(glosses.has('公司')).toBe(true);
    expect(senseWords('to lay down the law for sb')).toEqual(['lay', 'down', 'law']);
    expect(senseWords('ports and harbors')).toEqual(['port', 'harbor']);
  });
});

describe('building the word bridge', () => {
  const glosses = parseGlossDictionary(CEDICT);
  const bridge = buildWordBridge({ glosses, targets: new Set(['企业', '坚定', '贸易', '海关']), isSource: () => true });

  it('joins words whose glosses agree, not words that share one ambiguous English word', () => {
    expect(bridge.get('公司')?.map((t) => t.word)).toEqual(['企业']);
    expect(bridge.get('规矩')).toBeUndefined(); // "custom" is 海关 too, but nothing else agrees
    expect(bridge.get('外贸')?.map((t) => t.word)).toEqual(['贸易']); // the plan's word is the more general one
  });

  it('keeps only words that reach a target, never a target itself', () => {
    expect([...bridge.keys()].sort()).toEqual(['公司', '外贸']);
    for (const targets of bridge.values()) for (const t of targets) expect(t.strength).toBeGreaterThan(0);
  });

  it('reads back what it writes, one word a line, and says how to fix a malformed file', () => {
    const text = formatWordBridge(bridge);
    expect(text.split('\n')[0]).toMatch(/^公司\t企业 (?:0\.\d+|1)$/u);
    const read = parseWordBridge(text);
    expect(read.size).toBe(bridge.size);
    for (const [word, targets] of bridge) expect(read.get(word)).toEqual(targets);
    expect(read.get('坚定')).toBeUndefined();
    expect(() => parseWordBridge('港口\t口岸 2\n')).toThrow(/npm run build:index/u);
    expect(() => parseWordBridge('港口\n')).toThrow(ZodError);
    expect(parseWordBridge('').size).toBe(0);
  });

  it('finds its words in a question, longest first', () => {
    const find = createRelatedFinder(
      bridgeLookup(
        new Map([
          ['港口', [{ word: '口岸', strength: 0.8 }]],
          ['港', [{ word: '香港', strength: 0.5 }]],
        ]),
      ),
    );
    expect(find('货在港口被扣').map((m) => [m.word, m.start, m.end])).toEqual([['港口', 2, 4]]);
  });
});

describe('the word bridge in index/', () => {
  it("is a compact file of the plan's neighbours", () => {
    const bridge = parseWordBridge(readFileSync(join(INDEX_DIR, WORD_BRIDGE_FILE), 'utf8'));
    expect(bridge.size).toBeGreaterThan(1000);
    expect(bridge.size).toBeLessThan(20000);
    expect(bridge.get('有名')).toEqual([{ word: '知名', strength: 1 }]);
  });

  it("lets a word neither the plan nor the lexicons know reach the plan's word, with less credit than the concept lexicon", () => {
    const analysis = ctx.search.analyse('那个很有名的老字号');
    expect(analysis.related.map((r) => [r.word, r.targets.map((t) => t.word)])).toEqual([['有名', ['知名']]]);
    const famous = analysis.concepts.find((c) => c.label === '有名');
    expect(famous?.credits.get('有名')).toBe(1);
    expect(famous?.credits.get('知名')).toBe(CREDIT.related);
    expect(CREDIT.related).toBeLessThan(CREDIT.everyday);
    expect(famous?.related).toBe(true);
  });

  it('leaves words the lexicons read to the lexicons', () => {
    // 军工 is a synonym of 国防 (seeds/lexicon/synonyms.txt); 老字号 is in the concept lexicon.
    expect(ctx.search.analyse('军工企业的发明归谁').related).toEqual([]);
    expect(ctx.search.analyse('那个很有名的老字号').related.map((r) => r.word)).not.toContain('老字号');
  });
});
