import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../src/core/plan/load-plan.js';

/**
 * `2014-seed-parsed.json` is the seed as the parser read it before it learned the later plans'
 * layouts. Whatever the parser learns, the 2014 plan must come out field for field the same.
 */
const PINNED = new URL('../../fixtures/plans/2014-seed-parsed.json', import.meta.url);

describe('the 2014 seed', () => {
  it('parses exactly as pinned: same areas, measures, text, clauses, lines and goals', () => {
    const pinned: unknown = JSON.parse(readFileSync(PINNED, 'utf8'));
    const parsed: unknown = JSON.parse(JSON.stringify(loadPlan()));
    expect(parsed).toEqual(pinned);
  });
});
