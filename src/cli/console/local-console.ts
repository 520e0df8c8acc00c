/**
 * The local console `npm start` opens when there are no Slack tokens: the same answers the Slack
 * app gives, rendered as text, and the same inputs Slack accepts — a question; `/plan 问题`,
 * `/plan help`, `/plan digest`; `/measure …`; `/area …`; a bare `help`, `帮助` or `怎么用`
 * (recognised by the same words as in Slack) — plus `/help` and `/quit`.
 */
import { createInterface } from 'node:readline';
import type { Application } from '../../app/application.js';
import type { ConversationReply } from '../../app/answers/reply-to-message.js';
import type { PlanReply } from '../../app/answers/plan-request.js';
import { USAGE } from '../../render/blocks/usage-blocks.js';
import { renderHelpEntries } from '../terminal/bilingual-help.js';
import { renderAnswerText, renderOverviewText, type TextStyle } from '../../render/text/answer-text.js';
import { renderDigestText } from '../../render/text/digest-text.js';
import { renderProgressAnswerText } from '../../render/text/progress-text.js';
import type { HelpDeskReply } from '../../app/help-desk/help-desk.js';
import { standardAnswerDetailText, standardAnswerListText, withStandardAnswerText } from '../../render/text/help-desk-text.js';
import { autoAnswerSentence, ESCALATION_TEXT, SETTING_TEXT, STANDARD_ANSWER_TEXT, standardAnswerSavedSentence } from '../../render/help-desk-parts.js';
import type { CliIo } from '../terminal/cli-io.js';

const PROMPT = '问> ';

/** The console's help: what people type, in Chinese, with English beside it for administrators. */
export const CONSOLE_HELP = [
  '直接输入问题即可查询计划内容，例如：商标审查周期要控制在多久？',
  'Type a question in Chinese to search the plan, e.g. 商标审查周期要控制在多久？',
  '',
  ...renderHelpEntries([
    { syntax: '/plan 问题', zh: '回答问题（与直接输入相同）', en: 'Answer a question (the same as typing it)' },
    { syntax: '/plan help', zh: '显示本帮助（直接输入 help、帮助 或 怎么用 也可以）', en: 'Show this help (help, 帮助 or 怎么用 too)' },
    { syntax: '/plan digest', zh: '查看今天的计划简报', en: "Preview today's digest" },
    { syntax: '/measure 42', zh: '查看第 42 条措施（也可 15-20 或关键词）', en: 'Show measure 42 (or a range 15-20, or a keyword)' },
    {
      syntax: '/area 3',
      zh: '查看第三个领域（也可 一…七 或关键词；不带参数列出全部领域）',
      en: 'Show area 3 (or 一…七, or a keyword; without one, every area)',
    },
    {
      syntax: '下一条 | 全文 | 还有吗',
      zh: '接着上一个回答：下一条措施、全文、更多结果',
      en: 'Follow on from the last answer: the next measure, the full text, more results',
    },
    { syntax: '/help', zh: '显示本帮助', en: 'Show this help' },
    { syntax: '/quit', zh: '退出（或按 Ctrl-D）', en: 'Quit (or Ctrl-D)' },
  ]),
].join('\n');

/** A console session: its conversation, so follow-ups (下一条, 全文, 还有吗) follow the last answer. */
export interface ConsoleSession {
  id: string;
}

let sessions = 0;
export function newConsoleSession(): ConsoleSession {
  sessions += 1;
  return { id: `console-${process.pid}-${sessions}` };
}

/** Why the console is open, said in its first line. */
export type ConsoleReason = 'no-slack-tokens' | 'asked';

/** The console's viewer: nobody in particular (the console cannot edit the record). */
const CONSOLE_VIEWER = 'console';

