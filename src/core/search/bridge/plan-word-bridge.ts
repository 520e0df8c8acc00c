/**
 * The word bridge for this plan: which of the plan's words a question may be bridged to (words
 * that tell measures apart, not the plan's background or stock verbs), and which words may be
 * bridged from (any the dictionary glosses that the plan does not use and that do not merely
 * shape a question).
 */
import { EVERYDAY_ACTORS, FUNCTION_WORDS, GENERIC_WORDS, QUESTION_WORDS } from '../text/stop-words.js';
import { buildWordBridge, type WordBridgeOptions } from './build-word-bridge.js';
import { parseGlossDictionary, readGlossSource, type GlossDictionary } from './gloss-dictionary.js';
import type { WordBridge } from './word-bridge.js';

/** A word in more than this share of the plan's documents is its background (知识产权): no target. */
const BACKGROUND_SHARE = 0.3;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** The plan's words worth reaching, from the terms of each of its documents. */
function bridgeTargets(documentTerms: ReadonlyArray<readonly string[]>): Set<string> {
  const df = new Map<string, number>();
  for (const terms of documentTerms) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const targets = new Set<string>();
  for (const [term, count] of df) {
    if (!HAN_WORD.test(term) || count > documentTerms.length * BACKGROUND_SHARE) continue;
    if (GENERIC_WORDS.has(term) || EVERYDAY_ACTORS.has(term) || QUESTION_WORDS.has(term)) continue;
    targets.add(term);
  }
  return targets;
}

export function buildPlanWordBridge(
  documentTerms: ReadonlyArray<readonly string[]>,
  glosses: GlossDictionary = parseGlossDictionary(readGlossSource()),
  options: WordBridgeOptions = {},
): WordBridge {
  const planTerms = new Set(documentTerms.flat());
  const isSource = (word: string): boolean => !planTerms.has(word) && !QUESTION_WORDS.has(word) && !FUNCTION_WORDS.has(word);
  return buildWordBridge({ glosses, targets: bridgeTargets(documentTerms), isSource }, options);
}
