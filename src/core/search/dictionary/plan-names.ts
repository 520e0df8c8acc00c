/**
 * Names the plan itself marks as names: document titles in 《…》 (and 〈…〉 nested inside them) and
 * terms in quotation marks (“剑网行动”, “金农工程”, “傍名牌”). They go into the dictionary whole, so a
 * title is one token as well as its words.
 */

const MARKED_NAME = /《([^《》]+)》|〈([^〈〉]+)〉|“([^“”]+)”|「([^「」]+)」/gu;
/** Longer quoted spans are sentences, not names. */
const MAX_NAME_LENGTH = 40;
const MIN_NAME_LENGTH = 2;

export function extractMarkedNames(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(MARKED_NAME)) {
      const name = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim();
      if (name.length >= MIN_NAME_LENGTH && name.length <= MAX_NAME_LENGTH) names.add(name);
      // A title that quotes another title: both are names.
      for (const inner of name.matchAll(/〈([^〈〉]+)〉/gu)) {
        if (inner[1]) names.add(inner[1]);
      }
    }
  }
  return [...names];
}
