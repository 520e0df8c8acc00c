import { askQuestion } from '../../core/answer/ask-question.js';
import { loadEvalQuestions } from '../../core/eval/eval-questions.js';
import { scoreEval } from '../../core/eval/score-eval.js';
import { renderEvalReport } from '../../render/text/eval-report.js';
import { CliUsageError, EXIT } from '../cli-error.js';
import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-io.js';

/** `eval <问题集.jsonl>`: retrieval figures over an evaluation set. */
export const evalCommand: CliCommand = ({ argument, options, io, context }) => {
  if (!argument) throw new CliUsageError('用法：eval <问题集.jsonl>');
  const questions = loadEvalQuestions(argument);
  const ctx = context();
  const report = scoreEval(questions, (q) => {
    const answer = askQuestion(ctx, q, { limit: 10 });
    return { numbers: answer.results.map((r) => r.number), ...(answer.results[0] ? { topSnippet: answer.results[0].snippet } : {}) };
  });
  writeLine(io.stdout, options.json ? JSON.stringify(report) : renderEvalReport(report, argument));
  return EXIT.ok;
};
