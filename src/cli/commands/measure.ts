import { lookupMeasure } from '../../core/answer/lookup-measure.js';
import { renderAnswerText } from '../../render/text/answer-text.js';
import { EXIT, rejectBadInput, rejectControlCharacters } from '../terminal/cli-error.js';
import type { CliCommand } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/** `measure <N | N-M | 关键词>` */
export const measureCommand: CliCommand = ({ argument, options, io, context }) => {
  rejectControlCharacters(argument);
  const answer = lookupMeasure(context(), argument, options.limit);
  rejectBadInput(answer);
  writeLine(io.stdout, options.json ? JSON.stringify(answer) : renderAnswerText(answer, { color: io.interactive }));
  return EXIT.ok;
};
