import { describe, expect, it } from 'vitest';
import { digestContent, type DayActivity } from '../../../src/core/digest/digest-content.js';
import { loadPlan } from '../../../src/core/plan/load-plan.js';

const plan = loadPlan();
const base = {
  plan,
  start: '2026-11-25',
  postedDates: new Set<string>(),
  today: '2026-11-25',
  days: 'workdays' as const,
  size: 3,
  activity: new Map<string, DayActivity>(),
};
const asked = (question: string, measures: number[], found = true) => ({ question, measures, found });

describe('the digest for a date', () => {
  it("groups today's measures under their area headings", () => {
    const content = digestContent({ ...base, date: '2026-12-02' }); // issue 6: 16–18
    expect(content.issue).toEqual({ number: 6, total: 27, cycle: 1 });
    expect(content.areas).toEqual([{ number: 2, numeral: '二', title: '提升知识产权运用效益', measures: expect.any(Array) }]);
    expect(content.areas[0]?.measures.map((m) => m.number)).toEqual([16, 17, 18]);
    const crossing = digestContent({ ...base, date: '2026-11-27' }); // issue 3: 7–9
    expect(crossing.areas.map((a) => [a.numeral, a.measures.map((m) => m.number)])).toEqual([
      ['一', [7]],
      ['二', [8, 9]],
    ]);
  });

  it('omits the activity section when nobody asked anything', () => {
    expect(digestContent({ ...base, date: '2026-11-26' }).activity).toBeUndefined();
  });

  it('reports the activity since the previous digest day, each day once', () => {
    const activity = new Map<string, DayActivity>([
      ['2026-11-27', { questions: [asked('a', [3, 15]), asked('b', [3]), asked('区块链', [], false)], feedback: { helpful: 1, notHelpful: 0 } }],
      ['2026-11-29', { questions: [asked('区块链', [], false), asked('<!channel> 绿卡', [15], false)], feedback: { helpful: 0, notHelpful: 1 } }],
      ['2026-11-26', { questions: [asked('before the previous digest day', [1])], feedback: { helpful: 0, notHelpful: 0 } }],
    ]);
    const monday = digestContent({ ...base, date: '2026-11-30', activity });
    expect(monday.activity).toEqual({
      from: '2026-11-27',
      to: '2026-11-29',
      questions: 5,
      topMeasures: [
        { number: 3, count: 2 },
        { number: 15, count: 2 },
      ],
      unanswered: ['区块链', '<!channel> 绿卡'],
      feedback: { helpful: 1, notHelpful: 1 },
    });
  });
});
