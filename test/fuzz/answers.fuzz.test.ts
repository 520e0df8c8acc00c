/**
 * Fuzzing the three answer functions every surface uses: `askQuestion`, `lookupMeasure` and
 * `lookupArea`. Whatever the input (see fuzz-inputs.ts), they return an Answer, never throw, and
 * the Answer holds the invariants of answer-invariants.ts; and amid all that noise a number
 * written any way people write it (`４２`, `四十二`, `第42条`, padded with invisible characters)
 * still finds its measure.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RESULT_LIMIT } from '../../src/core/answer/answer-values.js';
import { askQuestion } from '../../src/core/answer/ask-question.js';
import { lookupArea } from '../../src/core/answer/lookup-area.js';
import { lookupMeasure } from '../../src/core/answer/lookup-measure.js';
import { renderAnswer } from '../../src/render/blocks/answer-message.js';
import { testAnswerContext } from '../support/answer-context.js';
import { slackMessageProblems } from '../support/slack-message-check.js';
import { answerProblems } from './answer-invariants.js';
import { INVISIBLE_PADDING, chineseNumeral, fuzzText, writeNumber } from './fuzz-inputs.js';
import { fuzz } from './fuzz-run.js';

const ctx = testAnswerContext();
const measureCount = ctx.plan.measures.length;
const areaCount = ctx.plan.areas.length;

/** Limits as a caller might pass them, sensible or not. */
const LIMITS = [undefined, 1, 2, 5, 10, 20, 21, 0, -1, 2.5, 1e9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY] as const;

function expectedMaxResults(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return 5;
  return Math.max(1, Math.min(MAX_RESULT_LIMIT, Math.floor(limit)));
}

describe('askQuestion under fuzz', () => {
  /** Any question: a valid Answer echoing it, citing only real measures, at most the default five. */
  it('answers every input with a valid Answer and never throws', () => {
    fuzz(
      'ask',
      1500,
      (rng) => fuzzText(rng),
      (q) => answerProblems(ctx, askQuestion(ctx, q), q, 5),
    );
  });

  /** Any limit, finite or not, is clamped to 1–20: never more results than that, never a throw. */
  it('clamps any limit', () => {
    fuzz(
      'ask-limit',
      300,
      (rng) => ({ q: fuzzText(rng, { max: 80 }), limit: rng.pick(LIMITS) }),
      ({ q, limit }) => answerProblems(ctx, askQuestion(ctx, q, limit === undefined ? {} : { limit }), q, expectedMaxResults(limit)),
    );
  });

  /** The same question twice gives the same answer: nothing in the pipeline keeps state between questions. */
  it('is deterministic', () => {
    fuzz(
      'ask-deterministic',
      150,
      (rng) => fuzzText(rng, { max: 120 }),
      (q) => {
        const first = askQuestion(ctx, q);
        askQuestion(ctx, `${q}商标`);
        expect(askQuestion(ctx, q)).toEqual(first);
      },
    );
  });

  /** A mention or link in front of a real question does not stop it being answered, and the answer renders clean. */
  it('still answers a real question behind Slack syntax', () => {
    const answer = askQuestion(ctx, '<!channel> 商标审查周期要控制在多久？');
    expect(answer.results[0]?.number).toBe(3);
    for (const feedback of ['native', 'buttons', 'none'] as const) {
      expect(slackMessageProblems(renderAnswer(answer, { feedback, shareable: true }))).toEqual([]);
    }
  });
});