/** A Slack usage line as plain text (without mrkdwn's code marks). */
const plain = (usage: string): string => usage.replace(/`/gu, '');

/** `/plan 标准答复 …` in the console: it may read them; it has no Slack user, so any change is refused. */
function helpDeskText(reply: HelpDeskReply): string {
  switch (reply.type) {
    case 'list':
      return standardAnswerListText(reply.answers, reply.today);
    case 'detail':
      return standardAnswerDetailText(reply.answer, reply.history, reply.today);
    case 'saved':
      return standardAnswerSavedSentence(reply.answer, reply.change);
    case 'unchanged':
      return STANDARD_ANSWER_TEXT.unchanged;
    case 'not-found':
      return STANDARD_ANSWER_TEXT.notFound(reply.id);
    case 'invalid':
      return reply.message;
    case 'stale':
      return STANDARD_ANSWER_TEXT.stale;
    case 'unavailable':
      return STANDARD_ANSWER_TEXT.unavailable;
    case 'refused':
    case 'unverified':
      return ESCALATION_TEXT.refused;
    case 'auto-answer':
      return autoAnswerSentence(reply.on, reply.changed);
    case 'configured':
      return SETTING_TEXT.configured;
    case 'not-a-channel':
      return SETTING_TEXT.notAChannel;
  }
}

function planReplyText(reply: PlanReply, style: TextStyle): string {
  switch (reply.kind) {
    case 'usage':
      return plain(USAGE.plan);
    case 'help':
      return CONSOLE_HELP;
    case 'digest':
      return renderDigestText(reply.digest);
    case 'progress':
      return renderProgressAnswerText(reply.answer);
    case 'help-desk':
      return helpDeskText(reply.reply);
    case 'answer':
      return reply.standard ? withStandardAnswerText(renderAnswerText(reply.answer, style), reply.standard) : renderAnswerText(reply.answer, style);
  }
}

function conversationText(reply: ConversationReply, style: TextStyle): string {
  switch (reply.kind) {
    case 'help':
      return CONSOLE_HELP;
    case 'progress':
      return renderProgressAnswerText(reply.answer);
    case 'answer':
      return reply.standard ? withStandardAnswerText(renderAnswerText(reply.answer, style), reply.standard) : renderAnswerText(reply.answer, style);
    case 'failed':
      return `出错了：${reply.error instanceof Error ? reply.error.message : String(reply.error)}`;
  }
}

/** The console session as a conversation: follow-ups follow whatever it showed last. */
const conversationOf = (session: ConsoleSession) => ({ channel: session.id, threadTs: session.id, direct: true });

/** One console line → the text to print, or undefined to quit. */
export async function consoleReply(application: Application, line: string, style: TextStyle, session: ConsoleSession): Promise<string | undefined> {
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
    case '/measure': {
      if (!argument) return plain(USAGE.measure);
      const { answer } = await application.lookups.measure(argument, CONSOLE_VIEWER, conversationOf(session));
      return renderAnswerText(answer, style);
    }
    case '/area': {
      if (!argument) return renderOverviewText(application.lookups.overview);
      const { answer } = await application.lookups.area(argument, CONSOLE_VIEWER, conversationOf(session));
      return renderAnswerText(answer, style);
    }
    case '/plan':
      return planReplyText(await application.planRequests.answer(argument, 'console'), style);
    default: {
      if (command.startsWith('/')) return `不认识的命令 ${command}。\n${CONSOLE_HELP}`;
      let printed = '';
      await application.conversation.reply({ surface: 'console', text, conversation: conversationOf(session) }, async (reply) => {
        printed = conversationText(reply, style);
        return { delivered: true };
      });
      return printed;
    }
  }
}

function banner(title: string, reason: ConsoleReason): string {
  const why = reason === 'no-slack-tokens' ? '（没有找到 Slack 令牌 SLACK_BOT_TOKEN，所以没有连接 Slack；配置见 .env.example）' : '';
  return `这是本地问答控制台${why}：《${title}》，回答与 Slack 中相同。输入 /help 查看用法。`;
}

/** Runs the console until /quit or end of input; its first line says what it is and why. */
export async function runLocalConsole(application: Application, io: CliIo, reason: ConsoleReason = 'asked'): Promise<void> {
  const style: TextStyle = { color: io.interactive };
  io.stdout.write(`${banner(application.lookups.source.title, reason)}\n`);
  const rl = createInterface({ input: io.stdin, output: io.stdout, prompt: PROMPT, terminal: io.interactive });
  const session = newConsoleSession();
  // At the end of its input readline closes itself, and on Node.js 24 prompting then throws.
  let open = true;
  rl.once('close', () => {
    open = false;
  });
  rl.prompt();
  for await (const line of rl) {
    const reply = await consoleReply(application, line, style, session).catch(
      (error: unknown) => `出错了：${error instanceof Error ? error.message : String(error)}`,
    );
    if (reply === undefined) break;
    if (reply.length > 0) io.stdout.write(`${reply}\n\n`);
    if (open) rl.prompt();
  }
  rl.close();
}
