const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** `2026-11-25` → `2026年11月25日（星期三）`. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string;
  return `${y}年${m}月${d}日（星期${weekday}）`;
}

/** `2026-11-24` → `11月24日`. */
export function shortChineseDate(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日`;
}
