/**
 * `progress show|set|export`: the coordinators' record for administrators, read from and written
 * to the state the configuration names (the same record the Slack app keeps; the two may run at
 * once). `export` (JSON) is the backup: the record and its changes, and the help desk's
 * escalations (with the office's replies), standard answers (with every version) and help channels.
 *
 *   progress show [N] [--json | --csv]
 *   progress set <N> <内容> [--by 姓名] [--json]      内容 as after /progress: 推进中 说明, 牵头 单位 …
 *   progress export [--json | --csv]
 */
import type { AnswerContext } from '../../core/answer/answer-values.js';
import { readProgressCommand } from '../../core/progress/read-progress-command.js';
import { renderChangesCsv, renderHistoryText, renderRecordsCsv, renderRecordsText, renderRecordText } from '../../render/text/progress-text.js';
import { CliUsageError, EXIT, rejectControlCharacters } from '../terminal/cli-error.js';
import type { CliCommand, CliRun, OpenedApplication, StateAccess } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

/** The JSON export's format: 2 keeps every plan's records (1, before plans had ids, had one plan's at the top level). */
export const PROGRESS_EXPORT_FORMAT = 2;

const USAGE = '用法：progress show [N] [--json | --csv]；progress set <N> <内容> [--by 姓名]；progress export [--json | --csv]';
/** Who a change from the command line is recorded as, when --by is not given. */
const DEFAULT_AUTHOR = 'cli';

async function withApplication<T>(run: CliRun, access: StateAccess, use: (opened: OpenedApplication['application']) => Promise<T>): Promise<T> {
  const { application, close } = await run.openApplication(access);
  try {
    return await use(application);
  } finally {
    await close();
  }
}

/** The plan `--plan` names (the current one without it); a usage error naming the plans held otherwise. */
function chosenPlan(run: CliRun): AnswerContext {
  const { plan } = run.options;
  const library = run.library();
  if (plan === undefined) return library.current;
  const found = library.find(plan);
  if (!found) throw new CliUsageError(`--plan ${plan}：没有这个计划（现有：${library.contexts.map((c) => c.plan.id).join('、')}）。`, 'bad-plan');
  return found;
}

async function show(run: CliRun, rest: string): Promise<number> {
  const { io, options } = run;
  const plan = chosenPlan(run).plan;
  return withApplication(run, 'read', async (application) => {
    const book = application.book(plan.id);
    if (rest.length === 0) {
      const records = await book.records();
      writeLine(io.stdout, options.json ? JSON.stringify({ records }) : options.csv ? renderRecordsCsv(records) : renderRecordsText(records));
      return EXIT.ok;
    }
    const parsed = readProgressCommand(rest, plan.measures.length);
    if (parsed.type === 'invalid') throw new CliUsageError(parsed.message, 'bad-measure');
    if (parsed.type !== 'show') throw new CliUsageError(USAGE);
    // The administrator's read fails loudly: it goes to the book, not through the desk's degraded reads.
    const [record, history] = await Promise.all([book.record(parsed.measure), book.history(parsed.measure)]);
    if (options.json) writeLine(io.stdout, JSON.stringify({ measure: parsed.measure, record: record ?? null, history }));
    else if (options.csv) writeLine(io.stdout, renderChangesCsv(history));
    else writeLine(io.stdout, `${renderRecordText(parsed.measure, record)}\n\n${renderHistoryText(history)}`);
    return EXIT.ok;
  });
}

async function set(run: CliRun, rest: string): Promise<number> {
  const { io, options } = run;
  const plan = chosenPlan(run).plan;
  const parsed = readProgressCommand(rest, plan.measures.length);
  if (parsed.type === 'invalid') throw new CliUsageError(parsed.message, 'bad-input');
  if (parsed.type !== 'update') throw new CliUsageError(`progress set 需要写要登记的内容，例如：progress set 42 推进中 本周完成海关系统联调。`);
  const author = (options.by ?? DEFAULT_AUTHOR).trim();
  if (author.length === 0 || author.length > 100) throw new CliUsageError('--by 应为 1–100 个字符的姓名。');
  return withApplication(run, 'write', async ({ progress }) => {
    const { result } = await progress.update(author, 'cli', { measure: parsed.measure, input: parsed.input }, plan.id);
    if (result.outcome === 'invalid') throw new CliUsageError(Object.values(result.errors).join(' '), 'invalid');
    if (result.outcome === 'unknown-measure') throw new CliUsageError(result.message, 'out-of-range');
    if (result.outcome === 'not-saved' || result.outcome === 'refused' || result.outcome === 'unverified') throw new Error('记录写不进去，没有保存。');
    if (options.json) writeLine(io.stdout, JSON.stringify(result));
    else if (result.outcome === 'updated') writeLine(io.stdout, `已登记（第 ${result.record.version} 版）：\n${renderRecordText(parsed.measure, result.record)}`);
    else if (result.outcome === 'unchanged') writeLine(io.stdout, '和已登记的内容相同，没有保存新的版本。');
    else writeLine(io.stderr, '有人同时在更新这条措施，这次没有保存，请再试一次。');
    return result.outcome === 'stale' ? EXIT.failure : EXIT.ok;
  });
}

/**
 * Everything kept: JSON holds every plan's records and their full history, and the help desk's
 * escalations, standard answers and answer channels (what `progress import` restores); CSV is one plan's current records (`--plan`, the current plan by default).
 */
async function exportAll(run: CliRun): Promise<number> {
  const { io, options } = run;
  const chosen = chosenPlan(run).plan;
  return withApplication(run, 'read', async (application) => {
    if (options.csv) {
      writeLine(io.stdout, renderRecordsCsv(await application.book(chosen.id).records()));
      return EXIT.ok;
    }
    const plans = [];
    for (const plan of await application.recordedPlans()) plans.push({ plan, ...(await application.book(plan).everything()) });
    writeLine(io.stdout, JSON.stringify({ format: PROGRESS_EXPORT_FORMAT, plans, ...(await application.helpDesk.export()) }));
    return EXIT.ok;
  });
}

export const progressCommand: CliCommand = async (run) => {
  rejectControlCharacters(run.argument);
  if (run.options.json && run.options.csv) throw new CliUsageError('--json 和 --csv 只能选一个。');
  const [sub = '', ...words] = run.argument.trim().split(/\s+/u);
  const rest = words.join(' ');
  switch (sub) {
    case 'show':
      return show(run, rest);
    case 'set':
      return set(run, rest);
    case 'export':
      if (rest.length > 0) throw new CliUsageError(USAGE);
      return exportAll(run);
    default:
      throw new CliUsageError(USAGE);
  }
};
