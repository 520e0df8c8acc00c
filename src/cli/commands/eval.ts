import { evalAnswer } from '../../core/eval/eval-answer.js';
import { loadEvalQuestions } from '../../core/eval/eval-questions.js';
import { scoreEval } from '../../core/eval/score-eval.js';
import { renderEvalReport } from '../../render/text/eval-report.js';
import { CliUsageError, EXIT } from '../cli-error.js';
import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-io.js';

/** `eval <问题集.jsonl>`: figures over an evaluation set, by kind. */
export const evalCommand: CliCommand = ({ argument, options, io, context }) => {
  if (!argument) throw new CliUsageError('用法：eval <问题集.jsonl>');
  const questions = loadEvalQuestions(argument);
  const ctx = context();
  const report = scoreEval(questions, (q) => evalAnswer(ctx, q));
  writeLine(io.stdout, options.json ? JSON.stringify(report) : renderEvalReport(report, argument));
  return EXIT.ok;
};
