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

/** A short form is at least this long, and leaves at least this much of the name off. */
const MIN_SHORT_FORM = 2;

/**
 * The short forms people use for the plan's quoted names: a beginning of a name that is no word
 * at all (剑网 for 剑网行动: the segmenter splits it into single characters), which nothing else
 * would find. A beginning made of words (政府机关使用正版软件, 金农) finds the name through them.
 */
export function shortFormsOfNames(names: readonly string[], isNoWord: (prefix: string) => boolean): Array<{ from: string[]; to: string[] }> {
  const forms = new Map<string, Set<string>>();
  for (const name of names) {
    const chars = [...name];
    for (let length = MIN_SHORT_FORM; length <= chars.length - MIN_SHORT_FORM; length++) {
      const prefix = chars.slice(0, length).join('');
      if (!/^\p{Script=Han}+$/u.test(prefix) || !isNoWord(prefix)) continue;
      forms.set(prefix, (forms.get(prefix) ?? new Set()).add(name));
    }
  }
  // A beginning shared by several names stands for none of them.
  return [...forms].filter(([, to]) => to.size === 1).map(([from, to]) => ({ from: [from], to: [...to] }));
}
