import type { Answer, Notice } from './answer-schema.js';

/** An answer with nothing to show, and the notice saying why. */
export function emptyAnswer(query: string, notice: Notice): Answer {
  return {
    query,
    kind: 'none',
    confidence: 'none',
    confidenceScore: 0,
    results: [],
    total: 0,
    relatedAreas: [],
    interpretation: { corrections: [], expansions: [] },
    notice,
  };
}
