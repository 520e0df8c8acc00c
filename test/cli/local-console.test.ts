import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CONSOLE_HELP, consoleReply, newConsoleSession, runLocalConsole } from '../../src/cli/console/local-console.js';
import { openLocalApplication } from '../../src/compose.js';
import { testAnswerLibrary } from '../support/answer-context.js';
import { captureLogger } from '../support/capture-logger.js';
import { fakeIo } from '../support/fake-io.js';
import { TEST_CONFIG } from '../support/listener-fakes.js';

const style = { color: false };
/** No state yet (DATA_DIR does not exist): the digest previews from today. */
const settings = { dataDir: join(tmpdir(), 'ipplan-console-no-state'), digest: TEST_CONFIG.digest, timeZone: TEST_CONFIG.timeZone, logLevel: 'warn' as const };
const { application } = await openLocalApplication(testAnswerLibrary(), settings, 'read', captureLogger().logger, () => new Date('2026-11-30T02:00:00Z'));
const session = newConsoleSession();
const reply = (line: string) => consoleReply(application, line, style, session);

describe('the local console', () => {
  it('answers a question as the CLI does', async () => {
    expect(await reply('商标审查周期要控制在多久？')).toContain('确保商标审查周期控制在【9个月内】');
  });

  it('looks measures and areas up', async () => {
    expect(await reply('/measure 42')).toContain('第 42 条 · 提高知识产权保护效果');
    expect(await reply('/area 3')).toContain('三、提高知识产权保护效果');
    expect(await reply('/area')).toContain('七、提高知识产权战略组织实施水平（第 72–79 条，共 8 条）');
    expect(await reply('/measure')).toBe('用法：/measure 42 查看第 42 条；/measure 15-20 列出第 15–20 条；/measure 关键词 查找相关措施。');
  });

  it('follows up on what it showed last, a card looked up included', async () => {
    const own = newConsoleSession();
    const say = (line: string) => consoleReply(application, line, style, own);
    expect(await say('/measure 42')).toContain('第 42 条');
    expect(await say('下一条')).toContain('第 43 条');
    expect(await say('商标审查周期要控制在多久？')).toContain('第 3 条');
    expect(await say('下一条')).toContain('第 4 条');
    expect(await say('/measure 70')).toContain('第 70 条');
    expect(await say('上一条')).toContain('第 69 条');
  });

  it('answers progress questions as Slack does', async () => {
    expect(await reply('第42条进展如何')).toContain('第 42 条的推进情况');
    expect(await reply('哪些措施逾期了')).toContain('逾期');
  });

  it('accepts what Slack accepts: /plan with a question, help or digest, and a bare help word', async () => {
    expect(await reply('/plan 商标审查周期要控制在多久？')).toContain('确保商标审查周期控制在【9个月内】');
    expect(await reply('/plan')).toBe('用法：/plan 问题，例如 /plan 商标审查周期要控制在多久？；/plan help 查看全部用法。');
    for (const line of ['/plan help', '/plan 帮助', 'help', 'HELP', '帮助', '怎么用', '怎么用？', '/help']) expect(await reply(line), line).toBe(CONSOLE_HELP);
    const digest = await reply('/plan digest');
    expect(digest).toContain('计划简报 · 第 1 期，共 27 期');
    expect(digest).toContain('第 1 条：');
  });

  it('lists /plan and its forms in /help', () => {
    for (const form of ['/plan 问题', '/plan help', '/plan digest', '/measure 42', '/area 3', 'help、帮助 或 怎么用']) expect(CONSOLE_HELP).toContain(form);
    for (const english of ['Answer a question', 'Show this help', "Preview today's digest", 'Show measure 42', 'Show area 3', 'Quit'])
      expect(CONSOLE_HELP).toContain(english);
  });

  it('explains unknown commands and quits on /quit', async () => {
    expect(await reply('/frob')).toContain('不认识的命令 /frob');
    expect(await reply('/quit')).toBeUndefined();
  });

  it('says in its first line that it is the local console because no Slack tokens were found', async () => {
    const io = fakeIo('');
    await runLocalConsole(application, io, 'no-slack-tokens');
    const [first] = io.out().split('\n');
    expect(first).toMatch(/^这是本地问答控制台（没有找到 Slack 令牌 SLACK_BOT_TOKEN，所以没有连接 Slack/u);
  });

  it('runs until the end of its input', async () => {
    const io = fakeIo('/measure 3\n商标审查周期\n');
    await runLocalConsole(application, io);
    expect(io.out()).toContain('提高商标注册工作效率');
    expect(io.out().match(/第 3 条/gu)?.length).toBeGreaterThanOrEqual(2);
  });
});
