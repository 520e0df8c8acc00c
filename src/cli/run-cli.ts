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
import { CliUsageError, EXIT } from './terminal/cli-error.js';
import type { CliCommand, CliOptions, OpenedApplication, StateAccess } from './terminal/cli-command.js';
import { writeLine, type CliIo } from './terminal/cli-io.js';

export const USAGE = `用法：
  ask "<问题>" [--json] [--limit N]     回答一个问题
  ask --batch [--json] [--limit N]       从标准输入逐行读取问题，每行输出一个结果
  measure <N | N-M | 关键词> [年份] [--json]  查看措施（如 measure 5 2015、measure 2015-5）
  area [<1-7 | 一…七 | 关键词>] [--json] 查看领域；不带参数列出全部领域
  list [--json]                          输出整个计划
  build-index [--word-vectors 文件.tgz]  重建 index/ 中的检索索引（词向量从 npm 取得，或用给出的包）
  eval <文件.jsonl> [--json]             在评测问题集上计算检索指标
  digest [--date YYYY-MM-DD] [--json]    预览某天的计划简报（默认今天）
  progress show [N] [--json | --csv]     查看推进情况（某条措施及其历史，或全部）
  progress set <N> <内容> [--by 姓名] [--json]
                                         登记推进情况，内容同 /progress（推进中 说明、牵头 单位…）
  progress export [--json | --csv]       导出全部推进情况（JSON 含完整历史和协调办记录，可作备份）
  progress import <文件> [--force]       导入 progress export --json 的文件（全部导入或都不导入）；
                                         --force：覆盖比文件新的记录，并接受计划库里没有的计划
  plan list [--json]                     列出各年度计划（* 为当前计划）
  plan check <文件.txt> [--json]         按应用的读法检查一份计划文件：版式、措施编号、领域，或出错的行
  console                                打开本地问答控制台`;

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
