/**
 * The command line: `ask`, `measure`, `area`, `list`, `build-index`, `eval`, `console`. Bad input is
 * one line on standard error and exit code 2; a keyword that matches nothing is not an error.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AnswerContext } from '../core/answer/answer-context.js';
import { MAX_RESULT_LIMIT } from '../core/answer/answer-context.js';
import type { Answer } from '../core/answer/answer-schema.js';
import { askQuestion } from '../core/answer/ask-question.js';
import { lookupArea } from '../core/answer/lookup-area.js';
import { lookupMeasure } from '../core/answer/lookup-measure.js';
import { openAnswerContext } from '../core/answer/open-answer-context.js';
import { planOverview } from '../core/answer/plan-overview.js';
import { renderAnswerText, renderOverviewText, type TextStyle } from '../render/text/answer-text.js';
import { loadEvalQuestions } from '../core/eval/eval-questions.js';
import { renderEvalReport } from '../render/text/eval-report.js';
import { scoreEval } from '../core/eval/score-eval.js';
import { INDEX_DIR } from '../core/paths.js';
import { loadPlan } from '../core/plan/load-plan.js';
import { buildIndexArtifacts } from '../core/search/index/build-search-index.js';
import { writeIndexFiles } from '../core/search/index/index-files.js';
import { loadLexicon } from '../core/search/lexicon/load-lexicon.js';
import { rejectBadInput, rejectControlCharacters } from './check-cli-input.js';
import { CliUsageError, EXIT } from './cli-error.js';
import { writeLine, type CliIo } from './cli-io.js';
import { runLocalConsole } from './local-console.js';
import { ConfigError, readConfig, type Config } from '../config.js';
import { renderDigestText } from '../render/text/digest-text.js';
import { previewDigest } from '../slack/digest/post-digest.js';
import { createLogger } from '../logger.js';
import { createActivityLog } from '../store/activity-log.js';
import { createDigestStore } from '../store/digest-store.js';
import { openExistingStateStore } from '../store/state-store.js';
import { isIsoDate, localDate } from '../core/time/local-date.js';
import { planJson } from './plan-json.js';

export const USAGE = `用法：
  ask "<问题>" [--json] [--limit N]     回答一个问题
  ask --batch [--json] [--limit N]       从标准输入逐行读取问题，每行输出一个结果
  measure <N | N-M | 关键词> [--json]    查看措施
  area [<1-7 | 一…七 | 关键词>] [--json] 查看领域；不带参数列出全部领域
  list [--json]                          输出整个计划
  build-index                            重建 index/ 中的检索索引
  eval <文件.jsonl> [--json]             在评测问题集上计算检索指标
  digest [--date YYYY-MM-DD] [--json]    预览某天的计划简报（默认今天）
  console                                打开本地问答控制台`;

export interface CliDeps {
  /** Opens the answer context; defaults to the one in `seeds/` and `index/`. */
  openContext?: () => AnswerContext;
}

const OPTIONS = {
  json: { type: 'boolean' },
  batch: { type: 'boolean' },
  limit: { type: 'string' },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/u.test(raw) || Number(raw) < 1 || Number(raw) > MAX_RESULT_LIMIT) {
    throw new CliUsageError(`--limit 应为 1–${MAX_RESULT_LIMIT} 之间的整数，收到“${raw}”。`);
  }
  return Number(raw);
}

function defaultContext(io: CliIo): AnswerContext {
  return openAnswerContext({
    onStaleIndex: (reason) => writeLine(io.stderr, `warning: the prebuilt search index is not usable (${reason}); rebuilt it in memory. Run \`npm run build:index\` to refresh index/.`),
  });
}

