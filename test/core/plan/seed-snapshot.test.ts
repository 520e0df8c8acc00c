import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadPlan } from '../../../src/core/plan/load-plan.js';

/**
 * `2014-seed-parsed.json` is the seed as the parser read it before it learned the later plans'
 * layouts. Whatever the parser learns, the 2014 plan must come out field for field the same; the
 * only fields it gains are the plan's `id` and `years` (no notice, sub-sections or units).
 */
const PINNED = new URL('../../fixtures/plans/2014-seed-parsed.json', import.meta.url);
const JsonObject = z.record(z.string(), z.unknown());

describe('the 2014 seed', () => {
  it('parses exactly as pinned: same areas, measures, text, clauses, lines and goals', () => {
    const pinned = JsonObject.parse(JSON.parse(readFileSync(PINNED, 'utf8')));
    const parsed: unknown = JSON.parse(JSON.stringify(loadPlan()));
    expect(parsed).toStrictEqual({ ...pinned, id: '2014', years: [2014, 2014] });
  });
});
