/**
 * What the search index holds: one document per measure, one per area goals paragraph, and the
 * opening paragraph. The text lives in the plan model; a hit's id (`m42`, `g3`, `p0`) leads back to it.
 */
import type { Plan } from '../../plan/plan-schema.js';
import { areaOf } from '../../plan/find-in-plan.js';

export interface SearchDocument {
  id: string;
  text: string;
  areaTitle: string;
}

/** A measure, an area's 目标任务 paragraph, or the opening paragraph (why the plan was made). */
export type DocumentRef = { type: 'measure'; number: number } | { type: 'goals'; area: number } | { type: 'preamble' };

const PREAMBLE_ID = 'p0';

export function measureDocId(number: number): string {
  return `m${number}`;
}

export function goalsDocId(area: number): string {
  return `g${area}`;
}

/** The id a document is indexed under: the inverse of {@link parseDocId}. */
export function documentId(ref: DocumentRef): string {
  if (ref.type === 'measure') return measureDocId(ref.number);
  return ref.type === 'goals' ? goalsDocId(ref.area) : PREAMBLE_ID;
}

export function parseDocId(id: string): DocumentRef {
  const n = Number(id.slice(1));
  if (id === PREAMBLE_ID) return { type: 'preamble' };
  return id.startsWith('m') ? { type: 'measure', number: n } : { type: 'goals', area: n };
}

export function planDocuments(plan: Plan): SearchDocument[] {
  return [
    ...plan.measures.map((m) => ({ id: measureDocId(m.number), text: m.displayText, areaTitle: areaOf(plan, m).title })),
    ...plan.areas.flatMap((a) => (a.goals === undefined ? [] : [{ id: goalsDocId(a.number), text: a.goals, areaTitle: a.title }])),
    ...(plan.preamble ? [{ id: PREAMBLE_ID, text: plan.preamble, areaTitle: plan.title }] : []),
  ];
}
