/**
 * An Answer as a Slack message. One layout for every question:
 *
 * - a caveat only when the answer is uncertain (以下是最接近的原文，请核对);
 * - the answering clause first, under its measure and area, with the part that answers in bold
 *   (the 9个月 of 多久, the 《title》 of 什么文件); then the measure's full text, once;
 * - a matching 目标任务 paragraph ahead of the measures when it matches better;
 * - related measures a line each, 更多结果 counting what it opens, the source line, feedback.
 *
 * When the plan does not say what was asked, the message says so first and offers the nearest
 * measures as related, never as the answer. Lookups become measure cards or lists, an area its
 * card, the plan as a whole its overview, and "nothing found" a sentence with a hint.
 */
import type { Answer, AreaMatch, MeasureResult, PlanOverviewAnswer } from '../../core/answer/answer-schema.js';
import { ANSWER_SHOWS, MAX_RANGE_RESULTS } from '../../core/answer/answer-values.js';
import { overviewListsAreas } from '../../core/answer/plan-overview.js';
import {
  areaLabel,
  englishGloss,
  measureLabel,
  overviewSentence,
  placesSentence,
  planMeasureLabel,
  snippetParts,
  sourceLine,
  yearsSourceLine,
} from '../answer-parts.js';
import { ACTION, encodeValue, type EscalateValue } from './action-values.js';
import { escalateBlock } from './help-desk-blocks.js';
import { overviewLines, renderAreaCard } from './area-blocks.js';
import { actions, button, context, header, section, sections } from './block-kit.js';
import { feedbackBlocks, type FeedbackStyle } from './feedback-blocks.js';
import { renderMeasureCard } from './measure-card.js';
import type { AnswerProgress } from '../../core/progress/record-view.js';
import { renderKeywordList, renderMeasureList } from './measure-list.js';
import { bold, escapeMrkdwn, fallbackText, quote, withHighlights } from './mrkdwn.js';
import { MAX_FALLBACK_TEXT, MAX_MESSAGE_BLOCKS, MAX_SECTION_TEXT, truncate } from './slack-limits.js';
import type { Block, Button, SlackMessage } from './slack-message.js';

export interface AnswerRenderOptions {
  feedback: FeedbackStyle;
  /** Offer 发到频道 (the answer is shown only to the asker). */
  shareable: boolean;
  /** Show a search as a list of matches (`/measure 关键词`) rather than as an answer. */
  asKeywordList?: boolean;
  /** The coordinators' record for a single measure's card, and an area's status counts. */
  progress?: AnswerProgress;
  /** Offer 问协调办 where the plan is silent (not-covered, nothing found), carrying the asker's thread. */
  escalate?: EscalateValue;
}

/** Related measures listed under the top one. */
export const MAX_RELATED = ANSWER_SHOWS - 1;
/** 更多结果 lists at most this many. */
export const MAX_MORE_RESULTS = MAX_RANGE_RESULTS;

const HOW_TO_ASK = '可以这样问：“商标审查周期要控制在多久？”“国防知识产权有哪些措施？”，或用 /measure 42、/area 3 直接查看。';

function clauseMrkdwn(result: Pick<MeasureResult, 'snippet' | 'text' | 'highlights'>): string {
  const parts = snippetParts(result);
  return `${parts.before}${withHighlights(parts.text, parts.highlights)}${parts.after}`;
}

function goalsBlock(match: AreaMatch): Block {
  const heading = `${bold(`${areaLabel(match)} · 目标任务`)}`;
  return section(
    truncate(`${heading}\n${quote(clauseMrkdwn({ snippet: match.snippet, text: match.snippet, highlights: match.highlights }))}`, MAX_SECTION_TEXT),
  );
}

function topMeasureBlocks(top: MeasureResult): Block[] {
  const clause = `${bold(measureLabel(top.number))}｜${escapeMrkdwn(areaLabel(top.area))}\n${quote(clauseMrkdwn(top))}`;
  return [section(clause), ...(top.snippet !== top.text ? sections(escapeMrkdwn(top.text)) : [])];
}

function relatedBlock(title: string, related: readonly MeasureResult[]): Block {
  const lines = related.map((r) => `• ${bold(measureLabel(r.number))}｜${escapeMrkdwn(r.area.title)}　${clauseMrkdwn(r)}`);
  return section(truncate(`${bold(title)}\n${lines.join('\n')}`, MAX_SECTION_TEXT));
}

