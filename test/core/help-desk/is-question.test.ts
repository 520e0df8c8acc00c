import { describe, expect, it } from 'vitest';
import { isQuestion } from '../../../src/core/help-desk/is-question.js';

describe('whether a message in a help channel asks something', () => {
  it.each([
    '商标审查周期要控制在多久？',
    '专利导航实验区的工作经费由谁承担',
    '地方知识产权局怎么落实这条措施',
    '质押融资风险补偿这块有人知道吗',
    '这个指标是否包括实用新型',
    '我们局能否申请专利导航实验区',
    '请问知识产权示范城市今年还评吗',
    '海关保护备案去哪里办',
    '第42条',
    '措施15说的是什么',
    'What does the plan say about trade secrets?',
    '剑网行动今年还搞不搞呢',
    '有没有关于地理标志的措施',
  ])('answers %s', (text) => {
    expect(isQuestion(text)).toBe(true);
  });

  it.each([
    '',
    '   ',
    '谢谢！',
    '收到',
    '好的 👍',
    '大家好',
    ':thumbsup:',
    'https://example.com/report.pdf',
    '【通知】本周五下午三点在三楼会议室召开推进会，请各单位准时参加。',
    '通知：什么时候提交材料另行通知。',
    '请各单位于12月5日前报送年度推进情况。',
    '今天的推进会改到下午三点。',
    '材料已经发到邮箱了',
    '收到 3 份报送材料',
  ])('stays silent on %j', (text) => {
    expect(isQuestion(text)).toBe(false);
  });

  it('reads a long post by its last sentence', () => {
    const report = `${'本季度各单位共报送材料四十二份，其中专利相关二十份，商标相关十份。'.repeat(20)}`;
    expect(isQuestion(report)).toBe(false);
    expect(isQuestion(`${report}这些材料应该由哪个部门汇总？`)).toBe(true);
  });
});
