/** Short usage lines for a command given nothing (or nonsense) to work with. */
import { section } from './block-kit.js';
import { fallbackText } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

export const USAGE = {
  measure: '用法：`/measure 42` 查看第 42 条；`/measure 15-20` 列出第 15–20 条；`/measure 关键词` 查找相关措施。',
  plan: '用法：`/plan 问题`，例如 `/plan 商标审查周期要控制在多久？`；`/plan help` 查看全部用法。',
  progress:
    '用法：`/progress 42` 查看第 42 条的推进情况，`/progress 42 历史` 查看记录。协调办人员可以登记：`/progress 42 推进中 本周完成海关系统联调`（状态：未启动 / 推进中 / 已完成 / 受阻，后面可跟进展说明）、`/progress 42 牵头 海关总署`、`/progress 42 参与 公安部、商务部`、`/progress 42 截止 2026-12-31`、`/progress 42 进展 说明`；写“无”清除单位或截止日期。',
} as const;

export function renderUsage(text: string): SlackMessage {
  return { text: fallbackText(text.replace(/`/gu, '')), blocks: [section(text)] };
}
