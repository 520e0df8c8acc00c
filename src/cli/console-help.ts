/** The local console's help text. */
export const CONSOLE_HELP = [
  '直接输入问题即可查询计划内容，例如：商标审查周期要控制在多久？',
  '  /measure 42        查看第 42 条措施（也可 15-20 或关键词）',
  '  /area 3            查看第三个领域（也可 一…七 或关键词；不带参数列出全部领域）',
  '  /help              显示本帮助',
  '  /quit              退出（或按 Ctrl-D）',
].join('\n');
