import type { EvalReport } from '../../core/eval/score-eval.js';

const pct = (x: number): string => x.toFixed(3);

/** The report as a short table, then the questions that missed the top 3. */
export function renderEvalReport(report: EvalReport, file: string): string {
  const lines = [
    `${file}: ${report.questions} questions`,
    `  recall@1  ${pct(report.recallAt1)}`,
    `  recall@3  ${pct(report.recallAt3)}`,
    `  MRR@10    ${pct(report.mrrAt10)}`,
    `  answer in top snippet  ${pct(report.answerInSnippet.share)} (${report.answerInSnippet.questions} questions with an answer)`,
    '  recall@3 by kind:',
    ...Object.entries(report.recallAt3ByKind).map(([kind, r]) => `    ${kind.padEnd(12)} ${pct(r.recallAt3)}  (${r.questions})`),
  ];
  const misses = report.outcomes.filter((o) => o.rank === undefined || o.rank > 3 || o.answerFound === false);
  if (misses.length > 0) {
    lines.push('  misses (outside top 3, or answer not in snippet):');
    for (const o of misses) {
      lines.push(`    ${o.id} [${o.kind}] ${o.q} → expected ${o.expect.join('/')}, got ${o.got.join(',') || '—'}${o.answerFound === false ? ' (answer not in snippet)' : ''}`);
    }
  }
  return lines.join('\n');
}
