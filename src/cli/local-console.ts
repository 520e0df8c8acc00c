/**
 * The local console `npm start` opens when there are no Slack tokens: the same answers the Slack
 * app gives, rendered as text. A line is a question, or one of the commands in {@link CONSOLE_HELP}.
 */
import { createInterface } from 'node:readline';
import type { AnswerContext } from '../core/answer/answer-values.js';
import { answerInContext } from '../core/answer/answer-in-context.js';
import { askQuestion } from '../core/answer/ask-question.js';
import type { ThreadContext } from '../core/answer/follow-up.js';
import { lookupArea } from '../core/answer/lookup-area.js';
import { lookupMeasure } from '../core/answer/lookup-measure.js';
import { planOverview } from '../core/answer/plan-overview.js';
import { renderAnswerText, renderOverviewText, type TextStyle } from '../render/text/answer-text.js';
import type { CliIo } from './cli-io.js';

const PROMPT = '问> ';

export const CONSOLE_HELP = [
  '直接输入问题即可查询计划内容，例如：商标审查周期要控制在多久？',
  '  /measure 42        查看第 42 条措施（也可 15-20 或关键词）',
  '  /area 3            查看第三个领域（也可 一…七 或关键词；不带参数列出全部领域）',
  '  /help              显示本帮助',
  '  /quit              退出（或按 Ctrl-D）',
].join('\n');

/** A console session: what the last answer left for follow-ups (下一条, 全文, 还有吗). */
export interface ConsoleSession {
  context?: ThreadContext;
}

/** One console line → the text to print, or undefined to quit. */
export function consoleReply(ctx: AnswerContext, line: string, style: TextStyle, session: ConsoleSession = {}): string | undefined {
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
      return argument ? renderAnswerText(lookupMeasure(ctx, argument), style) : '用法：/measure 42、/measure 15-20 或 /measure 关键词';
    case '/area':
      return argument ? renderAnswerText(lookupArea(ctx, argument), style) : renderOverviewText(planOverview(ctx.plan));
    case '/plan':
      return renderAnswerText(askQuestion(ctx, argument), style);
    default:
      if (command.startsWith('/')) return `不认识的命令 ${command}。\n${CONSOLE_HELP}`;
      const turn = answerInContext(ctx, text, session.context);
      session.context = turn.context;
      return renderAnswerText(turn.answer, style);
  }
}

/** Runs the console until /quit or end of input. */
export async function runLocalConsole(ctx: AnswerContext, io: CliIo): Promise<void> {
  const style: TextStyle = { color: io.interactive };
  io.stdout.write(`《${ctx.plan.title}》本地问答。输入 /help 查看用法。\n`);
  const rl = createInterface({ input: io.stdin, output: io.stdout, prompt: PROMPT, terminal: io.interactive });
  const session: ConsoleSession = {};
  rl.prompt();
  for await (const line of rl) {
    const reply = consoleReply(ctx, line, style, session);
    if (reply === undefined) break;
    if (reply.length > 0) io.stdout.write(`${reply}\n\n`);
    rl.prompt();
  }
  rl.close();
}
