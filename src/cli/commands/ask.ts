import { askLibrary } from '../../core/answer/ask-library.js';
import { renderAnswerText } from '../../render/text/answer-text.js';
import { CliUsageError, EXIT, rejectBadInput, rejectControlCharacters } from '../terminal/cli-error.js';
import type { CliCommand, CliRun } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';
import { inputLines } from '../terminal/input-lines.js';

/** `ask "<问题>"` (from the plan of a year it names, else the current plan), or with `--batch` one question a line from standard input, one result a line out, in order. */
export const askCommand: CliCommand = async (run) => {
  if (run.options.batch) return askBatch(run);
  rejectControlCharacters(run.argument);
  const answer = askLibrary(run.library(), run.argument, run.options.limit === undefined ? {} : { limit: run.options.limit });
  rejectBadInput(answer);
  writeLine(run.io.stdout, run.options.json ? JSON.stringify(answer) : renderAnswerText(answer, { color: run.io.interactive }));
  return EXIT.ok;
};

async function askBatch({ io, options, library }: CliRun): Promise<number> {
  const plans = library();
  for await (const line of inputLines(io.stdin)) {
    let output: string;
    try {
      rejectControlCharacters(line);
      const answer = askLibrary(plans, line, options.limit === undefined ? {} : { limit: options.limit });
      rejectBadInput(answer);
      output = options.json ? JSON.stringify(answer) : renderAnswerText(answer, { color: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof CliUsageError ? error.code : 'internal';
      output = options.json ? JSON.stringify({ query: line, error: { code, message } }) : `错误：${message}`;
    }
    writeLine(io.stdout, output);
  }
  return EXIT.ok;
}