export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
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
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/gu, ' ').slice(0, 160);
    throw new CliUsageError(`参数有误：${reason}（运行 help 查看用法）`);
  }
  const { values } = parsed;
  const positionals = parsed.positionals.map((p) => (p.startsWith(marker) ? (negatives[Number(p.slice(marker.length))] as string) : p));
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    writeLine(values.help || command === 'help' ? io.stdout : io.stderr, USAGE);
    return values.help || command === 'help' ? EXIT.ok : EXIT.usage;
  }
  const argument = rest.join(' ');
  const json = values.json ?? false;
  const limit = parseLimit(values.limit);
  const context = (): AnswerContext => (deps.openContext ?? (() => defaultContext(io)))();
  const style = (ctx: AnswerContext): TextStyle => ({ color: io.interactive, planTitle: ctx.plan.title });
  const print = (ctx: AnswerContext, answer: Answer): number => {
    rejectBadInput(answer);
    writeLine(io.stdout, json ? JSON.stringify(answer) : renderAnswerText(answer, style(ctx)));
    return EXIT.ok;
  };

  switch (command) {
    case 'ask': {
      if (values.batch) return askBatch(context(), io, json, limit);
      rejectControlCharacters(argument);
      const ctx = context();
      return print(ctx, askQuestion(ctx, argument, limit === undefined ? {} : { limit }));
    }
    case 'measure': {
      rejectControlCharacters(argument);
      const ctx = context();
      return print(ctx, lookupMeasure(ctx, argument, limit));
    }
    case 'area': {
      rejectControlCharacters(argument);
      if (argument.trim().length === 0) {
        const overview = planOverview(loadPlan());
        writeLine(io.stdout, json ? JSON.stringify(overview) : renderOverviewText(overview));
        return EXIT.ok;
      }
      const ctx = context();
      return print(ctx, lookupArea(ctx, argument));
    }
    case 'list': {
      const plan = loadPlan();
      writeLine(io.stdout, json ? JSON.stringify(planJson(plan)) : renderPlanText(plan));
      return EXIT.ok;
    }
    case 'build-index': {
      const started = performance.now();
      const artifacts = buildIndexArtifacts(loadPlan(), loadLexicon());
      writeIndexFiles(INDEX_DIR, artifacts);
      const { manifest } = artifacts;
      writeLine(io.stdout, `index/ written: ${manifest.documents} documents, ${manifest.dictionaryWords} dictionary words, ${manifest.names.length} names, ${manifest.phrases.length} phrases (${Math.round(performance.now() - started)} ms)`);
      return EXIT.ok;
    }
    case 'eval': {
      if (!argument) throw new CliUsageError('用法：eval <问题集.jsonl>');
      const questions = loadEvalQuestions(argument);
      const ctx = context();
      const report = scoreEval(questions, (q) => {
        const answer = askQuestion(ctx, q, { limit: 10 });
        return { numbers: answer.results.map((r) => r.number), ...(answer.results[0] ? { topSnippet: answer.results[0].snippet } : {}) };
      });
      writeLine(io.stdout, json ? JSON.stringify(report) : renderEvalReport(report, argument));
      return EXIT.ok;
    }
    case 'digest': {
      const config = readCliConfig();
      const today = localDate(new Date(), config.digest.timeZone);
      const date = values.date ?? today;
      if (!isIsoDate(date)) throw new CliUsageError(`--date 应为 YYYY-MM-DD 格式的日期，收到“${date}”。`);
      const ctx = context();
      const store = openExistingStateStore(config.dataDir);
      try {
        const activity = createActivityLog({ db: store.db, logger: createLogger({ level: 'silent' }), timeZone: config.timeZone });
        const content = previewDigest({ ctx, store: createDigestStore(store.db), activity, config: config.digest }, date, today);
        writeLine(io.stdout, json ? JSON.stringify(content) : renderDigestText(content));
      } finally {
        store.close();
      }
      return EXIT.ok;
    }
    case 'console':
      await runLocalConsole(context(), io);
      return EXIT.ok;
    default:
      throw new CliUsageError(`不认识的命令“${command.replace(/\s+/gu, ' ').slice(0, 40)}”（运行 help 查看用法）。`);
  }
}

/** The environment's settings, a bad one reported as a usage error (exit 2). */
function readCliConfig(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliUsageError(error.message, 'config');
    throw error;
  }
}

function renderPlanText(plan: ReturnType<typeof loadPlan>): string {
  const lines = [plan.title, ''];
  for (const area of plan.areas) {
    lines.push(`${area.numeral}、${area.title}`, `目标任务：${area.goals}`, '工作措施：');
    for (const n of area.measureNumbers) lines.push(`${n}．${plan.measures[n - 1]?.displayText ?? ''}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** `ask --batch`: one question a line in, one JSON object (or text block) a line out, in order. */
async function askBatch(ctx: AnswerContext, io: CliIo, json: boolean, limit: number | undefined): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) {
    let output: string;
    try {
      rejectControlCharacters(line);
      const answer = askQuestion(ctx, line, limit === undefined ? {} : { limit });
      rejectBadInput(answer);
      output = json ? JSON.stringify(answer) : renderAnswerText(answer, { color: false, planTitle: ctx.plan.title });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof CliUsageError ? error.code : 'internal';
      output = json ? JSON.stringify({ query: line, error: { code, message } }) : `错误：${message}`;
    }
    writeLine(io.stdout, output);
  }
  return EXIT.ok;
}
