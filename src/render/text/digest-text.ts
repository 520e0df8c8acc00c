/** The digest as plain text, for the command line. */
import { chineseDate, shortChineseDate } from '../../core/time/weekday.js';
import type { DigestContent } from '../../core/digest/digest-content.js';

export function activityHeading(activity: NonNullable<DigestContent['activity']>): string {
  return activity.from === activity.to ? `昨日提问（${shortChineseDate(activity.to)}）` : `上期以来的提问（${shortChineseDate(activity.from)}—${shortChineseDate(activity.to)}）`;
}

export function renderDigestText(content: DigestContent): string {
  const lines = [`计划简报 · 第 ${content.issue.number} 期，共 ${content.issue.total} 期`, `${chineseDate(content.date)} · 《${content.planTitle}》`, ''];
  for (const area of content.areas) {
    lines.push(`${area.numeral}、${area.title}`);
    for (const m of area.measures) lines.push(`  第 ${m.number} 条：${m.text}`);
    lines.push('');
  }
  const a = content.activity;
  if (a) {
    lines.push(`${activityHeading(a)}：共 ${a.questions} 个问题；有帮助 ${a.feedback.helpful}，没帮助 ${a.feedback.notHelpful}`);
    if (a.topMeasures.length > 0) lines.push(`  最常出现：${a.topMeasures.map((m) => `第 ${m.number} 条（${m.count} 次）`).join('、')}`);
    if (a.unanswered.length > 0) {
      lines.push('  计划中没有找到答案的问题：');
      for (const q of a.unanswered) lines.push(`    · ${q}`);
    }
  }
  return lines.join('\n').trimEnd();
}
