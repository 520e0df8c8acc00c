/**
 * Answers as plain text, for the command line and the local console. Matched terms are shown in
 * bold on a colour terminal and between 【】 elsewhere; every answer ends with the measure
 * numbers it came from.
 */
import type { Answer, AreaCard, MeasureResult, PlanOverviewAnswer } from '../../core/answer/answer-schema.js';
import { overviewListsAreas, type PlanOverview } from '../../core/answer/plan-overview.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import { areaLabel, englishGloss, measureLabel, overviewSentence, placesSentence, snippetParts, sourceLine, type Highlights } from '../answer-parts.js';

export interface TextStyle {
  /** Use ANSI bold/dim (a terminal) rather than 【】 marks. */
  color: boolean;
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';
/** Related measures are listed one line each, at most this many. */
const MAX_RELATED = 4;

function mark(text: string, highlights: Highlights, style: TextStyle): string {
  let out = '';
  let at = 0;
  for (const [start, end] of highlights) {
    out += text.slice(at, start);
    const piece = text.slice(start, end);
    out += style.color ? `${BOLD}${piece}${RESET}` : `【${piece}】`;
    at = end;
  }
  return out + text.slice(at);
}

function dim(text: string, style: TextStyle): string {
  return style.color ? `${DIM}${text}${RESET}` : text;
}

function heading(result: MeasureResult): string {
  return `${measureLabel(result.number)} · ${result.area.title}`;
}

function snippetLine(result: MeasureResult, style: TextStyle): string {
  const parts = snippetParts(result);
  return `${parts.before}${mark(parts.text, parts.highlights, style)}${parts.after}`;
}

/** An area's 目标任务 line, when the plan gives the area one. */
function goalsLines(goals: string | undefined): string[] {
  return goals === undefined ? [] : [`目标任务：${goals}`];
}

function renderArea(card: AreaCard): string[] {
  return [areaLabel(card), ...goalsLines(card.goals), '工作措施：', ...card.measures.map((m) => `  ${m.number}. ${m.firstClause}`)];
}

function renderOverview(overview: PlanOverviewAnswer): string[] {
  const lines = [overviewSentence(overview)];
  if ((overview.facet === 'purpose' || overview.facet === 'summary') && overview.preamble) lines.push(`  ${overview.preamble}`);
  if (overviewListsAreas(overview.facet))
    lines.push(...overview.areas.map((a) => `  ${areaLabel(a)}（第 ${a.firstMeasure}–${a.lastMeasure} 条，共 ${a.measureCount} 条）`));
  return lines;
}

export function renderAnswerText(answer: Answer, style: TextStyle): string {
  const lines: string[] = [];
  if (answer.notice && answer.kind === 'none') return answer.notice.message;
  if (answer.kind === 'overview' && answer.overview) return renderOverview(answer.overview).join('\n');
  const gloss = answer.kind === 'search' ? englishGloss(answer) : undefined;
  if (gloss) lines.push(dim(gloss, style), '');
  if (answer.notice) lines.push(answer.notice.message, '');
  if (answer.places && answer.places.length > 0) lines.push(placesSentence(answer.places), '');
  for (const c of answer.interpretation.corrections) lines.push(dim(`（按“${c.word}”理解“${c.typed}”）`, style));

  if (answer.kind === 'area' && answer.area) {
    lines.push(...renderArea(answer.area));
  } else if (answer.kind === 'lookup') {
    for (const result of answer.results) lines.push(heading(result), `  ${result.text}`, '');
    if (lines[lines.length - 1] === '') lines.pop();
  } else if (answer.kind === 'not-covered') {
    const related = answer.results.slice(0, 1 + MAX_RELATED);
    if (related.length > 0) lines.push('相关措施（供参考）：');
    for (const r of related) lines.push(`  ${measureLabel(r.number)}：${snippetLine(r, style)}`);
  } else {
    const [top, ...rest] = answer.results;
    const [goals] = answer.relatedAreas;
    if (goals && (!top || goals.score > top.score)) lines.push(`${areaLabel(goals)} · 目标任务`, `  ${mark(goals.snippet, goals.highlights, style)}`, '');
    if (top) {
      lines.push(heading(top), `  ${snippetLine(top, style)}`, dim(`  全文：${top.text}`, style));
    }
    const related = rest.slice(0, MAX_RELATED);
    if (related.length > 0) {
      lines.push('', '相关措施：');
      for (const r of related) lines.push(`  ${measureLabel(r.number)}：${snippetLine(r, style)}`);
    }
    const more = answer.total - 1 - related.length;
    if (more > 0) lines.push(dim(`  （另有 ${more} 条相关措施）`, style));
  }
  const numbers = answer.results.map((r) => r.number);
  if (numbers.length > 0 && answer.kind !== 'area') lines.push('', dim(sourceLine(answer.source.title, numbers.slice(0, 1 + MAX_RELATED)), style));
  else if (answer.kind === 'search' && answer.relatedAreas[0])
    lines.push(dim(`来源：《${answer.source.title}》${areaLabel(answer.relatedAreas[0])} · 目标任务`, style));
  return lines.join('\n').trimEnd();
}

export function renderOverviewText(overview: PlanOverview): string {
  return [
    `《${overview.title}》共 ${overview.areas.length} 个领域、${overview.measureCount} 条措施：`,
    ...overview.areas.map((a) => `  ${areaLabel(a)}（第 ${a.firstMeasure}–${a.lastMeasure} 条，共 ${a.measureCount} 条）`),
  ].join('\n');
}

/** The whole plan as text (`list`), measures' text whitespace-normalised. */
export function renderPlanText(plan: Plan): string {
  const lines = [plan.title, ''];
  for (const area of plan.areas) {
    lines.push(areaLabel(area), ...goalsLines(area.goals), '工作措施：');
    for (const n of area.measureNumbers) lines.push(`${n}．${plan.measures[n - 1]?.displayText ?? ''}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
