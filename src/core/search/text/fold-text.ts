/**
 * The one text normalisation shared by the index, the dictionary and questions: Unicode
 * compatibility forms folded (full-width `４２`/`ＵＰＯＶ` → `42`/`upov`, `（` → `(`) and Latin
 * letters lower-cased. Folding is done one code point at a time so every folded character can
 * be traced back to its place in the original, which is what snippet highlighting needs.
 */

export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export interface FoldedText {
  folded: string;
  /** `origin[i]`: index in the original string of the character that produced `folded[i]`. */
  origin: number[];
}

export function foldWithOrigin(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = char.normalize('NFKC').toLowerCase();
    folded += piece;
    for (let i = 0; i < piece.length; i++) origin.push(index);
    index += char.length;
  }
  return { folded, origin };
}
