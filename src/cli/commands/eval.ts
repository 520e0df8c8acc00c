import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { evalAnswer } from '../../core/eval/eval-answer.js';
import { loadEvalQuestions } from '../../core/eval/eval-questions.js';
import { scoreEval } from '../../core/eval/score-eval.js';
import { PROJECT_ROOT } from '../../core/paths.js';
import { renderEvalReport } from '../../render/text/eval-report.js';
import { CliUsageError, EXIT } from '../terminal/cli-error.js';
import type { CliCommand } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/** The repository's own evaluation sets, in `test/fixtures/` (the held-out set is not among them). */
function repositorySets(): string[] {
  const dir = join(PROJECT_ROOT, 'test', 'fixtures');
  if (!existsSync(dir)) throw new CliUsageError('用法：eval <问题集.jsonl>（没有找到 test/fixtures/ 中的问题集）');
  return readdirSync(dir)
    .filter((f) => /^questions-.*\.jsonl$/u.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * `eval [<问题集.jsonl>]`: figures over an evaluation set, by kind; without a file, over each of
 * the repository's sets (development, team, review, trust, everyday wording) in turn.
 */
export const evalCommand: CliCommand = ({ argument, options, io, context }) => {
  const files = argument ? [argument] : repositorySets();
  const ctx = context();
  const reports = files.map((file) => ({ file, report: scoreEval(loadEvalQuestions(file), (q) => evalAnswer(ctx, q)) }));
  if (options.json) writeLine(io.stdout, JSON.stringify(argument ? reports[0]?.report : Object.fromEntries(reports.map((r) => [basename(r.file), r.report]))));
  else writeLine(io.stdout, reports.map((r) => renderEvalReport(r.report, argument || relative(PROJECT_ROOT, r.file))).join('\n\n'));
  return EXIT.ok;
};
