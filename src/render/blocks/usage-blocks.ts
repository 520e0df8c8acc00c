/** Short usage lines for a command given nothing (or nonsense) to work with. */
import { section } from './block-kit.js';
import { fallbackText } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';

export const USAGE = {
  measure: '用法：`/measure 42` 查看第 42 条；`/measure 15-20` 列出第 15–20 条；`/measure 关键词` 查找相关措施。',
  plan: '用法：`/plan 问题`，例如 `/plan 商标审查周期要控制在多久？`；`/plan help` 查看全部用法。',
} as const;

export function renderUsage(text: string): SlackMessage {
  return { text: fallbackText(text.replace(/`/gu, '')), blocks: [section(text)] };
}