function answerButtons(answer: Answer, shown: number, options: AnswerRenderOptions): Block[] {
  const buttons: Button[] = [];
  const more = Math.min(answer.total, MAX_MORE_RESULTS);
  if (more > shown) buttons.push(button(`更多结果（共 ${more} 条）`, ACTION.moreResults, encodeValue({ q: answer.query })));
  if (options.shareable) buttons.push(button('发到频道', ACTION.share, encodeValue({ k: 'question', q: answer.query }), 'primary'));
  return buttons.length > 0 ? [actions('answer_actions', ...buttons)] : [];
}

function readAsBlocks(answer: Answer): Block[] {
  const readAs = [
    ...answer.interpretation.corrections.map((c) => `按“${c.word}”理解“${c.typed}”`),
    ...answer.interpretation.expansions.filter((e) => /[a-z]/iu.test(e.word)).map((e) => `“${e.word}”按“${e.planTerms.join('、')}”检索`),
  ];
  return readAs.length > 0 ? [context(escapeMrkdwn(readAs.join('；')))] : [];
}

/** A search whose answer is an area's 目标任务 paragraph alone. */
function renderGoalsAnswer(answer: Answer, goals: AreaMatch, options: AnswerRenderOptions): SlackMessage {
  const source = `来源：《${answer.source.title}》${areaLabel(goals)} · 目标任务`;
  return {
    text: fallbackText(`${areaLabel(goals)} · 目标任务：${goals.snippet}（${source}）`),
    blocks: [
      ...readAsBlocks(answer),
      goalsBlock(goals),
      ...answerButtons(answer, 0, options),
      context(escapeMrkdwn(source)),
      ...feedbackBlocks(options.feedback, answer.query, []),
    ],
  };
}

function renderSearchAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  const [top, ...rest] = answer.results;
  const [goals] = answer.relatedAreas;
  if (!top) return goals ? renderGoalsAnswer(answer, goals, options) : renderNothing(answer);
  const related = rest.slice(0, MAX_RELATED);
  const shown = [top, ...related];
  const goalsFirst = goals !== undefined && goals.score > top.score;
  const gloss = englishGloss(answer);
  const blocks: Block[] = [
    ...(gloss ? [context(escapeMrkdwn(gloss))] : []),
    ...(answer.notice ? [context(`:warning: ${escapeMrkdwn(answer.notice.message)}`)] : []),
    ...readAsBlocks(answer),
    ...(goalsFirst ? [goalsBlock(goals)] : []),
    ...topMeasureBlocks(top),
    ...(related.length > 0 ? [relatedBlock('相关措施', related)] : []),
    ...answerButtons(answer, shown.length, options),
    context(
      escapeMrkdwn(
        sourceLine(
          answer.source.title,
          shown.map((r) => r.number),
        ),
      ),
    ),
    ...feedbackBlocks(
      options.feedback,
      answer.query,
      shown.map((r) => r.number),
    ),
  ];
  const notice = answer.notice ? `${answer.notice.message}\n` : '';
  return {
    text: fallbackText(
      `${gloss ? `${gloss}\n` : ''}${notice}${measureLabel(top.number)}：${top.snippet}（${sourceLine(
        answer.source.title,
        shown.map((r) => r.number),
      )}）`,
    ),
    blocks,
  };
}

function renderNotCovered(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  const message = answer.notice?.message ?? '计划原文没有这方面的规定。';
  const related = answer.results.slice(0, ANSWER_SHOWS);
  const blocks: Block[] = [
    section(escapeMrkdwn(message)),
    ...(related.length > 0 ? [relatedBlock('相关措施（供参考）', related)] : []),
    ...(related.length > 0 ? answerButtons(answer, related.length, options) : []),
    ...(related.length > 0
      ? [
          context(
            escapeMrkdwn(
              sourceLine(
                answer.source.title,
                related.map((r) => r.number),
              ),
            ),
          ),
        ]
      : [context(escapeMrkdwn(HOW_TO_ASK))]),
    ...(options.escalate ? [escalateBlock(options.escalate)] : []),
    ...feedbackBlocks(
      options.feedback,
      answer.query,
      related.map((r) => r.number),
    ),
  ];
  return { text: fallbackText(message), blocks };
}

function renderOverview(overview: PlanOverviewAnswer): SlackMessage {
  const withPreamble = overview.facet === 'purpose' || overview.facet === 'summary';
  const blocks: Block[] = [
    header(`《${overview.title}》`),
    section(escapeMrkdwn(overviewSentence(overview))),
    ...(withPreamble && overview.preamble ? [section(quote(escapeMrkdwn(overview.preamble)))] : []),
    ...(overviewListsAreas(overview.facet) ? [section(overviewLines(overview))] : []),
    context('用 /area 编号 查看某个领域的目标任务和措施，例如 /area 3；用 /measure 编号 查看某条措施。'),
  ];
  return { text: fallbackText(`${overviewSentence(overview)}${withPreamble ? overview.preamble : ''}`), blocks };
}

