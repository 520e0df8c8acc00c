/**
 * The years a plan covers, as its title writes them: `2014年`, `2021—2022年度`, `2021-2022年`
 * (any dash, full- or half-width digits). The plan's id is that span normalised: `2014`,
 * `2021-2022`. The first year named in the title counts, so a title that also cites another
 * document's span (`…纲要（2021—2035年）》…`) keeps its own.
 */
import { toAsciiDigits } from './ascii-digits.js';

const YEAR_SPAN = /([12][0-9]{3})\s*(?:[—–\-－―~～至到]+\s*([12][0-9]{3}))?\s*年/u;

export type PlanYears = { kind: 'years'; id: string; years: [number, number] } | { kind: 'none' } | { kind: 'backwards'; written: string };

export function readPlanYears(title: string): PlanYears {
  const span = YEAR_SPAN.exec(toAsciiDigits(title));
  if (!span) return { kind: 'none' };
  const first = Number(span[1]);
  const last = span[2] === undefined ? first : Number(span[2]);
  if (last < first || (span[2] !== undefined && last === first)) return { kind: 'backwards', written: span[0] };
  return { kind: 'years', id: first === last ? String(first) : `${first}-${last}`, years: [first, last] };
}
