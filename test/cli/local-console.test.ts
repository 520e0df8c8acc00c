import { describe, expect, it } from 'vitest';
import { consoleReply, runLocalConsole } from '../../src/cli/local-console.js';
import { testAnswerContext } from '../support/answer-context.js';
import { fakeIo } from '../support/fake-io.js';

const ctx = testAnswerContext();
const style = { color: false, planTitle: ctx.plan.title };

describe('the local console', () => {
  it('answers a question as the CLI does', () => {
    expect(consoleReply(ctx, '商标审查周期要控制在多久？', style)).toContain('确保商标审查周期控制在【9个月内】');
  });

  it('looks measures and areas up', () => {
    expect(consoleReply(ctx, '/measure 42', style)).toContain('第 42 条 · 提高知识产权保护效果');
    expect(consoleReply(ctx, '/area 3', style)).toContain('三、提高知识产权保护效果');
    expect(consoleReply(ctx, '/area', style)).toContain('七、提高知识产权战略组织实施水平（第 72–79 条，共 8 条）');
    expect(consoleReply(ctx, '/measure', style)).toBe('用法：/measure 42、/measure 15-20 或 /measure 关键词');
  });

  it('explains unknown commands and quits on /quit', () => {
    expect(consoleReply(ctx, '/frob', style)).toContain('不认识的命令 /frob');
    expect(consoleReply(ctx, '/quit', style)).toBeUndefined();
  });

  it('runs until the end of its input', async () => {
    const io = fakeIo('/measure 3\n商标审查周期\n');
    await runLocalConsole(ctx, io);
    expect(io.out()).toContain('提高商标注册工作效率');
    expect(io.out().match(/第 3 条/gu)?.length).toBeGreaterThanOrEqual(2);
  });
});
