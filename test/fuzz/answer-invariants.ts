/**
 * What every Answer must satisfy, whatever was asked: it parses with {@link AnswerSchema}, echoes
 * the input as its query, cites only measures the plan has (under their own area), and its
 * highlights lie inside the snippet they mark. Shared by the answer and CLI fuzz properties.
 */
import type { AnswerContext } from '../../src/core/answer/answer-values.js';
import { AnswerSchema, type Answer } from '../../src/core/answer/answer-schema.js';
import { findMeasure } from '../../src/core/plan/find-in-plan.js';

export function answerProblems(ctx: AnswerContext, answer: unknown, query: string, maxResults?: number): string[] {
  const parsed = AnswerSchema.safeParse(answer);
  if (!parsed.success)
    return [
      `does not parse with AnswerSchema: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    ];
  const a: Answer = parsed.data;
  const problems: string[] = [];
  if (a.query !== query) problems.push(`query ${JSON.stringify(a.query.slice(0, 60))} is not the input`);
  if (a.total < a.results.length) problems.push(`total ${a.total} < ${a.results.length} results`);
  if (maxResults !== undefined && a.kind === 'search' && a.results.length > maxResults) problems.push(`${a.results.length} results > limit ${maxResults}`);
  if (a.kind === 'none') {
    if (a.results.length > 0) problems.push('kind none with results');
    if (!a.notice) problems.push('kind none without a notice saying why');
    if (a.confidence !== 'none') problems.push(`kind none with confidence ${a.confidence}`);
  } else if (a.results.length === 0) {
    problems.push(`kind ${a.kind} without results`);
  }
  if (a.kind === 'area' && !a.area) problems.push('kind area without an area card');
  if (a.notice && a.notice.message.trim().length === 0) problems.push('empty notice message');

  const seen = new Set<number>();
  for (const r of a.results) {
    const measure = findMeasure(ctx.plan, r.number);
    if (!measure) {
      problems.push(`result cites measure ${r.number}, which the plan does not have`);
      continue;
    }
    if (seen.has(r.number)) problems.push(`measure ${r.number} listed twice`);
    seen.add(r.number);
    if (r.area.number !== measure.area) problems.push(`measure ${r.number} under area ${r.area}, the plan says ${measure.area}`);
    if (r.text !== measure.displayText) problems.push(`measure ${r.number}: text is not the plan's text`);
    let at = 0;
    for (const [start, end] of r.highlights) {
      if (start < at || end <= start || end > r.snippet.length) {
        problems.push(`measure ${r.number}: highlight [${start}, ${end}) out of order or outside the ${r.snippet.length}-character snippet`);
        break;
      }
      at = end;
    }
  }
  return problems;
}
