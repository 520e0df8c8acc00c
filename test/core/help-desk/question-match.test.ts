/**
 * Matching questions to the office's standard answers, on real phrasings: paraphrases of a saved
 * question match it; questions about another fact of the same subject, or the same fact of another
 * subject, do not.
 */
import { describe, expect, it } from 'vitest';
import { bestMatch, questionShape, questionSimilarity, STANDARD_MATCH_THRESHOLD } from '../../../src/core/help-desk/question-match.js';
import { testAnswerContext } from '../../support/answer-context.js';

const search = () => testAnswerContext().search;
const SAVED = '专利导航实验区的工作经费由谁承担？';
const similarity = (asked: string, saved = SAVED) => questionSimilarity(questionShape(search(), asked), questionShape(search(), saved));

describe('a question and a saved question', () => {
  it.each([
    '专利导航实验区的经费由谁来承担？',
    '專利導航實驗區的經費由誰承擔？',
    '专利导航实验区工作经费谁负责？',
    '专利导航实验区的经费从哪里来',
    '专利导航的经费由谁承担',
  ])('match when %s says the same', (asked) => {
    expect(similarity(asked)).toBeGreaterThanOrEqual(STANDARD_MATCH_THRESHOLD);
  });

  it.each([
    ['another fact of the same subject', '专利导航实验区什么时候验收？'],
    ['another fact of the same subject', '专利导航实验区在哪些城市？'],
    ['the same fact of another subject', '地方知识产权局的工作经费由谁承担？'],
    ['the subject alone', '专利导航实验区有哪些？'],
    ['another question altogether', '商标审查周期要控制在多久？'],
    ['another question altogether', '知识产权质押融资的风险补偿资金从哪里来？'],
  ])('do not match when the question asks %s (%s)', (_why, asked) => {
    expect(similarity(asked)).toBeLessThan(STANDARD_MATCH_THRESHOLD);
  });

  it('is the same both ways', () => {
    expect(similarity(SAVED, '专利导航实验区的经费从哪里来')).toBeCloseTo(similarity('专利导航实验区的经费从哪里来'), 10);
  });

  it('picks the best of several saved questions, and none when none is close enough', () => {
    const saved = [SAVED, '知识产权质押融资的风险补偿资金从哪里来？', '地方知识产权局怎么申请专利导航实验区？'].map((q, i) => ({
      item: i,
      shape: questionShape(search(), q),
    }));
    expect(bestMatch(questionShape(search(), '风险补偿资金从哪里来，知识产权质押融资的'), saved)?.item).toBe(1);
    expect(bestMatch(questionShape(search(), '专利导航实验区的经费由谁来承担'), saved)?.item).toBe(0);
    expect(bestMatch(questionShape(search(), '商标审查周期要控制在多久？'), saved)).toBeUndefined();
  });
});
