/**
 * What a question looks like before it is understood: invisible and control characters removed,
 * Traditional Chinese characters converted to Simplified (OpenCC, character by character: its
 * Taiwan *phrase* table would also rewrite plain simplified words, 核心 → 内核), then folded like
 * the plan text. Taiwan and Hong Kong wording (智慧财产权, 软体) is mapped by the synonym list.
 */
import { ConverterFactory } from 'opencc-js/core';
import fromTaiwan from 'opencc-js/from/tw';
import toMainland from 'opencc-js/to/cn';
import { foldText } from '../text/fold-text.js';

/** A question longer than this is not a question; callers reject it with a message. */
export const MAX_QUESTION_LENGTH = 500;

// C0/C1 controls, zero-width characters, bidi embeddings/overrides/isolates, BOM.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const WHITESPACE_RUN = /\s+/gu;

const toSimplifiedChinese = ConverterFactory(fromTaiwan, toMainland);

/**
 * Removes what cannot be read (controls, invisible and bidi characters; a lone surrogate becomes
 * U+FFFD) and folds whitespace; keeps everything a person typed. Text quoted back to people goes
 * through this too.
 */
export function cleanQuestion(raw: string): string {
  return raw.toWellFormed().replace(INVISIBLE, ' ').replace(WHITESPACE_RUN, ' ').trim();
}

export function toSimplified(text: string): string {
  return toSimplifiedChinese(text);
}

/** Cleaned, simplified and folded: the form every query step works on. */
export function normaliseQuestion(raw: string): string {
  return foldText(toSimplified(cleanQuestion(raw)));
}

/** True when the raw input has control characters other than ordinary whitespace. */
export function hasControlCharacters(raw: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u.test(raw);
}
