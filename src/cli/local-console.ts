/**
 * The local console `npm start` opens when there are no Slack tokens: the same answers the Slack
 * app gives, rendered as text, and the same inputs Slack accepts — a question; `/plan 问题`,
 * `/plan help`, `/plan digest`; `/measure …`; `/area …`; a bare `help`, `帮助` or `怎么用`
 * (recognised by the same words as in Slack) — plus `/help` and `/quit`.
 */
import { createInterface } from 'node:readline';
import type { AnswerContext } from '../core/answer/answer-values.js';
import { answerInContext } from '../core/answer/answer-in-context.js';
import { askQuestion } from '../core/answer/ask-question.js';
import { isDigestRequest, isHelpRequest } from '../core/answer/command-words.js';
import type { ThreadContext } from '../core/answer/follow-up.js';
import { lookupArea } from '../core/answer/lookup-area.js';
import { lookupMeasure } from '../core/answer/lookup-measure.js';
import { planOverview } from '../core/answer/plan-overview.js';
import type { DigestContent } from '../core/digest/digest-content.js';
import { USAGE } from '../render/blocks/usage-blocks.js';
import { renderAnswerText, renderOverviewText, type TextStyle } from '../render/text/answer-text.js';
import { renderDigestText } from '../render/text/digest-text.js';
import type { CliIo } from './cli-io.js';

const PROMPT = '问> ';

export const CONSOLE_HELP = [
  '直接输入问题即可查询计划内容，例如：商标审查周期要控制在多久？',
  '  /plan 问题         回答问题（与直接输入相同）',
  '  /plan help         显示本帮助（直接输入 help、帮助 或 怎么用 也可以）',
  '  /plan digest       查看今天的计划简报',
  '  /measure 42        查看第 42 条措施（也可 15-20 或关键词）',
  '  /area 3            查看第三个领域（也可 一…七 或关键词；不带参数列出全部领域）',
  '  /help              显示本帮助',
  '  /quit              退出（或按 Ctrl-D）',
].join('\n');

/** What the console answers from. */
export interface ConsoleDeps {
  ctx: AnswerContext;
  /** Today's digest as it would be posted (`/plan digest`). */
  todaysDigest: () => Promise<DigestContent>;
}

/** A console session: what the last answer left for follow-ups (下一条, 全文, 还有吗). */
export interface ConsoleSession {
  context?: ThreadContext;
}

/** Why the console is open, said in its first line. */
export type ConsoleReason = 'no-slack-tokens' | 'asked';

/** A Slack usage line as plain text (without mrkdwn's code marks). */
const plain = (usage: string): string => usage.replace(/`/gu, '');

async function planReply(deps: ConsoleDeps, argument: string, style: TextStyle): Promise<string> {
  if (argument.length === 0) return plain(USAGE.plan);
  if (isHelpRequest(argument)) return CONSOLE_HELP;
  if (isDigestRequest(argument)) return renderDigestText(await deps.todaysDigest());
  return renderAnswerText(askQuestion(deps.ctx, argument), style);
}

/** One console line → the text to print, or undefined to quit. */
export async function consoleReply(
  deps: ConsoleDeps,
  line: string,
  style: TextStyle,
  session: ConsoleSession = {},
): Promise<string | undefined> {
  const text = line.trim();
  if (text.length === 0) return '';
  const [command = '', ...rest] = text.split(/\s+/u);
  const argument = rest.join(' ');
  switch (command.toLowerCase()) {
    case '/quit':
    case '/exit':
    case '/q':
      return undefined;
    case '/help':
    case '/?':
      return CONSOLE_HELP;
    case '/measure':
      return argument ? renderAnswerText(lookupMeasure(deps.ctx, argument), style) : plain(USAGE.measure);
    case '/area':
      return argument ? renderAnswerText(lookupArea(deps.ctx, argument), style) : renderOverviewText(planOverview(deps.ctx.plan));
    case '/plan':
      return planReply(deps, argument, style);
    default:
      if (command.startsWith('/')) return `不认识的命令 ${command}。\n${CONSOLE_HELP}`;
      if (isHelpRequest(text)) return CONSOLE_HELP;
      const turn = answerInContext(deps.ctx, text, session.context);
      session.context = turn.context;
      return renderAnswerText(turn.answer, style);
  }
}

function banner(title: string, reason: ConsoleReason): string {
  const why = reason === 'no-slack-tokens' ? '（没有找到 Slack 令牌 SLACK_BOT_TOKEN，所以没有连接 Slack；配置见 .env.example）' : '';
  return `这是本地问答控制台${why}：《${title}》，回答与 Slack 中相同。输入 /help 查看用法。`;
}

/** Runs the console until /quit or end of input; its first line says what it is and why. */
export async function runLocalConsole(deps: ConsoleDeps, io: CliIo, reason: ConsoleReason = 'asked'): Promise<void> {
  const style: TextStyle = { color: io.interactive };
  io.stdout.write(`${banner(deps.ctx.plan.title, reason)}\n`);
  const rl = createInterface({ input: io.stdin, output: io.stdout, prompt: PROMPT, terminal: io.interactive });
  const session: ConsoleSession = {};
  rl.prompt();
  for await (const line of rl) {
    const reply = await consoleReply(deps, line, style, session).catch(
      (error: unknown) => `出错了：${error instanceof Error ? error.message : String(error)}`,
    );
    if (reply === undefined) break;
    if (reply.length > 0) io.stdout.write(`${reply}\n\n`);
    rl.prompt();
  }
  rl.close();
}
