/**
 * `/plan help` (and the lower part of the App Home dashboard): what the app knows and every way to use it.
 */
import type { PlanOverview } from '../../core/answer/plan-overview.js';
import { header, section } from './block-kit.js';
import { escapeMrkdwn, bold, fallbackText } from './mrkdwn.js';
import type { Block, SlackMessage } from './slack-message.js';

export const EXAMPLE_QUESTIONS = ['商标审查周期要控制在多久？', '国防知识产权有哪些措施？', '知识产权质押融资有哪些安排？', '两法衔接平台建设'] as const;

export function usageBlocks(): Block[] {
  return [
    section(
      [
        bold('怎么问'),
        '• 直接给我发私信，或在频道里 @我，用中文提问；在我回复过的话题里接着问也可以。',
        `• 例如：${EXAMPLE_QUESTIONS.map((q) => `“${q}”`).join('、')}`,
        '• 也能看懂繁体、英文（patent pledge financing）和常见简称（知产、自贸区、两法衔接）。',
        '• 每个回答都注明出自第几条措施；计划里没有的内容，我会直说没有找到。',
      ].join('\n'),
    ),
    section(
      [
        bold('命令'),
        '• `/plan 问题`：回答只给你看，满意可点“发到频道”。`/plan help` 显示本说明。',
        '• `/measure 42`：查看第 42 条；`/measure 15-20` 列出一段；`/measure 关键词` 按关键词查找。',
        '• `/area 3`（或 三）：查看一个领域的目标任务、措施和推进情况；`/area` 列出全部领域。',
        '• `/progress 42`：查看第 42 条的推进情况；协调办人员可登记：`/progress 42 推进中 本周完成海关系统联调`、`/progress 42 牵头 海关总署`、`/progress 42 参与 公安部`、`/progress 42 截止 2026-12-31`、`/progress 42 进展 说明`；`/progress 42 历史` 查看记录。',
      ].join('\n'),
    ),
    section(
      `${bold('推进情况')}\n计划原文不含牵头单位、进度和期限，这些由协调办登记；问“第42条进展如何”“第15条由哪个部门牵头”“哪些措施逾期了”，我会按登记内容回答，没有登记的会直说。`,
    ),
    section(`${bold('反馈')}\n每个回答下都有“有帮助 / 没帮助”，协调办公室会据此改进；每日简报会列出前一天大家问了什么、哪些问题计划里没有答案。`),
  ];
}

export function renderHelp(overview: PlanOverview): SlackMessage {
  return {
    text: fallbackText(`我可以回答关于《${overview.title}》的问题，并按编号查看措施和领域。`),
    blocks: [
      header('计划助手使用说明'),
      section(
        escapeMrkdwn(`我可以回答关于《${overview.title}》的问题：${overview.areas.length} 个领域、${overview.measureCount} 条措施，答案都来自计划原文。`),
      ),
      ...usageBlocks(),
    ],
  };
}
