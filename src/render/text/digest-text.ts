/** The digest as plain text, for the command line. */
import { escalationName, waited } from '../help-desk-parts.js';
import { chineseDate, shortChineseDate } from '../../core/time/weekday.js';
import { type DigestContent, DIGEST_STATE_UNAVAILABLE } from '../../core/digest/digest-content.js';
import { FIELD_LABELS } from '../../core/progress/progress-schema.js';

export function activityHeading(activity: NonNullable<DigestContent['activity']>): string {
  return activity.from === activity.to
    ? `昨日提问（${shortChineseDate(activity.to)}）`
    : `上期以来的提问（${shortChineseDate(activity.from)}—${shortChineseDate(activity.to)}）`;
}

export function updatesHeading(updates: NonNullable<DigestContent['updates']>): string {
  return updates.from === updates.to
    ? `昨日进展（${shortChineseDate(updates.to)}）`
    : `上期以来的进展（${shortChineseDate(updates.from)}—${shortChineseDate(updates.to)}）`;
}

/** `状态：未启动 → 推进中`, `进展：本周完成…` */
export function progressChangeText(change: NonNullable<DigestContent['updates']>['measures'][number]['changes'][number]): string {
  if (change.field === 'note') return `${FIELD_LABELS.note}：${change.after ?? ''}`;
  return `${FIELD_LABELS[change.field]}：${change.before ?? '（无）'} → ${change.after ?? '（无）'}`;
}

export function renderDigestText(content: DigestContent): string {
  const lines = [
    `计划简报 · 第 ${content.issue.number} 期，共 ${content.issue.total} 期`,
    `${chineseDate(content.date)} · 《${content.planTitle}》`,
    ...(content.unavailable ? [DIGEST_STATE_UNAVAILABLE] : []),
    '',
  ];
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
  if (content.updates) {
    lines.push('', `${updatesHeading(content.updates)}：`);
    for (const m of content.updates.measures) {
      lines.push(`  第 ${m.number} 条 ${m.firstClause}`);
      for (const c of m.changes) lines.push(`    · ${progressChangeText(c)}`);
    }
    if (content.updates.more > 0) lines.push(`  另有 ${content.updates.more} 条措施有更新`);
  }
  const desk = content.helpDesk;
  if (desk && desk.openCount > 0) {
    lines.push('', `协调办待答复（${desk.openCount}）：`);
    for (const e of desk.open)
      lines.push(`  ${escalationName(e.id)} ${e.question}（已等 ${waited(e.ageMs)}${e.state === 'answered' ? '，已答复待关闭' : ''}）`);
  }
  if (desk && desk.dueCount > 0) {
    lines.push('', `标准答复待复核（${desk.dueCount}）：`);
    for (const a of desk.dueForReview) lines.push(`  #${a.id} ${a.question}（复核日期 ${a.reviewBy}）`);
  }
  if (content.attention) {
    lines.push('', '逾期/受阻：');
    for (const m of content.attention.measures)
      lines.push(
        `  第 ${m.number} 条 ${m.firstClause}：${[m.overdue ? `逾期（截止 ${m.due ?? ''}）` : '', m.status ?? ''].filter((f) => f.length > 0).join(' · ')}`,
      );
    if (content.attention.more > 0) lines.push(`  另有 ${content.attention.more} 条`);
  }
  return lines.join('\n').trimEnd();
}
