/**
 * An Answer as a Slack message. A search answer shows the top measure with its area and the
 * clause that answers (matched words in bold), up to four related measures a line each, a
 * source line citing every measure shown, 更多结果 when there are more, and feedback buttons.
 * Lookups become measure cards or lists, an area its card, and "nothing found" a plain
 * sentence with a hint on how to ask, never a list of noise.
 */
import type { Answer, MeasureResult } from '../../core/answer/answer-schema.js';
import { measureLabel, snippetParts, sourceLine } from '../answer-parts.js';
import { ACTION, encodeValue } from './action-values.js';
import { renderAreaCard } from './area-blocks.js';
import { actions, button, context, section } from './block-kit.js';
import { feedbackBlocks, type FeedbackStyle } from './feedback-blocks.js';
import { renderMeasureCard } from './measure-card.js';
import type { CardProgress } from './progress-blocks.js';
import type { StatusCounts } from '../../core/progress/progress-overview.js';
import { renderKeywordList, renderMeasureList } from './measure-list.js';
import { escapeMrkdwn, quote, withHighlights, bold, fallbackText } from './mrkdwn.js';
import { MAX_SECTION_TEXT, truncate } from './slack-limits.js';
import type { Block, Button, SlackMessage } from './slack-message.js';

export interface AnswerRenderOptions {
  feedback: FeedbackStyle;
  /** Offer 发到频道 (the answer is shown only to the asker). */
  shareable: boolean;
  /** Show a search as a list of matches (`/measure 关键词`) rather than as an answer. */
  asKeywordList?: boolean;
  /** The coordinators' record for a single measure's card, and an area's status counts. */
  progress?: { card?: CardProgress; areaCounts?: StatusCounts };
}

/** Related measures listed under the top one. */
export const MAX_RELATED = 4;
/** The top measure's full text is shown up to this length; the 全文 button shows the rest. */
const FULL_TEXT_PREVIEW = 600;

const HOW_TO_ASK = '可以这样问：“商标审查周期要控制在多久？”“国防知识产权有哪些措施？”，或用 /measure 42、/area 3 直接查看。';

function snippetMrkdwn(result: MeasureResult): string {
  const parts = snippetParts(result);
  return `${parts.before}${withHighlights(parts.text, parts.highlights)}${parts.after}`;
}

function answerFallbackText(answer: Answer, shown: readonly MeasureResult[]): string {
  const [top] = shown;
  if (!top) return fallbackText(answer.notice?.message ?? '计划中没有找到相关内容。');
  const notice = answer.notice ? `${answer.notice.message}\n` : '';
  return fallbackText(`${notice}${measureLabel(top.number)}：${top.snippet}（${sourceLine(answer.source.title, shown.map((r) => r.number))}）`);
}

function renderSearchAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  const [top, ...rest] = answer.results;
  if (!top) return renderNothing(answer);
  const related = rest.slice(0, MAX_RELATED);
  const shown = [top, ...related];
  const blocks: Block[] = [];

  if (answer.notice) blocks.push(section(`:warning: ${escapeMrkdwn(answer.notice.message)}`));
  const readAs = [
    ...answer.interpretation.corrections.map((c) => `按“${c.word}”理解“${c.typed}”`),
    ...answer.interpretation.expansions.filter((e) => /[a-z]/iu.test(e.word)).map((e) => `“${e.word}”按“${e.planTerms.join('、')}”检索`),
  ];
  if (readAs.length > 0) blocks.push(context(escapeMrkdwn(readAs.join('；'))));

  blocks.push({
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(`${bold(measureLabel(top.number))}｜${escapeMrkdwn(top.area.title)}\n${quote(snippetMrkdwn(top))}`, MAX_SECTION_TEXT) },
    accessory: button('全文', ACTION.openMeasure, encodeValue({ n: top.number })),
  });
  if (top.snippet !== top.text) blocks.push(context(escapeMrkdwn(`全文：${truncate(top.text, FULL_TEXT_PREVIEW)}`)));

  if (related.length > 0) {
    const lines = related.map((r) => `• ${bold(measureLabel(r.number))}　${snippetMrkdwn(r)}`);
    blocks.push(section(`${bold('相关措施')}\n${lines.join('\n')}`));
  }

  const buttons: Button[] = [];
  if (answer.total > shown.length) buttons.push(button(`更多结果（共 ${answer.total} 条）`, ACTION.moreResults, encodeValue({ q: answer.query })));
  if (options.shareable) buttons.push(button('发到频道', ACTION.share, encodeValue({ k: 'question', q: answer.query }), 'primary'));
  if (buttons.length > 0) blocks.push(actions('answer_actions', ...buttons));

  blocks.push(context(escapeMrkdwn(sourceLine(answer.source.title, shown.map((r) => r.number)))));
  blocks.push(...feedbackBlocks(options.feedback, answer.query, shown.map((r) => r.number)));
  return { text: answerFallbackText(answer, shown), blocks };
}

function renderNothing(answer: Answer): SlackMessage {
  const message = answer.notice?.message ?? '计划中没有找到相关内容。';
  const asksSomething = answer.notice?.code === 'no-match';
  return {
    text: fallbackText(message),
    blocks: [section(escapeMrkdwn(message)), ...(asksSomething ? [context(escapeMrkdwn(HOW_TO_ASK))] : [])],
  };
}

export function renderAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  switch (answer.kind) {
    case 'none':
      return renderNothing(answer);
    case 'area':
      return answer.area
        ? renderAreaCard(answer.area, { shareable: options.shareable, planTitle: answer.source.title, ...(options.progress?.areaCounts ? { counts: options.progress.areaCounts } : {}) })
        : renderNothing(answer);
    case 'lookup': {
      const [only] = answer.results;
      return answer.results.length === 1 && only && !answer.notice
        ? renderMeasureCard(only, answer.source, { shareable: options.shareable, ...(options.progress?.card ? { progress: options.progress.card } : {}) })
        : renderMeasureList(answer, { shareable: options.shareable });
    }
    case 'search':
      return options.asKeywordList && answer.results.length > 0 ? renderKeywordList(answer) : renderSearchAnswer(answer, options);
  }
}

/** The longer list behind 更多结果: every result, a line each. */
export function renderMoreResults(answer: Answer): SlackMessage {
  if (answer.results.length === 0) return renderNothing(answer);
  const lines = answer.results.map((r) => `• ${bold(measureLabel(r.number))}｜${escapeMrkdwn(r.area.title)}\n${quote(snippetMrkdwn(r))}`);
  const blocks: Block[] = [
    context(escapeMrkdwn(`“${truncate(answer.query, 200)}”的全部 ${answer.results.length} 条结果：`)),
    ...lines.map((l) => section(l)),
    context(escapeMrkdwn(sourceLine(answer.source.title, answer.results.map((r) => r.number)))),
  ];
  return { text: fallbackText(answer.results.map((r) => `${measureLabel(r.number)}：${r.snippet}`).join('\n')), blocks };
}
