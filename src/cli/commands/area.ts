import { lookupArea } from '../../core/answer/lookup-area.js';
import { planOverview } from '../../core/answer/plan-overview.js';
import { loadPlan } from '../../core/plan/load-plan.js';
import { renderAnswerText, renderOverviewText } from '../../render/text/answer-text.js';
import { EXIT, rejectBadInput, rejectControlCharacters } from '../terminal/cli-error.js';
import type { CliCommand } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/** `area [<1-7 | 一…七 | 关键词>]`; without an argument, the list of areas (no index needed). */
export const areaCommand: CliCommand = ({ argument, options, io, context }) => {
  rejectControlCharacters(argument);
  if (argument.trim().length === 0) {
    const overview = planOverview(loadPlan());
    writeLine(io.stdout, options.json ? JSON.stringify(overview) : renderOverviewText(overview));
    return EXIT.ok;
  }
  const answer = lookupArea(context(), argument);
  rejectBadInput(answer);
  writeLine(io.stdout, options.json ? JSON.stringify(answer) : renderAnswerText(answer, { color: io.interactive }));
  return EXIT.ok;
};