/** A lookup by place says first where the measures stand (计划的倒数第 3 条是第 77 条), under the heading. */
function withPlaces(message: SlackMessage, sentence: string): SlackMessage {
  const [first, ...rest] = message.blocks;
  const line = section(escapeMrkdwn(sentence));
  const blocks = first?.type === 'header' ? [first, line, ...rest] : [line, ...message.blocks];
  return { text: truncate(`${fallbackText(sentence)}\n${message.text}`, MAX_FALLBACK_TEXT), blocks };
}

function renderNothing(answer: Answer, escalate?: EscalateValue): SlackMessage {
  const message = answer.notice?.message ?? '计划中没有找到相关内容。';
  const asksSomething = answer.notice?.code === 'no-match' || answer.notice?.code === 'no-context';
  return {
    text: fallbackText(message),
    blocks: [section(escapeMrkdwn(message)), ...(asksSomething ? [context(escapeMrkdwn(HOW_TO_ASK))] : []), ...(escalate ? [escalateBlock(escalate)] : [])],
  };
}

export function renderAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  switch (answer.kind) {
    case 'none':
      return renderNothing(answer, options.escalate);
    case 'area':
      return answer.area
        ? renderAreaCard(answer.area, {
            shareable: options.shareable,
            planTitle: answer.source.title,
            planId: answer.plan.id,
            ...(options.progress?.areaCounts ? { counts: options.progress.areaCounts } : {}),
            ...(options.progress?.unavailable ? { recordUnavailable: true } : {}),
          })
        : renderNothing(answer);
    case 'overview':
      return answer.overview ? renderOverview(answer.overview) : renderNothing(answer);
    case 'lookup': {
      const [only] = answer.results;
      const message =
        answer.results.length === 1 && only && !answer.notice
          ? renderMeasureCard(only, answer.source, { shareable: options.shareable, ...(options.progress?.card ? { progress: options.progress.card } : {}) })
          : renderMeasureList(answer, { shareable: options.shareable });
      return answer.places && answer.places.length > 0 ? withPlaces(message, placesSentence(answer.places)) : message;
    }
    case 'not-covered':
      return renderNotCovered(answer, options);
    case 'search':
      return options.asKeywordList && answer.results.length > 0 ? renderKeywordList(answer) : renderSearchAnswer(answer, options);
    case 'years':
      return renderYearsAnswer(answer, options);
  }
}

/** A question asked across the years: each plan's measure that answers it, newest plan first, each named with its year. */
function renderYearsAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  if (answer.results.length === 0) return renderNothing(answer);
  const label = (r: MeasureResult) => (r.plan ? planMeasureLabel(r.number, r.plan) : measureLabel(r.number));
  const blocks: Block[] = [
    ...(answer.notice ? [section(escapeMrkdwn(answer.notice.message))] : []),
    ...answer.results.map((r) => section(`${bold(label(r))}｜${escapeMrkdwn(r.area.title)}\n${quote(clauseMrkdwn(r))}`)),
    context(escapeMrkdwn(yearsSourceLine(answer.results))),
    ...feedbackBlocks(
      options.feedback,
      answer.query,
      answer.results.map((r) => r.number),
    ),
  ];
  return { text: fallbackText(answer.results.map((r) => `${label(r)}：${r.snippet}`).join('\n')), blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS) };
}

/** The longer list behind 更多结果: every result, a line each. */
export function renderMoreResults(answer: Answer): SlackMessage {
  if (answer.results.length === 0) return renderNothing(answer);
  const results = answer.results.slice(0, MAX_MORE_RESULTS);
  const lines = results.map((r) => `• ${bold(measureLabel(r.number))}｜${escapeMrkdwn(r.area.title)}\n${quote(clauseMrkdwn(r))}`);
  const blocks: Block[] = [
    context(escapeMrkdwn(`“${truncate(answer.query, 200)}”的 ${results.length} 条结果：`)),
    ...lines.map((l) => section(l)),
    context(
      escapeMrkdwn(
        sourceLine(
          answer.source.title,
          results.map((r) => r.number),
        ),
      ),
    ),
  ];
  return { text: fallbackText(results.map((r) => `${measureLabel(r.number)}：${r.snippet}`).join('\n')), blocks };
}
