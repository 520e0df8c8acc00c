/**
 * An Answer as a Slack message. A search answer shows the top measure with its area and the
 * clause that answers (matched words in bold), up to four related measures a line each, a
 * source line citing every measure shown, 更多结果 when there are more, and feedback buttons.
 * Lookups become measure cards or lists, an area its card, and "nothing found" a plain
 * sentence with a hint on how to ask, never a list of noise.
 */
import type { Answer, MeasureResult } from '../../core/answer/answer-schema.js';
import type { Plan } from '../../core/plan/plan-schema.js';
import { ACTION, encodeValue } from './action-values.js';
import { renderAreaCard } from './area-blocks.js';
import { actions, button, context, section } from './block-kit.js';
import { feedbackBlocks, type FeedbackStyle } from './feedback-blocks.js';
import { renderMeasureCard } from './measure-card.js';
import { renderMeasureList } from './measure-list.js';
import { escapeMrkdwn, quote, withHighlights, bold, fallbackText } from './mrkdwn.js';
import { MAX_SECTION_TEXT, truncate } from './slack-limits.js';
import type { Block, Button, SlackMessage } from './slack-message.js';

export interface AnswerRenderOptions {
  plan: Plan;
  feedback: FeedbackStyle;
  /** Offer 发到频道 (the answer is shown only to the asker). */
  shareable: boolean;
}

/** Related measures listed under the top one. */
export const MAX_RELATED = 4;
/** The top measure's full text is shown up to this length; the 全文 button shows the rest. */
const FULL_TEXT_PREVIEW = 600;

const HOW_TO_ASK = '可以这样问：“商标审查周期要控制在多久？”“国防知识产权有哪些措施？”，或用 /measure 42、/area 3 直接查看。';

function snippetMrkdwn(result: MeasureResult): string {
  const partial = result.snippet !== result.text;
  const opensText = result.text.startsWith(result.snippet);
  return `${partial && !opensText ? '…' : ''}${withHighlights(result.snippet, result.highlights)}${partial ? '…' : ''}`;
}

export function sourceText(plan: Plan, numbers: readonly number[]): string {
  return `来源：《${plan.title}》第 ${numbers.join('、')} 条`;
}

function answerFallbackText(answer: Answer, plan: Plan, shown: readonly MeasureResult[]): string {
  const [top] = shown;
  if (!top) return fallbackText(answer.notice?.message ?? '计划中没有找到相关内容。');
  const notice = answer.notice ? `${answer.notice.message}\n` : '';
  return fallbackText(`${notice}第 ${top.number} 条：${top.snippet}（${sourceText(plan, shown.map((r) => r.number))}）`);
}

function renderSearchAnswer(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  const { plan } = options;
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
    text: { type: 'mrkdwn', text: truncate(`${bold(`第 ${top.number} 条`)}｜${escapeMrkdwn(top.areaTitle)}\n${quote(snippetMrkdwn(top))}`, MAX_SECTION_TEXT) },
    accessory: button('全文', ACTION.openMeasure, encodeValue({ n: top.number })),
  });
  if (top.snippet !== top.text) blocks.push(context(escapeMrkdwn(`全文：${truncate(top.text, FULL_TEXT_PREVIEW)}`)));

  if (related.length > 0) {
    const lines = related.map((r) => `• ${bold(`第 ${r.number} 条`)}　${snippetMrkdwn(r)}`);
    blocks.push(section(`${bold('相关措施')}\n${lines.join('\n')}`));
  }

  const buttons: Button[] = [];
  if (answer.total > shown.length) buttons.push(button(`更多结果（共 ${answer.total} 条）`, ACTION.moreResults, encodeValue({ q: answer.query })));
  if (options.shareable) buttons.push(button('发到频道', ACTION.share, encodeValue({ k: 'question', q: answer.query }), 'primary'));
  if (buttons.length > 0) blocks.push(actions('answer_actions', ...buttons));

  blocks.push(context(escapeMrkdwn(sourceText(plan, shown.map((r) => r.number)))));
  blocks.push(...feedbackBlocks(options.feedback, answer.query, shown.map((r) => r.number)));
  return { text: answerFallbackText(answer, plan, shown), blocks };
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
      return answer.area ? renderAreaCard(answer.area, { shareable: options.shareable, planTitle: options.plan.title }) : renderNothing(answer);
    case 'lookup':
      return answer.results.length === 1 && answer.results[0] && !answer.notice
        ? renderMeasureCard(options.plan, answer.results[0].number, { shareable: options.shareable })
        : renderMeasureList(options.plan, answer, { shareable: options.shareable });
    case 'search':
      return renderSearchAnswer(answer, options);
  }
}

/** The longer list behind 更多结果: every result, a line each. */
export function renderMoreResults(answer: Answer, options: AnswerRenderOptions): SlackMessage {
  if (answer.results.length === 0) return renderNothing(answer);
  const lines = answer.results.map((r) => `• ${bold(`第 ${r.number} 条`)}｜${escapeMrkdwn(r.areaTitle)}\n${quote(snippetMrkdwn(r))}`);
  const blocks: Block[] = [
    context(escapeMrkdwn(`“${truncate(answer.query, 200)}”的全部 ${answer.results.length} 条结果：`)),
    ...lines.map((l) => section(l)),
    context(escapeMrkdwn(sourceText(options.plan, answer.results.map((r) => r.number)))),
  ];
  return { text: fallbackText(answer.results.map((r) => `第 ${r.number} 条：${r.snippet}`).join('\n')), blocks };
}
