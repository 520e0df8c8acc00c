/**
 * How the command line and the console lay out their help: each entry as it is typed, then what
 * it does in Chinese (for the people who use the plan) and in English (for administrators). One
 * line each rather than columns, since Chinese characters take two columns in a terminal.
 */
export interface HelpEntry {
  syntax: string;
  zh: string;
  en: string;
}

export function renderHelpEntries(entries: readonly HelpEntry[]): string[] {
  return entries.flatMap(({ syntax, zh, en }) => [`  ${syntax}`, `      ${zh}`, `      ${en}`]);
}
