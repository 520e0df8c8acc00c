import { describe, expect, it } from 'vitest';
import { testAnswerContext } from '../../support/answer-context.js';
import { readManifest } from '../../../src/core/search/index/index-files.js';
import { INDEX_DIR } from '../../../src/core/paths.js';
import { cutWords } from '../../../src/core/search/text/jieba.js';

const ctx = testAnswerContext();
const tokenize = (text: string) => ctx.search.analyse(text).terms.map((t) => t.term);
const segment = (text: string) => cutWords(text);

describe('segmenting plan text', () => {
  it('keeps 《…》 titles whole and also yields the words inside them', () => {
    expect(segment('推动《促进科技成果转化法》修订')).toContain('促进科技成果转化法');
    const terms = tokenize('促进科技成果转化法');
    expect(terms).toEqual(expect.arrayContaining(['促进科技成果转化法', '科技成果', '转化']));
  });

  it("keeps quoted names and the plan's recurring names whole", () => {
    expect(segment('开展第十次打击网络侵权盗版“剑网行动”')).toContain('剑网行动');
    expect(segment('推进“金农工程”农产品地理标志信息系统')).toContain('金农工程');
    expect(segment('严厉打击“傍名牌”行为')).toContain('傍名牌');
    expect(segment('加快实施专利导航试点工程')).toContain('专利导航');
    expect(segment('建立林业植物新品种与专利技术展示和对接平台')).toContain('植物新品种');
  });

  it('derives those names from the plan, not from a hand list', () => {
    const manifest = readManifest(INDEX_DIR);
    expect(manifest?.names).toEqual(expect.arrayContaining(['剑网行动', '金农工程', '傍名牌', '促进科技成果转化法']));
    expect(manifest?.phrases).toEqual(expect.arrayContaining(['专利导航', '地理标志', '植物新品种']));
  });

  it('keeps numbers and Latin words whole', () => {
    expect(segment('确保商标审查周期控制在9个月内')).toEqual(expect.arrayContaining(['9', '个', '月']));
    expect(segment('支持办好2014年中国国际版权博览会')).toContain('2014');
    expect(segment('争取承担UPOV测试指南编制任务')).toContain('UPOV');
  });

  it('keeps everyday words whole so they do not match plan words inside them', () => {
    expect(segment('世界杯冠军')).toContain('世界杯');
    expect(segment('专利局的审查')).toContain('专利局');
  });

  it('drops punctuation, function words and question words from a question', () => {
    expect(tokenize('国防知识产权有哪些措施？')).toEqual(expect.arrayContaining(['国防知识产权', '国防', '知识产权']));
    for (const dropped of ['有', '哪些', '措施', '？', '的']) expect(tokenize('国防知识产权有哪些措施？')).not.toContain(dropped);
  });
});
