/**
 * The part of a measure that answers the question: the clause (or, in a long enumerating clause,
 * the stretch between 、) holding the most question weight, with the matched terms' places marked.
 * A factoid such as "9个月" sits in the clause next to the words that were asked about, so the
 * snippet shows it without the whole measure.
 */
import { splitClauses, trimClauseEnd } from '../../plan/split-clauses.js';
import { foldText } from './fold-text.js';

/** A clause longer than this is split further at its top-level 、 enumeration marks. */
const LONG_CLAUSE = 60;
/** A winning piece shorter than this is shown together with the piece after it. */
const SHORT_PIECE = 12;

export interface Snippet {
  text: string;
  /** Where the snippet starts and ends in the measure's display text. */
  start: number;
  end: number;
  /** Ranges of `text` (UTF-16 offsets, end exclusive) that matched the question. */
  highlights: Array<[number, number]>;
}

interface Piece {
  start: number;
  end: number;
  /** The piece's text, folded. */
  folded: string;
}

/** Pieces of each measure text, computed once per text: the plan's texts are few and fixed. */
const piecesCache = new Map<string, Piece[]>();
const MAX_CACHED_TEXTS = 1000;

function pieces(text: string, clauses: readonly string[]): Piece[] {
  const cached = piecesCache.get(text);
  if (cached) return cached;
  const computed = splitPieces(text, clauses).map((p) => ({ ...p, folded: foldText(text.slice(p.start, p.end)) }));
  if (piecesCache.size >= MAX_CACHED_TEXTS) piecesCache.clear();
  piecesCache.set(text, computed);
  return computed;
}

function splitPieces(text: string, clauses: readonly string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const clause of clauses) {
    const parts = clause.length > LONG_CLAUSE ? splitClauses(clause.replaceAll('、', '，')) : [clause];
    for (const part of parts) {
      out.push({ start: offset, end: offset + part.length });
      offset += part.length;
    }
  }
  if (offset !== text.length) return [{ start: 0, end: text.length }];
  return out;
}

/**
 * What kind of answer the question wants, so that among pieces matching it equally the one holding
 * the answer wins: `什么报告` wants the piece with 报告, `多久` a number the question doesn't already
 * give, `什么文件` a 《title》 that is not the one the question names.
 */
export interface AnswerFocus {
  /** The noun after 什么/哪个/哪部 …, folded. */
  head?: string;
  wantsNumber: boolean;
  wantsTitle: boolean;
  /** The folded question, to tell new information from repeated. */
  question: string;
}

/** Each kind of answer a piece holds multiplies its score by this much more. */
const FOCUS_BONUS = 0.6;

/** A title counts as new information when at least this share of its characters is not in the question. */
const NEW_TITLE_SHARE = 0.4;
const DIGIT = /[0-9一二三四五六七八九十百]/u;

function focusBonus(folded: string, focus: AnswerFocus): number {
  let bonus = 0;
  if (focus.head && folded.includes(focus.head)) bonus += FOCUS_BONUS;
  if (focus.wantsNumber && [...folded].some((c) => DIGIT.test(c) && !focus.question.includes(c))) bonus += FOCUS_BONUS;
  if (focus.wantsTitle) {
    for (const match of folded.matchAll(/《([^》]+)》/gu)) {
      const title = match[1] as string;
      const unseen = [...title].filter((c) => !focus.question.includes(c)).length;
      if (unseen / title.length >= NEW_TITLE_SHARE) {
        bonus += FOCUS_BONUS;
        break;
      }
    }
  }
  return 1 + bonus;
}

/** Sum of the weights of the terms in `folded`, a term inside another present term not counted again. */
function pieceScore(folded: string, termWeights: ReadonlyMap<string, number>): number {
  const present = [...termWeights.keys()].filter((t) => folded.includes(t));
  return present.filter((t) => !present.some((u) => u !== t && u.includes(t))).reduce((sum, t) => sum + (termWeights.get(t) ?? 0), 0);
}

/**
 * `termWeights`: the matched terms (folded) and how much each one counts. With no weights the
 * snippet is the opening clause.
 */
export function buildSnippet(text: string, clauses: readonly string[], termWeights: ReadonlyMap<string, number>, focus?: AnswerFocus): Snippet {
  const all = pieces(text, clauses);
  let best = 0;
  let bestScore = 0;
  all.forEach((piece, i) => {
    const score = pieceScore(piece.folded, termWeights) * (focus ? focusBonus(piece.folded, focus) : 1);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  const chosen = all[best] as Piece;
  let end = chosen.end;
  if (chosen.end - chosen.start < SHORT_PIECE && all[best + 1]) end = (all[best + 1] as Piece).end;
  const raw = text.slice(chosen.start, end);
  const snippetText = end === text.length ? raw : trimClauseEnd(raw);
  return {
    text: snippetText,
    start: chosen.start,
    end: chosen.start + snippetText.length,
    highlights: focus ? answerHighlights(snippetText, focus) : [],
  };
}

/** The plan's clause-opening verbs, left out of a bold noun phrase (发布…年度报告 → …年度报告). */
const LEADING_VERB =
  /^(?:发布|制定|出台|建立|开展|推进|推动|完善|实施|落实|加强|启动|编制|印发|修订|起草|形成|培育|探索|研究|支持|组织|加快|深化|构建|提升|提高|办好|做好|建设)/u;

const NUMBER_RUN = '[0-9０-９一二两三四五六七八九十百千万]+';
/** A number with what it counts (9个月, 3个, 第十次, 2014—2020年, 2—3个), as a fact answering 多久/多少/几. */
const ANSWER_NUMBER = new RegExp(
  `第?${NUMBER_RUN}(?:\\s*[—–-]\\s*${NUMBER_RUN})?\\s*(?:个月|个|年|月|日|天|次|项|条|家|所|批|类|倍|%|％|万|亿)(?:内|以内)?`,
  'gu',
);

/**
 * The part of a snippet that answers the question, for bold: a number a 多久/多少/几 question
 * did not already give, a 《title》 a 什么文件 question asks for, the head noun of 什么报告 where it
 * stands. A question with no such focus gets no bold: the clause is the answer.
 */
export function answerHighlights(snippet: string, focus: AnswerFocus): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const fresh = (found: string): boolean => [...found].some((c) => !focus.question.includes(c));
  if (focus.wantsNumber) {
    for (const m of snippet.matchAll(ANSWER_NUMBER)) if (fresh(m[0])) ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  if (focus.wantsTitle) {
    for (const m of snippet.matchAll(/《[^》]+》/gu)) if (fresh(m[0])) ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  if (ranges.length === 0 && focus.head) {
    const at = foldText(snippet).indexOf(focus.head);
    if (at >= 0) {
      // The head with the words before it in its clause piece: 知识产权质量年度报告 for 什么报告.
      const before = snippet.slice(0, at).search(/[^，、；。（）《》“”]*$/u);
      const verb = LEADING_VERB.exec(snippet.slice(before, at))?.[0].length ?? 0;
      ranges.push([Math.max(0, before + verb), at + focus.head.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges.filter((r, i) => i === 0 || r[0] >= (ranges[i - 1]?.[1] ?? 0));
}
