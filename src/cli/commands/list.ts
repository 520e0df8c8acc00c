import { loadPlan } from '../../core/plan/load-plan.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import { renderPlanText } from '../../render/text/answer-text.js';
import { EXIT } from '../terminal/cli-error.js';
import type { CliCommand } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/** `list --json`: the whole plan, measures' text exactly as written in the seed. */
function planJson(plan: Plan): object {
  return {
    title: plan.title,
    year: plan.year,
    areas: plan.areas.map((a) => ({ number: a.number, numeral: a.numeral, title: a.title, goals: a.goals })),
    measures: plan.measures.map((m) => ({ number: m.number, area: m.area, text: m.text })),
  };
}

/** `list`: the whole plan. */
export const listCommand: CliCommand = ({ options, io }) => {
  const plan = loadPlan();
  writeLine(io.stdout, options.json ? JSON.stringify(planJson(plan)) : renderPlanText(plan));
  return EXIT.ok;
};