describe('lookupMeasure under fuzz', () => {
  /** Any argument: a valid Answer (a lookup, a range, a keyword search or a notice), never a throw. */
  it('answers every input with a valid Answer and never throws', () => {
    fuzz(
      'measure',
      1200,
      (rng) => fuzzText(rng),
      (raw) => answerProblems(ctx, lookupMeasure(ctx, raw), raw, 5),
    );
  });

  /** A measure number in any notation, wrapped in invisible or blank characters, finds exactly that measure. */
  it('finds a measure however its number is written', () => {
    fuzz(
      'measure-valid-number',
      400,
      (rng) => {
        const n = rng.int(1, measureCount);
        return { n, raw: `${rng.pick(INVISIBLE_PADDING)}${writeNumber(rng, n)}${rng.pick(INVISIBLE_PADDING)}` };
      },
      ({ n, raw }) => {
        const answer = lookupMeasure(ctx, raw);
        const numbers = answer.results.map((r) => r.number);
        return numbers.length === 1 && numbers[0] === n && answer.kind === 'lookup'
          ? []
          : [`expected measure ${n}, got ${answer.kind} [${numbers.join(',')}] ${answer.notice?.message ?? ''}`];
      },
    );
  });

  /** A number past the last measure is an out-of-range notice naming it, not a search and not a throw. */
  it('refuses a measure number the plan does not have', () => {
    fuzz(
      'measure-out-of-range',
      200,
      (rng) => {
        const n = rng.int(measureCount + 1, 99);
        return { n, raw: rng.pick([String(n), `第${n}条`, chineseNumeral(n), `第${chineseNumeral(n)}条`]) };
      },
      ({ n, raw }) => {
        const answer = lookupMeasure(ctx, raw);
        return answer.kind === 'none' && answer.notice?.code === 'out-of-range' && answer.notice.message.includes(String(n))
          ? []
          : [`expected an out-of-range notice for ${n}, got ${answer.kind} ${answer.notice?.code ?? ''}`];
      },
    );
  });

  /** A range `a-b` lists a..b (at most ten) when both ends are measures and a ≤ b; otherwise it is a bad-range notice. */
  it('lists ranges, and refuses reversed or outside ones', () => {
    fuzz(
      'measure-range',
      300,
      (rng) => ({ from: rng.int(0, measureCount + 15), to: rng.int(0, measureCount + 15), sep: rng.pick(['-', '–', '~', '至', ' - ']) }),
      ({ from, to, sep }) => {
        const answer = lookupMeasure(ctx, `${from}${sep}${to}`);
        const valid = from >= 1 && to <= measureCount && from <= to;
        const numbers = answer.results.map((r) => r.number);
        if (valid) {
          const expected = Array.from({ length: Math.min(10, to - from + 1) }, (_, i) => from + i);
          return JSON.stringify(numbers) === JSON.stringify(expected) && answer.total === to - from + 1
            ? []
            : [`expected ${expected.join(',')}, got ${numbers.join(',')}`];
        }
        return answer.kind === 'none' && answer.notice !== undefined ? [] : [`expected a notice, got ${answer.kind} [${numbers.join(',')}]`];
      },
      ({ from, to, sep }) => `${from}${sep}${to}`,
    );
  });

  /** The notations called out in the issue. */
  it('reads ４２, 四十二, 第四十二条 and " 42 " as 42, and refuses 0x2A, -1 and 1e9 with a notice', () => {
    for (const raw of ['４２', '四十二', '第四十二条', ' 42 ', '第42条', '\u200b42\u200b']) {
      expect(
        lookupMeasure(ctx, raw).results.map((r) => r.number),
        raw,
      ).toEqual([42]);
    }
    for (const raw of ['0x2A', '-1', '1e9', '0', '1.5', '第零条']) {
      const answer = lookupMeasure(ctx, raw);
      expect(answer.kind, raw).toBe('none');
      expect(answer.notice?.message, raw).toBeTruthy();
    }
  });
});

describe('lookupArea under fuzz', () => {
  /** Any argument: a valid Answer (an area card, a keyword match or a notice), never a throw. */
  it('answers every input with a valid Answer and never throws', () => {
    fuzz(
      'area',
      1200,
      (rng) => fuzzText(rng),
      (raw) => {
        const answer = lookupArea(ctx, raw);
        const problems = answerProblems(ctx, answer, raw);
        if (answer.kind === 'area' && answer.area && !ctx.plan.areas.some((a) => a.number === answer.area?.number))
          problems.push(`area ${answer.area.number} is not in the plan`);
        return problems;
      },
    );
  });

  /** An area number in any notation, padded, finds that area. */
  it('finds an area however its number is written', () => {
    fuzz(
      'area-valid-number',
      200,
      (rng) => {
        const n = rng.int(1, areaCount);
        const numeral = chineseNumeral(n);
        const written = rng.pick([String(n), numeral, `第${numeral}部分`, `第${n}部分`, `area ${n}`, String.fromCharCode(0xff10 + n), `第${numeral}个领域`]);
        return { n, raw: `${rng.pick(INVISIBLE_PADDING)}${written}${rng.pick(INVISIBLE_PADDING)}` };
      },
      ({ n, raw }) => {
        const answer = lookupArea(ctx, raw);
        return answer.kind === 'area' && answer.area?.number === n
          ? []
          : [`expected area ${n}, got ${answer.kind} ${answer.area?.number ?? ''} ${answer.notice?.message ?? ''}`];
      },
    );
  });

  it('reads 三 as area 3', () => {
    expect(lookupArea(ctx, '三').area?.number).toBe(3);
  });
});

describe('bugs this suite found, pinned', () => {
  /** Spaces around an area number once sent it to a keyword search, which picked another area. */
  it('finds an area written with spaces, 第 3 部分', () => {
    for (const [raw, n] of [
      ['第 3 部分', 3],
      ['第 三 部分', 3],
      ['第 5 个领域', 5],
      ['第1 部分', 1],
    ] as const)
      expect(lookupArea(ctx, raw).area?.number, raw).toBe(n);
  });
});
