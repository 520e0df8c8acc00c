/**
 * The command line: `ask`, `measure`, `area`, `list`, `plan`, `build-index`, `eval`, `digest`, `progress`, `console`.
 * This file reads the arguments and hands them to the command (one file each in `commands/`).
 * Bad input is one line on standard error and exit code 2; a keyword that matches nothing is not
 * an error.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_RESULT_LIMIT } from '../core/answer/answer-values.js';
import type { AnswerLibrary } from '../core/answer/open-answer-library.js';
import { areaCommand } from './commands/area.js';
import { askCommand } from './commands/ask.js';
import { buildIndexCommand } from './commands/build-index.js';
import { digestCommand } from './commands/digest.js';
import { evalCommand } from './commands/eval.js';
import { listCommand } from './commands/list.js';
import { measureCommand } from './commands/measure.js';
import { planCommand } from './commands/plan.js';
import { progressCommand } from './commands/progress.js';
import { runLocalConsole } from './console/local-console.js';
import { renderHelpEntries, type HelpEntry } from './terminal/bilingual-help.js';
import { CliUsageError, EXIT } from './terminal/cli-error.js';
import type { CliCommand, CliOptions, OpenedApplication, StateAccess } from './terminal/cli-command.js';
import { writeLine, type CliIo } from './terminal/cli-io.js';

const USAGE_ENTRIES: readonly HelpEntry[] = [
  {
    syntax: 'ask "<问题>" [--json] [--limit N]',
    zh: '回答一个问题（问题里可写年份：2015年…）',
    en: 'Answer one question (a year in it picks that plan: 2015年…)',
  },
  {
    syntax: 'ask --batch [--json] [--limit N]',
    zh: '从标准输入逐行读取问题，每行输出一个结果',
    en: 'Answer one question per line of standard input, one result per line',
  },
  {
    syntax: 'measure <N | N-M | 关键词> [年份] [--json]',
    zh: '查看措施（如 measure 5 2015、measure 2015-5）',
    en: 'Show a measure, a range, or the measures matching a keyword',
  },
  { syntax: 'area [<1-7 | 一…七 | 关键词>] [--json]', zh: '查看领域；不带参数列出全部领域', en: 'Show an area; without an argument, list every area' },
  { syntax: 'list [--json]', zh: '输出整个计划', en: 'Print the whole current plan' },
  { syntax: 'plan list [--json]', zh: '列出各年度计划（* 为当前计划）', en: 'List the plans in PLANS_DIR (* marks the current one)' },
  {
    syntax: 'plan check <文件.txt> [--json]',
    zh: '按应用的读法检查一份计划文件：版式、措施编号、领域，或出错的行',
    en: 'Check a plan file as the app reads it: layout, numbering, areas, or the line it refuses',
  },
  {
    syntax: 'progress show [N] [--plan 年份] [--json | --csv]',
    zh: '查看推进情况（某条措施及其历史，或全部）',
    en: 'Show the implementation record (one measure with its history, or all)',
  },
  {
    syntax: 'progress set <N> <内容> [--by 姓名] [--plan 年份] [--json]',
    zh: '登记推进情况，内容同 /progress（推进中 说明、牵头 单位…）',
    en: 'Record progress, written as in /progress (推进中 note, 牵头 unit, …)',
  },
  {
    syntax: 'progress export [--json | --csv [--plan 年份]]',
    zh: '导出推进情况：JSON 含各年度的完整历史和协调办记录（可作备份），CSV 为一年度的当前登记',
    en: "Export the record: JSON holds every plan's history and the help desk (a backup), CSV one plan's current records",
  },
  {
    syntax: 'progress import <文件> [--force]',
    zh: '导入 progress export --json 的文件，全部导入或都不导入；--force 覆盖较新的记录并接受计划库里没有的计划',
    en: 'Restore a JSON export, all or nothing; --force overwrites newer records and accepts plans not in PLANS_DIR',
  },
  { syntax: 'digest [--date YYYY-MM-DD] [--json]', zh: '预览某天的计划简报（默认今天）', en: "Preview a day's digest (today by default)" },
  { syntax: 'eval <文件.jsonl> [--json]', zh: '在评测问题集上计算检索指标', en: 'Score the search on a question set' },
  { syntax: 'build-index [--word-vectors 文件.tgz]', zh: '重建 index/ 中的检索索引', en: 'Rebuild the search index in index/' },
  { syntax: 'console', zh: '打开本地问答控制台', en: 'Open the local question console' },
  { syntax: 'help, --help, -h', zh: '显示本帮助', en: 'Show this help' },
];

/** The help the command line prints: Chinese for the people who use the plan, English beside it for administrators. */
export const USAGE = [
  '用法 Usage: ipplan <命令 command> [选项 options]   (npm run cli -- …, or node dist/cli.js … in the image)',
  '',
  ...renderHelpEntries(USAGE_ENTRIES),
  '',
  '设置见 README.md 和 docs/cli.md。 Settings: README.md and docs/cli.md.',
].join('\n');

