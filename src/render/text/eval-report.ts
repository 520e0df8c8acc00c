import { PASS_FAIL_KINDS, type EvalReport } from '../../core/eval/score-eval.js';

const pct = (x: number): string => x.toFixed(3);

/** The report as a short table, then the questions that missed. */
export function renderEvalReport(report: EvalReport, file: string): string {
  const { ranked } = report;
  const lines = [`${file}: ${report.questions} questions`];
  if (ranked.questions > 0) {
    lines.push(
      `  answered by measures (${ranked.questions}): recall@1 ${pct(ranked.recallAt1)}  recall@3 ${pct(ranked.recallAt3)}  MRR@10 ${pct(ranked.mrrAt10)}`,
      `  answer in top snippet  ${pct(report.answerInSnippet.share)} (${report.answerInSnippet.questions} questions with an answer)`,
    );
  }
  lines.push('  by kind:');
  for (const [kind, k] of Object.entries(report.byKind)) {
    const figure = PASS_FAIL_KINDS.has(kind) ? `passed   ${pct(k.score)}` : `recall@3 ${pct(k.score)}  recall@1 ${pct(k.recallAt1 ?? 0)}`;
    lines.push(`    ${kind.padEnd(12)} ${figure}  (${k.questions})`);
    for (const [form, f] of Object.entries(k.byForm ?? {})) lines.push(`      ${form.padEnd(18)} passed   ${pct(f.score)}  (${f.questions})`);
  }
  if (report.declinesWithNearest.questions > 0)
    lines.push(`  declines offering a nearest measure  ${pct(report.declinesWithNearest.share)} (${report.declinesWithNearest.questions})`);
  const misses = report.outcomes.filter((o) => !o.passed || o.answerFound === false);
  if (misses.length > 0) {
    lines.push('  misses:');
    for (const o of misses) {
      lines.push(
        `    ${o.id} [${o.form ? `${o.kind} ${o.form}` : o.kind}] ${o.q} → expected ${o.expect.join('/') || '—'}${o.area !== undefined ? ` area ${o.area}` : ''}, got ${o.answerKind} ${o.got.join(',') || '—'}${o.gotArea !== undefined ? ` area ${o.gotArea}` : ''}${o.answerFound === false ? ' (answer not in snippet)' : ''}`,
      );
    }
  }
  return lines.join('\n');
}
