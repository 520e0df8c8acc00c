import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvalQuestions } from '../../../src/core/eval/eval-questions.js';
import { PROJECT_ROOT } from '../../../src/core/paths.js';
import { planCorpus } from '../../../src/core/search/dictionary/plan-corpus.js';
import { foldText } from '../../../src/core/search/text/fold-text.js';
import { openSearchIndex } from '../../../src/core/search/index/open-search-index.js';
import { LexiconError, loadLexicon, parseConcepts } from '../../../src/core/search/lexicon/load-lexicon.js';
import { createPlanSearch } from '../../../src/core/search/plan-search.js';
import { bridgeLookup } from '../../../src/core/search/bridge/word-bridge.js';
import { askQuestion } from '../../../src/core/answer/ask-question.js';
import { testAnswerContext } from '../../support/answer-context.js';

const ctx = testAnswerContext();
const lexicon = loadLexicon();

describe('the concept lexicon (seeds/lexicon/concepts.txt)', () => {
  it('names only concepts the plan itself names, each word under at most two of them', () => {
    const plan = planCorpus(ctx.plan).map(foldText).join('\n');
    expect(lexicon.concepts.length).toBeGreaterThan(200);
    expect(lexicon.concepts.filter((c) => !plan.includes(foldText(c.concept))).map((c) => c.concept)).toEqual([]);
    const conceptsOf = new Map<string, Set<string>>();
    for (const c of lexicon.concepts) for (const w of c.words) conceptsOf.set(w, new Set([...(conceptsOf.get(w) ?? []), c.concept]));
    expect([...conceptsOf].filter(([, of]) => of.size > 2).map(([w]) => w)).toEqual([]);
  });

  it('reads one concept, kind and word list a line, and names the file and line of a bad one', () => {
    expect(parseConcepts('# 注释\n地理标志 | instance | 大闸蟹, 龙井茶\n', 'concepts.txt')).toEqual([
      { concept: '地理标志', kind: 'instance', words: ['大闸蟹', '龙井茶'] },
    ]);
    expect(() => parseConcepts('地理标志 | 实例 | 大闸蟹\n', 'concepts.txt')).toThrow(
      new LexiconError('concepts.txt', 1, 'needs a concept, a kind (instance, colloquial, actor, situation) and at least one word'),
    );
    expect(() => parseConcepts('\n地理标志 | 大闸蟹\n', 'concepts.txt')).toThrow(/concepts\.txt:2:/u);
  });
});

describe('everyday words in a question', () => {
  it("stand for the plan's concept, with less credit than the question's own words", () => {
    const analysis = ctx.search.analyse('我们的大闸蟹被冒牌了');
    expect(analysis.everyday.map((e) => [e.word, e.targets])).toContainEqual(['大闸蟹', ['地理标志']]);
    const crab = analysis.concepts.filter((c) => c.credits.has('地理标志'));
    expect(crab.map((c) => c.credits.get('地理标志'))).toEqual([0.6]);
    expect(analysis.concepts.find((c) => c.label === '冒牌')?.credits.get('冒牌')).toBe(1);
  });

  it("leave a question in the plan's own words ranked exactly as without the concept lexicon or the word bridge", () => {
    const index = openSearchIndex({ plan: ctx.plan, lexicon });
    const without = createPlanSearch(ctx.plan, index, { ...lexicon, concepts: [] });
    const withoutBridge = createPlanSearch(ctx.plan, { ...index, bridge: bridgeLookup(new Map()) }, lexicon);
    const fixtures = ['questions-dev.jsonl', 'questions-team.jsonl', 'questions-review.jsonl'].flatMap((f) =>
      loadEvalQuestions(join(PROJECT_ROOT, 'test', 'fixtures', f)),
    );
    // Questions whose every Chinese word is one the plan uses.
    const inPlanWords = (q: string) => without.analyse(q).concepts.every((c) => c.inPlan || !/\p{Script=Han}/u.test(c.label));
    const planWorded = fixtures.filter((q) => inPlanWords(q.q));
    expect(planWorded.length).toBeGreaterThan(100);
    const ranking = (search: typeof without, q: string) =>
      search
        .search(search.analyse(q))
        .slice(0, 10)
        .map((h) => `${JSON.stringify(h.ref)}:${h.score.toFixed(6)}`);
    const changed = planWorded.filter((q) => ranking(ctx.search, q.q).join() !== ranking(without, q.q).join());
    expect(changed.map((q) => q.id)).toEqual([]);
    const changedByBridge = planWorded.filter((q) => ranking(ctx.search, q.q).join() !== ranking(withoutBridge, q.q).join());
    expect(changedByBridge.map((q) => q.id)).toEqual([]);
    // …and the bridge does reach questions in other words.
    const bridged = fixtures.filter((q) => ctx.search.analyse(q.q).related.length > 0);
    expect(bridged.length).toBeGreaterThan(0);
  });

  it("leave a question in the plan's own words answered exactly as without the near meanings, which do reach questions in other words", () => {
    const index = openSearchIndex({ plan: ctx.plan, lexicon });
    expect(index.near).toBeDefined();
    const withoutNear = { plan: ctx.plan, search: createPlanSearch(ctx.plan, { ...index, near: undefined }, lexicon) };
    const fixtures = ['questions-dev.jsonl', 'questions-team.jsonl', 'questions-review.jsonl', 'questions-trust.jsonl'].flatMap((f) =>
      loadEvalQuestions(join(PROJECT_ROOT, 'test', 'fixtures', f)),
    );
    const inPlanWords = (q: string) => withoutNear.search.analyse(q).concepts.every((c) => c.inPlan || !/\p{Script=Han}/u.test(c.label));
    const planWorded = fixtures.filter((q) => inPlanWords(q.q));
    expect(planWorded.length).toBeGreaterThan(100);
    const answered = (context: typeof withoutNear, q: string) => {
      const a = askQuestion(context, q, { limit: 10 });
      return `${a.kind}/${a.confidence}:${a.results.map((r) => `${r.number}@${r.score}`).join(',')}`;
    };
    const changed = planWorded.filter((q) => answered(ctx, q.q) !== answered(withoutNear, q.q));
    expect(changed.map((q) => q.id)).toEqual([]);
    expect(planWorded.every((q) => ctx.search.nearMeanings(ctx.search.analyse(q.q)) === undefined)).toBe(true);
    const everyday = loadEvalQuestions(join(PROJECT_ROOT, 'test', 'fixtures', 'questions-everyday.jsonl'));
    expect(everyday.filter((q) => ctx.search.nearMeanings(ctx.search.analyse(q.q)) !== undefined).length).toBeGreaterThan(everyday.length / 2);
  });
});
