/**
 * The one text normalisation shared by the index, the dictionary and questions: Unicode
 * compatibility forms folded (full-width `４２`/`ＵＰＯＶ` → `42`/`upov`, `（` → `(`) and Latin
 * letters lower-cased.
 */

export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
