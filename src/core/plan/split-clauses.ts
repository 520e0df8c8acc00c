/**
 * Splits plan text into clauses: the unit a snippet shows. A clause ends at `，；。`（and their ASCII
 * forms) unless the mark sits inside 《…》, （…） or “…”, so a cited title is never cut in half.
 * Each clause keeps its closing mark, so joining the clauses gives back the text.
 */

const CLAUSE_END = new Set(['，', '；', '。', ',', ';', '！', '？']);
const OPENERS: Readonly<Record<string, string>> = { '《': '》', '（': '）', '(': ')', '“': '”', '〈': '〉' };

export function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  const closers: string[] = [];
  let current = '';
  for (const c of text) {
    current += c;
    const closer = OPENERS[c];
    if (closer !== undefined) {
      closers.push(closer);
    } else if (closers.length > 0 && c === closers[closers.length - 1]) {
      closers.pop();
    } else if (closers.length === 0 && CLAUSE_END.has(c)) {
      clauses.push(current);
      current = '';
    }
  }
  if (current.length > 0) clauses.push(current);
  return clauses;
}

/** A clause without its closing punctuation, for display inside a sentence of our own. */
export function trimClauseEnd(clause: string): string {
  const last = clause[clause.length - 1];
  return last !== undefined && CLAUSE_END.has(last) ? clause.slice(0, -1) : clause;
}