const COMMANDS: Readonly<Record<string, CliCommand>> = {
  ask: askCommand,
  measure: measureCommand,
  area: areaCommand,
  list: listCommand,
  'build-index': buildIndexCommand,
  eval: evalCommand,
  digest: digestCommand,
  progress: progressCommand,
  plan: planCommand,
  console: async ({ io, openApplication }) => {
    const opened = await openApplication('read');
    try {
      await runLocalConsole(opened.application, io);
    } finally {
      await opened.close();
    }
    return EXIT.ok;
  },
};

export interface CliDeps {
  /** Opens the library of plans and their searches (the composition root's, or a test's). */
  openLibrary: (io: CliIo) => AnswerLibrary;
  /** Opens the application over the state the configuration names, on that library. */
  openApplication: (library: AnswerLibrary, access: StateAccess) => Promise<OpenedApplication>;
}

const OPTIONS = {
  json: { type: 'boolean' },
  batch: { type: 'boolean' },
  limit: { type: 'string' },
  date: { type: 'string' },
  csv: { type: 'boolean' },
  force: { type: 'boolean' },
  by: { type: 'string' },
  plan: { type: 'string' },
  'word-vectors': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/u.test(raw) || Number(raw) < 1 || Number(raw) > MAX_RESULT_LIMIT) {
    throw new CliUsageError(`--limit 应为 1–${MAX_RESULT_LIMIT} 之间的整数，收到“${raw}”。`);
  }
  return Number(raw);
}

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  try {
    return await dispatch(argv, io, deps);
  } catch (error) {
    if (error instanceof CliUsageError) {
      writeLine(io.stderr, error.message);
      return error.exitCode;
    }
    writeLine(io.stderr, `错误：${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  // `measure -1` is a (bad) measure number, not an option: keep negative numbers as positionals.
  const negatives: string[] = [];
  const marker = `\u0000${randomUUID()}:`;
  const args = argv.map((arg) => (/^-[\d.]/u.test(arg) ? `${marker}${negatives.push(arg) - 1}` : arg));
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/gu, ' ').slice(0, 160);
    throw new CliUsageError(`参数有误：${reason}（运行 help 查看用法）`);
  }
  const { values } = parsed;
  const positionals = parsed.positionals.map((p) => (p.startsWith(marker) ? (negatives[Number(p.slice(marker.length))] ?? p) : p));
  const [name, ...rest] = positionals;
  if (values.help || name === undefined || name === 'help') {
    const asked = values.help === true || name === 'help';
    writeLine(asked ? io.stdout : io.stderr, USAGE);
    return asked ? EXIT.ok : EXIT.usage;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new CliUsageError(`不认识的命令“${name.replace(/\s+/gu, ' ').slice(0, 40)}”（运行 help 查看用法）。`);
  const limit = parseLimit(values.limit);
  const options: CliOptions = {
    json: values.json ?? false,
    batch: values.batch ?? false,
    csv: values.csv ?? false,
    force: values.force ?? false,
    ...(limit !== undefined ? { limit } : {}),
    ...(values.date !== undefined ? { date: values.date } : {}),
    ...(values.by !== undefined ? { by: values.by } : {}),
    ...(values.plan !== undefined ? { plan: values.plan } : {}),
    ...(values['word-vectors'] !== undefined ? { wordVectors: values['word-vectors'] } : {}),
  };
  let opened: AnswerLibrary | undefined;
  const library = (): AnswerLibrary => (opened ??= deps.openLibrary(io));
  return command({
    argument: rest.join(' '),
    options,
    io,
    context: () => library().current,
    library,
    openApplication: (access) => deps.openApplication(library(), access),
  });
}
