/**
 * `progress show|set|export|import`: the coordinators' record for administrators, read from and
 * written to the state the configuration names (the same record the Slack app keeps; the two may
 * run at once). `export` (JSON) is the backup: the record and its changes, and the help desk's
 * escalations (with the office's replies), standard answers (with every version) and help
 * channels (app/backup/state-snapshot.ts); `import` restores such a file, all of it or nothing.
 *
 *   progress show [N] [--json | --csv]
 *   progress set <N> <内容> [--by 姓名] [--json]      内容 as after /progress: 推进中 说明, 牵头 单位 …
 *   progress export [--json | --csv]
 *   progress import <文件> [--force]
 */
import { readFileSync } from 'node:fs';
import { SNAPSHOT_FORMAT, StateSnapshotSchema } from '../../core/backup/state-snapshot.js';
import type { ImportOutcome } from '../../app/backup/backups.js';
import type { AnswerContext } from '../../core/answer/answer-values.js';
import { readProgressCommand } from '../../core/progress/read-progress-command.js';
import { renderChangesCsv, renderHistoryText, renderRecordsCsv, renderRecordsText, renderRecordText } from '../../render/text/progress-text.js';
import { CliUsageError, EXIT, rejectControlCharacters } from '../terminal/cli-error.js';
import type { CliCommand, CliRun, OpenedApplication, StateAccess } from '../terminal/cli-command.js';
import { writeLine } from '../terminal/cli-io.js';

const USAGE =
  '用法：progress show [N] [--json | --csv]；progress set <N> <内容> [--by 姓名]；progress export [--json | --csv]；progress import <文件> [--force]';
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
    else if (result.outcome === 'updated')
      writeLine(io.stdout, `已登记（第 ${result.record.version} 版）：\n${renderRecordText(parsed.measure, result.record)}`);
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
    if (options.csv) writeLine(io.stdout, renderRecordsCsv(await application.book(chosen.id).records()));
    else writeLine(io.stdout, JSON.stringify(await application.backups.snapshot()));
    return EXIT.ok;
  });
}

/** The file as a snapshot, or a usage error saying what is wrong with it (nothing has been opened yet). */
function readSnapshot(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
    throw new CliUsageError(`progress import：读不到文件 ${file}（${code}）。`, 'unreadable');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliUsageError(`progress import：${file} 不是 JSON（应为 progress export --json 的输出）。`, 'not-json');
  }
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined;
  if (format !== SNAPSHOT_FORMAT) {
    throw new CliUsageError(
      `progress import：${file} 的格式是 ${JSON.stringify(format) ?? '（没有 format）'}，这个版本只能导入格式 ${SNAPSHOT_FORMAT}（progress export --json 的输出）。`,
      'bad-format',
    );
  }
  const parsed = StateSnapshotSchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '（顶层）';
    throw new CliUsageError(`progress import：${file} 的 ${where} 不对（${issue?.message ?? 'invalid'}），什么都没有导入。`, 'bad-file');
  }
  return parsed.data;
}

/** One line on what the import did, or why nothing was imported. */
function importMessage(result: ImportOutcome): string {
  switch (result.outcome) {
    case 'restored':
      return `已导入：${result.plans} 个计划的 ${result.records} 条推进记录（含历史），${result.escalations} 条问协调办记录，${result.standardAnswers} 条标准答复，${result.answerChannels} 个答复频道。`;
    case 'unknown-plan':
      return `progress import：文件里有计划 ${result.plan} 的记录，但计划库（PLANS_DIR）里没有这个计划（现有：${result.known.join('、')}），什么都没有导入；确要导入请加 --force。`;
    case 'unknown-measure':
      return `progress import：计划 ${result.plan} 共有 ${result.measureCount} 条措施，文件里有第 ${result.measure} 条的记录，什么都没有导入；确要导入请加 --force。`;
    case 'newer-in-store': {
      const named = result.conflicts.map((c) =>
        c.kind === 'progress'
          ? `计划 ${c.plan} 第 ${c.measure} 条措施（已登记第 ${c.stored} 版，文件是第 ${c.snapshot} 版）`
          : `标准答复 #${c.id}（已有第 ${c.stored} 版，文件是第 ${c.snapshot} 版）`,
      );
      return `progress import：现有记录比文件新：${named.join('；')}，什么都没有导入；要用文件覆盖请加 --force。`;
    }
  }
}

/** Restores a `progress export --json` file into the state the configuration names: all of it, or nothing. */
async function importAll(run: CliRun, file: string): Promise<number> {
  const { io, options } = run;
  const snapshot = readSnapshot(file);
  return withApplication(run, 'write', async (application) => {
    const result = await application.backups.restore(snapshot, { force: options.force });
    if (result.outcome === 'restored') {
      writeLine(io.stdout, importMessage(result));
      return EXIT.ok;
    }
    if (result.outcome === 'newer-in-store') {
      writeLine(io.stderr, importMessage(result));
      return EXIT.failure;
    }
    throw new CliUsageError(importMessage(result), result.outcome);
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
    case 'import':
      if (rest.length === 0) throw new CliUsageError(`progress import 需要文件名，例如：progress import 备份.json（progress export --json 的输出）。`);
      return importAll(run, rest);
    default:
      throw new CliUsageError(USAGE);
  }
};
