/** What the agent's Messages tab and the assistant panel suggest when a conversation opens (at most four). */
export const SUGGESTED_PROMPTS_TITLE = '可以这样问：';

export const SUGGESTED_PROMPTS = [
  { title: '商标审查周期要控制在多久？', message: '商标审查周期要控制在多久？' },
  { title: '国防知识产权有哪些措施？', message: '国防知识产权有哪些措施？' },
  { title: '知识产权质押融资怎么推进？', message: '知识产权质押融资怎么推进？' },
  { title: '查看第 42 条', message: '第42条' },
] as const;
