import { lookupMeasure } from '../../core/answer/lookup-measure.js';
import { planArgument } from '../../core/answer/plan-argument.js';
import { renderAnswerText } from '../../render/text/answer-text.js';
import { CliUsageError, EXIT, rejectBadInput, rejectControlCharacters } from '../terminal/cli-error.js';
import type { CliCommand } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/** `measure <N | N-M | 关键词> [年份]`: from the plan of the year named (`5 2015`, `2015-5`), else the current plan. */
export const measureCommand: CliCommand = ({ argument, options, io, library }) => {
  rejectControlCharacters(argument);
  const plans = library();
  const named = planArgument(argument, plans.plans);
  if ('missing' in named) throw new CliUsageError(`没有${named.missing}的计划（现有：${plans.contexts.map((c) => c.plan.id).join('、')}）。`, 'bad-plan');
  const context = (named.plan ? plans.find(named.plan.id) : undefined) ?? plans.current;
  // The query stays as typed unless a year was taken from it.
  const answer = lookupMeasure(context, named.plan ? named.rest : argument, options.limit);
  rejectBadInput(answer);
  writeLine(io.stdout, options.json ? JSON.stringify(answer) : renderAnswerText(answer, { color: io.interactive }));
  return EXIT.ok;
};
